/**
 * Opens the one database the service uses: SQLite (better-sqlite3, WAL) by default, PostgreSQL
 * (a pg Pool) when DATABASE_URL says so. Callers get the same Kysely<Database> either way.
 */
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from "kysely";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";
import type { DatabaseConfig } from "../config.js";
import { dialectRules, type DialectRules } from "./dialect.js";
import type { Database } from "./database.types.js";

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectRules;
  /** resolves when the database answers a trivial query; rejects otherwise */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL pool size; SQLite has a single connection */
  readonly poolSize?: number;
}

export function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Store {
  const db = config.kind === "sqlite" ? openSqlite(config.file) : openPostgres(config.url, options);
  const dialect = dialectRules(config.kind);
  let closed: Promise<void> | undefined;
  return {
    db,
    dialect,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    // closing twice (e.g. shutdown after a failed start) is harmless
    close: () => (closed ??= db.destroy()),
  };
}

function openSqlite(file: string): Kysely<Database> {
  mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  // WAL lets readers proceed while a write is in progress; busy_timeout makes a second process
  // (e.g. `devladder migrate` next to `serve`) wait for the lock instead of failing at once.
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  database.pragma("synchronous = NORMAL");
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
}

/**
 * Kysely prepares every SQLite statement anew; the service runs a small, fixed set of queries, so
 * keeping their prepared statements saves a parse per query (measurable on hot reads). Safe
 * because Kysely runs one query at a time on the single connection and nothing here streams.
 */
const STATEMENT_CACHE_SIZE = 500;

function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare: (text) => {
      let statement = statements.get(text);
      if (statement === undefined) {
        statement = database.prepare(text);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

function openPostgres(url: string, options: OpenOptions): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle connection that the server closes (a restart, a terminated backend) is an 'error'
  // event on the pool; unheard, it would crash the process. The pool drops that connection and
  // opens a new one for the next query, so saying so is enough.
  pool.on("error", (error) => {
    console.warn(`database: an idle connection was closed (${error.message}); it will be replaced`);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
