/**
 * The service configuration, read from the environment once at start-up into a frozen object.
 * Nothing else in the code reads `process.env`: the entrypoints call `loadConfig()` and pass the
 * result down. Every problem is listed in one error, so an operator fixes them all in one go.
 *
 * Defaults: PORT 3000, HOST `localhost` (the URL the README shows; set HOST=0.0.0.0 to listen on
 * every interface, e.g. in a container), DATA_DIR `./data`, SQLite at DATA_DIR/devladder.db when
 * DATABASE_URL is unset, and a JWT secret generated once into DATA_DIR/jwt-secret (mode 0600)
 * when JWT_SECRET is unset, so tokens survive a restart without any set-up.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { invalidInput, type ErrorDetail } from "./errors.js";

export type DatabaseConfig =
  | { readonly kind: "sqlite"; readonly file: string }
  | { readonly kind: "postgres"; readonly url: string };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Analysis jobs: WORKERS, JOB_TIMEOUT_SECONDS, JOB_ATTEMPTS, JOB_RETRY_DELAY_SECONDS. */
export interface JobsConfig {
  /**
   * workers a `serve` process runs (default 1). On SQLite they are the only workers, so at least
   * one; on PostgreSQL 0 leaves all jobs to `devladder worker` processes. `devladder worker`
   * runs this many too.
   */
  readonly workers: number;
  /** time limit of one attempt (default 600 s) */
  readonly timeoutSeconds: number;
  /** attempts before a job fails for good (default 3) */
  readonly attempts: number;
  /** first retry delay, doubled for each further retry (default 10 s) */
  readonly retryDelaySeconds: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly jwtSecret: string;
  readonly logLevel: LogLevel;
  readonly jobs: JobsConfig;
}

/** HS256 wants at least 256 bits of key; shorter secrets are refused rather than padded. */
const MIN_SECRET_LENGTH = 32;
export const JWT_SECRET_FILE = "jwt-secret";
export const SQLITE_FILE = "devladder.db";

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): Config {
  const problems: ErrorDetail[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === "" ? undefined : raw;
  };

  const port = parsePort(value("PORT"), problems);
  const host = value("HOST") ?? "localhost";
  const dataDir = resolve(value("DATA_DIR") ?? "./data");
  const database = parseDatabase(value("DATABASE_URL"), dataDir, problems);

  const logLevelText = value("LOG_LEVEL") ?? "info";
  const logLevel = LOG_LEVELS.find((level) => level === logLevelText);
  if (!logLevel) {
    problems.push({
      where: "LOG_LEVEL",
      problem: `'${logLevelText}' is not a log level`,
      accepted: LOG_LEVELS.join(", "),
    });
  }

  const secretText = value("JWT_SECRET");
  if (secretText !== undefined && secretText.length < MIN_SECRET_LENGTH) {
    problems.push({
      where: "JWT_SECRET",
      problem: `is ${secretText.length} characters long`,
      accepted: `a secret of at least ${MIN_SECRET_LENGTH} characters (or unset to generate one)`,
    });
  }

  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const text = value(name);
    if (text === undefined) return fallback;
    const number = Number(text);
    if (!/^\d+$/.test(text) || number < min || number > max) {
      problems.push({
        where: name,
        problem: `'${text}' is out of range`,
        accepted: `a whole number from ${min} to ${max}`,
      });
    }
    return number;
  };
  const jobs: JobsConfig = Object.freeze({
    // SQLite has no other workers than the serving process's own
    workers: whole("WORKERS", 1, database?.kind === "postgres" ? 0 : 1, 32),
    timeoutSeconds: whole("JOB_TIMEOUT_SECONDS", 600, 1, 6 * 3600),
    attempts: whole("JOB_ATTEMPTS", 3, 1, 10),
    retryDelaySeconds: whole("JOB_RETRY_DELAY_SECONDS", 10, 1, 3600),
  });

  if (problems.length > 0 || port === undefined || database === undefined || !logLevel) {
    throw invalidInput(
      `the configuration has ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
      problems,
    );
  }
  // Only touch the disk once the rest is known to be valid.
  const jwtSecret = secretText ?? keptSecret(dataDir);
  return Object.freeze({ port, host, dataDir, database, jwtSecret, logLevel, jobs });
}

function parsePort(text: string | undefined, problems: ErrorDetail[]): number | undefined {
  if (text === undefined) return 3000;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    problems.push({
      where: "PORT",
      problem: `'${text}' is not a port number`,
      accepted: "a whole number from 0 to 65535 (0 picks a free port)",
    });
    return undefined;
  }
  return port;
}

function parseDatabase(
  url: string | undefined,
  dataDir: string,
  problems: ErrorDetail[],
): DatabaseConfig | undefined {
  if (url === undefined) return Object.freeze({ kind: "sqlite", file: join(dataDir, SQLITE_FILE) });
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
      return Object.freeze({ kind: "postgres", url });
    } catch (error) {
      problems.push({
        where: "DATABASE_URL",
        problem: `is not a valid URL (${error instanceof Error ? error.message : String(error)})`,
        accepted: "postgres://user:password@host:5432/database",
      });
      return undefined;
    }
  }
  if (url.startsWith("sqlite:")) {
    const file = url.slice("sqlite:".length).replace(/^\/\//, "");
    if (file !== "") return Object.freeze({ kind: "sqlite", file: resolve(file) });
  }
  problems.push({
    where: "DATABASE_URL",
    // never echo the value: it may carry a password
    problem: "uses a scheme devladder does not support",
    accepted:
      "unset (SQLite in DATA_DIR), sqlite:<file>, postgres://… or postgresql://… connection URLs",
  });
  return undefined;
}

/** Reads DATA_DIR/jwt-secret, creating it with a fresh random secret the first time. */
function keptSecret(dataDir: string): string {
  const file = join(dataDir, JWT_SECRET_FILE);
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= MIN_SECRET_LENGTH) return secret;
    throw invalidInput(`the kept JWT secret in ${file} is too short`, [
      {
        where: file,
        problem: `holds ${secret.length} characters`,
        accepted: `at least ${MIN_SECRET_LENGTH} characters; delete the file to generate a new one`,
      },
    ]);
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  // "wx" fails if another process created the file in the meantime, instead of overwriting it.
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}
