import type { QueuedItem } from '../storage/queued-item.ts';

/** What one flush learns about each destination (endpoint and site key) as it goes. */
export type Destinations = {
  /** Just acknowledged a batch: its backed-off items go now. */
  healthy: Set<string>;
  /** Just failed: left alone until the next flush. */
  failing: Set<string>;
  /** Answered 413: the batch size it took. */
  sizes: Map<string, number>;
};

export const newDestinations = (): Destinations => ({ healthy: new Set(), failing: new Set(), sizes: new Map() });

export const destinationKey = (item: QueuedItem) => `${item.to.endpoint} ${item.to.siteKey}`;
