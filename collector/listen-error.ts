/** A port that cannot be listened on, with the way out named: the setting that moves it. */
export class ListenError extends Error {
  override name = 'ListenError';
  /** The system's code (EADDRINUSE, EACCES, …), so callers never read the message. */
  readonly code: string | undefined;
  constructor(host: string, port: number, cause: NodeJS.ErrnoException, setting: string) {
    const hint =
      cause.code === 'EADDRINUSE'
        ? `: another process is using port ${port}; stop it, or set ${setting} to a free port (e.g. ${setting}=${port + 1})`
        : cause.code === 'EACCES'
          ? `: ports under 1024 need privileges; set ${setting} to a port above 1024`
          : `; set ${setting} to another port`;
    super(`cannot listen on ${host}:${port} (${setting}): ${cause.message}${hint}`, { cause });
    this.code = cause.code;
  }
}
