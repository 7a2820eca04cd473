/**
 * A small read-through cache of rows per user id, for the reads every authenticated request
 * makes (the caller's account, their profile).
 *
 * How stale a row can be:
 * - changed through this process's repositories: never (the write publishes on the bus, which
 *   forgets the row before the write returns);
 * - changed by another process on PostgreSQL: until its NOTIFY arrives (milliseconds); while the
 *   bus is not live nothing is kept;
 * - changed by another process on SQLite (`devladder admin …`), or by SQL outside the
 *   repositories: at most `ttlMs`.
 *
 * A load that overlaps an invalidation is returned but not kept (the epoch moved), so a read that
 * began before a write cannot put the old row back after the write forgot it. Missing rows
 * (undefined) are never kept. The size is bounded; when full the oldest entry goes, and since
 * every entry is reloaded at least once per TTL, busy users stay in. Kept rows are frozen: every
 * reader shares them, so a reader changing one would be a bug that now throws.
 */
import type { Clock } from "./clock.js";
import type { InvalidationBus } from "../store/invalidation-bus.js";

export interface ReadCache<V> {
  /** the cached row, or what `load` returns (kept when it is a row and nothing overlapped) */
  get(userId: string, load: () => Promise<V | undefined>): Promise<V | undefined>;
}

export interface ReadCacheOptions {
  readonly bus: InvalidationBus;
  readonly clock: Clock;
  readonly ttlMs?: number;
  readonly maxEntries?: number;
}

/** the safety net for changes no notification announces (see above) */
export const READ_CACHE_TTL_MS = 5_000;
export const READ_CACHE_MAX_ENTRIES = 10_000;

export function readCache<V>(options: ReadCacheOptions): ReadCache<V> {
  const { bus, clock } = options;
  const ttlMs = options.ttlMs ?? READ_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? READ_CACHE_MAX_ENTRIES;
  const entries = new Map<string, { readonly value: V; readonly expiresAt: number }>();
  let epoch = 0;
  bus.subscribe((userId) => {
    epoch += 1;
    if (userId === null) entries.clear();
    else entries.delete(userId);
  });

  return {
    async get(userId, load) {
      const now = clock.now().getTime();
      const hit = entries.get(userId);
      if (hit !== undefined) {
        if (now < hit.expiresAt) return hit.value;
        entries.delete(userId);
      }
      bus.start();
      const before = epoch;
      const keep = bus.live;
      const value = await load();
      if (value !== undefined && keep && bus.live && epoch === before) {
        if (entries.size >= maxEntries) {
          const oldest = entries.keys().next();
          if (!oldest.done) entries.delete(oldest.value);
        }
        entries.set(userId, { value: Object.freeze(value), expiresAt: now + ttlMs });
      }
      return value;
    },
  };
}
