export { DEFAULT_MAX_AGE_MS, type FlushOptions, type FlushReport, flush } from './flush.ts';
export { deadLetters, enqueue, eraseQueued, OutboxUnavailableError, pendingResponses } from './outbox.ts';
export type { DeadLetter, Destination, QueuedItem } from './queued-item.ts';
export { FLUSH_MESSAGE, registerOutcomeSurveyHandlers, SYNC_TAG } from './register-handlers.ts';
export { sendNow } from './send-now.ts';
