export type LaterParts = typeof import('./later-parts.ts');

let loading: Promise<LaterParts> | undefined;

/** The later chunk, fetched once per page; a failed fetch (flaky network) is tried again on the next call. */
export function loadLaterParts(): Promise<LaterParts> {
  loading ??= import('./later-parts.ts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
