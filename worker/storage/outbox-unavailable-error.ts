/** IndexedDB cannot hold the response (private mode, quota, blocked storage): the caller should send it now. */
export class OutboxUnavailableError extends Error {
  override name = 'OutboxUnavailableError';
  constructor(cause: unknown) {
    super(
      `outcome-survey: the offline queue (IndexedDB) is unavailable: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`,
      { cause },
    );
  }
}
