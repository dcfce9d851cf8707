export class BuildError extends Error {}

export function builtEntry(
  entry: string,
  options: { root: string; cacheDir: string },
): Promise<{ bundle: string; rebuilt: boolean }>;
