export type LogFields = Record<string, unknown>;

/** Structured JSON lines. Callers pass counts and ids, never answers or learner refs. */
export type Logger = {
  info(fields: LogFields): void;
  warn(fields: LogFields): void;
  error(fields: LogFields): void;
};

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const at = (level: string) => (fields: LogFields) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, ...fields }));
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Keeps lines in memory, for tests that check what was (and was not) logged. */
export function memoryLogger(): Logger & { lines: LogFields[] } {
  const lines: LogFields[] = [];
  const at = (level: string) => (fields: LogFields) => lines.push({ level, ...fields });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
