// For a host developer wiring the widget in (data-debug / debug: true): what it decided and did.
// console.info, not console.debug: Chromium hides "Verbose" messages unless asked.
let enabled = false;

export function setDebug(on: boolean): void {
  enabled = on;
}

/** Logs one lifecycle step when debugging is on; a no-op otherwise. */
export function debugLog(...args: unknown[]): void {
  if (enabled) console.info('outcome-survey:', ...args);
}
