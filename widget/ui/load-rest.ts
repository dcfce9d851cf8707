export type Rest = typeof import('./rest/index.ts');

let loading: Promise<Rest> | undefined;

/** widget/ui/rest/, fetched once per page; a failed fetch (flaky network) is tried again on the next call. */
export function loadRest(): Promise<Rest> {
  loading ??= import('./rest/index.ts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
