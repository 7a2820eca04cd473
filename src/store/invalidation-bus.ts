/**
 * Tells every process that a user's cached rows (account, profile) are stale, so the read caches
 * in front of the repositories (cached-repositories.ts) can forget them.
 *
 * - In-process (SQLite): the server is one process; publishing forgets the rows at once. Other
 *   processes on the same file (`devladder admin …`) are not heard: the caches' TTL bounds that.
 * - PostgreSQL: LISTEN/NOTIFY on one channel. Publishing forgets the rows in this process at once
 *   and sends a NOTIFY that every other listening process receives once the write has committed
 *   (publish is called after it), typically within milliseconds. While the listening connection
 *   is down the bus is not `live`: caches drop everything they hold and store nothing until it
 *   is back (reconnecting with backoff), since notifications sent meanwhile are lost.
 *
 * The bus connects only when a cache first asks it to (`start`), so processes that never read
 * through a cache (workers, `migrate`) open no listening connection.
 */
import { sql, type Kysely } from "kysely";
import pg from "pg";
import type { Database } from "./database.types.js";

/** a user id, or null for "everything" (after notifications may have been missed) */
export type InvalidationListener = (userId: string | null) => void;

export interface InvalidationBus {
  /** true while changes made by other processes are heard; caches keep rows only then */
  readonly live: boolean;
  /** begins listening if it has not (idempotent, never throws; failures are logged and retried) */
  start(): void;
  /** resolves once the bus is live (starting it if needed); for start-up checks and tests */
  ready(): Promise<void>;
  /** forgets the user's rows in this process at once, then tells the other processes */
  publish(userId: string): Promise<void>;
  subscribe(listener: InvalidationListener): void;
  close(): Promise<void>;
}

export function inProcessInvalidationBus(): InvalidationBus {
  const listeners: InvalidationListener[] = [];
  return {
    live: true,
    start: () => {},
    ready: () => Promise.resolve(),
    publish: (userId) => {
      for (const listener of listeners) listener(userId);
      return Promise.resolve();
    },
    subscribe: (listener) => void listeners.push(listener),
    close: () => Promise.resolve(),
  };
}

export const INVALIDATION_CHANNEL = "devladder_cache_invalidation";
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

export interface PostgresInvalidationBusOptions {
  readonly connectionString: string;
  /** where NOTIFY is sent from (the store's pool) */
  readonly db: Kysely<Database>;
  readonly log: (line: string) => void;
}

export function postgresInvalidationBus(options: PostgresInvalidationBusOptions): InvalidationBus {
  const { connectionString, db, log } = options;
  const listeners: InvalidationListener[] = [];
  const emit = (userId: string | null) => {
    for (const listener of listeners) listener(userId);
  };
  let client: pg.Client | undefined;
  let started = false;
  let closed = false;
  let live = false;
  let retryMs = RECONNECT_MIN_MS;
  let retryTimer: NodeJS.Timeout | undefined;
  let waiting: (() => void)[] = [];

  const connect = async () => {
    const connection = new pg.Client({ connectionString });
    client = connection;
    // every loss of the connection (server restart, terminated backend) ends up here once
    let lost = false;
    const onLost = (reason: string) => {
      if (lost) return;
      lost = true;
      if (client === connection) client = undefined;
      const wasLive = live;
      live = false;
      // anything sent while nobody listened is gone: forget everything
      emit(null);
      // the connection is already broken; ending it only frees its socket, so a failure to end
      // it tells nothing the reason above has not
      void connection.end().catch(() => undefined);
      if (closed) return;
      // said once per outage: when a live connection is lost, or the first attempt fails
      if (wasLive || retryMs === RECONNECT_MIN_MS) {
        log(`cache invalidation: not listening (${reason}); caching is off until it reconnects`);
      }
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        void connect();
      }, retryMs);
      retryTimer.unref();
      retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
    };
    connection.on("error", (error) => onLost(error.message));
    connection.on("end", () => onLost("it ended"));
    connection.on("notification", (message) => {
      if (message.channel === INVALIDATION_CHANNEL && message.payload) emit(message.payload);
    });
    try {
      await connection.connect();
      await connection.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch (error) {
      onLost(error instanceof Error ? error.message : String(error));
      return;
    }
    if (closed || lost) return;
    live = true;
    retryMs = RECONNECT_MIN_MS;
    for (const resolve of waiting) resolve();
    waiting = [];
  };

  const start = () => {
    if (started || closed) return;
    started = true;
    void connect();
  };

  return {
    get live() {
      return live;
    },
    start,
    ready: () => {
      if (live) return Promise.resolve();
      if (closed) return Promise.reject(new Error("the invalidation bus is closed"));
      start();
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    publish: async (userId) => {
      emit(userId);
      await sql`select pg_notify(${INVALIDATION_CHANNEL}, ${userId})`.execute(db);
    },
    subscribe: (listener) => void listeners.push(listener),
    close: async () => {
      closed = true;
      live = false;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      const connection = client;
      client = undefined;
      // a connection still being opened may refuse to end cleanly; at shutdown that is only noted
      if (connection) {
        await connection.end().catch((error: unknown) => {
          log(`cache invalidation: closing the listening connection: ${String(error)}`);
        });
      }
    },
  };
}
