type Bucket = { tokens: number; at: number };

/**
 * Token buckets in this process's memory: each instance behind a load balancer
 * counts on its own, so N instances allow up to N times the limit. Idle full
 * buckets are dropped when the map grows, so memory stays bounded.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;

  constructor(
    readonly perMinute: number,
    readonly now: () => number = Date.now,
    readonly maxKeys = 100_000,
  ) {
    this.#perMs = perMinute / 60_000;
  }

  /** Takes one token for the key: 0 when allowed, else the seconds to wait before the next one. */
  take(key: string): number {
    const now = this.now();
    let bucket = this.#buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.#perMs);
      bucket.at = now;
    } else {
      if (this.#buckets.size >= this.maxKeys) this.#prune(now);
      bucket = { tokens: this.perMinute, at: now };
      this.#buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
  }

  #prune(now: number): void {
    for (const [key, b] of this.#buckets)
      if (b.tokens + (now - b.at) * this.#perMs >= this.perMinute) this.#buckets.delete(key);
    // Still full of busy keys (a flood of addresses): forget the oldest half rather than grow without bound.
    if (this.#buckets.size >= this.maxKeys) {
      let drop = this.#buckets.size / 2;
      for (const key of this.#buckets.keys()) {
        if (drop-- <= 0) break;
        this.#buckets.delete(key);
      }
    }
  }
}
