/**
 * What the widget remembers on the device between visits. Only non-sensitive
 * flags: when we last asked, snoozes, "don't ask me again", which waves are answered.
 * Never answers (DESIGN.md: sensitive answers never sit in localStorage).
 */
export type PromptState = {
  lastPromptAt?: number;
  snoozedUntil: Record<string, number>;
  doNotAsk: string[];
  /** "surveyId:wave" entries. */
  answered: string[];
};

const KEY = 'outcome-survey';

export function emptyPromptState(): PromptState {
  return { snoozedUntil: {}, doNotAsk: [], answered: [] };
}

/** Storage can be missing or throw (sandboxed iframes, blocked cookies): then we remember nothing. */
export function readPromptState(storage: Storage | undefined = safeLocalStorage()): PromptState {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? 'null');
    if (!parsed || typeof parsed !== 'object') return emptyPromptState();
    const p = parsed as Partial<PromptState>;
    return {
      lastPromptAt: typeof p.lastPromptAt === 'number' ? p.lastPromptAt : undefined,
      snoozedUntil: p.snoozedUntil && typeof p.snoozedUntil === 'object' ? p.snoozedUntil : {},
      doNotAsk: Array.isArray(p.doNotAsk) ? p.doNotAsk.filter((x) => typeof x === 'string') : [],
      answered: Array.isArray(p.answered) ? p.answered.filter((x) => typeof x === 'string') : [],
    };
  } catch {
    return emptyPromptState();
  }
}

export function updatePromptState(
  change: (state: PromptState) => void,
  storage: Storage | undefined = safeLocalStorage(),
): void {
  const state = readPromptState(storage);
  change(state);
  try {
    storage?.setItem(KEY, JSON.stringify(state));
  } catch {
    // Full or blocked storage: the flags are a courtesy, not data; carry on.
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
