import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JWT_SECRET_FILE, loadConfig } from "./config.js";
import { DevladderError } from "./errors.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "devladder-config-"));

describe("loadConfig", () => {
  it("defaults to port 3000 and an SQLite file inside DATA_DIR", () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.host).toBe("localhost");
    expect(config.database).toEqual({ kind: "sqlite", file: join(dir, "devladder.db") });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("generates a JWT secret once, keeps it with mode 0600 and reuses it", () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir });
    const file = join(dir, JWT_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first.jwtSecret);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first.jwtSecret);
  });

  it("reads the job settings, and refuses zero workers on SQLite where serve is the only worker", () => {
    const dir = tempDir();
    expect(loadConfig({ DATA_DIR: dir }).jobs).toEqual({
      workers: 1,
      timeoutSeconds: 600,
      attempts: 3,
      retryDelaySeconds: 10,
    });
    const url = "postgres://app@db.internal:5432/devladder";
    expect(loadConfig({ DATA_DIR: dir, DATABASE_URL: url, WORKERS: "0" }).jobs.workers).toBe(0);
    expect(() => loadConfig({ DATA_DIR: dir, WORKERS: "0" })).toThrow(DevladderError);
    expect(() => loadConfig({ DATA_DIR: dir, JOB_ATTEMPTS: "three" })).toThrow(DevladderError);
  });

  it("switches to PostgreSQL for a postgres:// DATABASE_URL", () => {
    const url = "postgres://app@db.internal:5432/devladder";
    const config = loadConfig({ DATA_DIR: tempDir(), DATABASE_URL: url });
    expect(config.database).toEqual({ kind: "postgres", url });
  });

  it("lists every problem at once and does not echo the database URL", () => {
    let caught: unknown;
    try {
      loadConfig({
        DATA_DIR: tempDir(),
        PORT: "eighty",
        DATABASE_URL: "mysql://root:hunter2@db/x",
        JWT_SECRET: "short",
        LOG_LEVEL: "loud",
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DevladderError);
    const error = caught as DevladderError;
    expect(error.code).toBe("invalid_input");
    expect(error.details.map((d) => d.where)).toEqual([
      "PORT",
      "DATABASE_URL",
      "LOG_LEVEL",
      "JWT_SECRET",
    ]);
    expect(JSON.stringify(error.details)).not.toContain("hunter2");
  });
});
