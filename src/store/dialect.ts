/**
 * Every difference between SQLite and PostgreSQL lives here, and nowhere else:
 * - id columns: `uuid` on PostgreSQL (16 bytes, byte order = text order), `text` on SQLite;
 * - floating-point columns: `double precision` vs `real` (both 8-byte IEEE doubles);
 * - how each driver reports a unique-constraint violation.
 * Everything else (ISO text timestamps, text dates, no booleans, no JSON columns) is written
 * so that one query means the same on both.
 */
import { sql, type ColumnDataType, type Expression } from "kysely";

export const DIALECTS = ["sqlite", "postgres"] as const;
export type DialectName = (typeof DIALECTS)[number];

export interface DialectRules {
  readonly name: DialectName;
  readonly idType: ColumnDataType | Expression<unknown>;
  readonly floatType: ColumnDataType;
  isUniqueViolation(error: unknown): boolean;
}

const sqlite: DialectRules = {
  name: "sqlite",
  idType: "text",
  floatType: "real",
  // better-sqlite3 throws SqliteError with code SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
  isUniqueViolation: (error) =>
    hasCode(
      error,
      (code) => code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY",
    ),
};

const postgres: DialectRules = {
  name: "postgres",
  idType: sql`uuid`,
  floatType: "double precision",
  // SQLSTATE 23505 unique_violation
  isUniqueViolation: (error) => hasCode(error, (code) => code === "23505"),
};

export function dialectRules(name: DialectName): DialectRules {
  switch (name) {
    case "sqlite":
      return sqlite;
    case "postgres":
      return postgres;
  }
}

function hasCode(error: unknown, test: (code: string) => boolean): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code: unknown = error.code;
  return typeof code === "string" && test(code);
}
