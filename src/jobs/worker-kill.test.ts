/**
 * A job survives the death of its worker: on PostgreSQL, a `devladder worker` process (the built
 * CLI) is killed with SIGKILL in the middle of an analysis; a second worker started afterwards
 * takes the job once its time has run out and finishes it. The repository is generated large
 * enough (thousands of files and commits, cloned through file://) that the first worker is
 * still busy when it is killed.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../api/test-support/test-app.js";
import { BUILT_CLI, assertCliBuilt } from "../cli/test-support/run-cli.js";

const GENERATOR = fileURLToPath(new URL("../../bench/generate-large-repo.mjs", import.meta.url));
const JOBS = { timeoutSeconds: 30, attempts: 3, retryDelaySeconds: 1 } as const;

describe("a killed worker on postgres", () => {
  let t: TestApp;
  let dir: string;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    assertCliBuilt();
    dir = mkdtempSync(join(tmpdir(), "devladder-slow-repo-"));
    execFileSync(
      process.execPath,
      [GENERATOR, join(dir, "repo"), "--files", "3000", "--commits", "6000"],
      {
        stdio: "ignore",
      },
    );
    t = await openTestApp("postgres", { jobs: JOBS, log: () => undefined });
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null) worker.kill("SIGKILL");
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const startWorker = (): ChildProcess => {
    const database = t.services.config.database;
    if (database.kind !== "postgres") throw new Error("this test needs PostgreSQL");
    const worker = spawn(process.execPath, [BUILT_CLI, "worker"], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        DATA_DIR: mkdtempSync(join(tmpdir(), "devladder-worker-")),
        LOG_LEVEL: "silent",
        WORKERS: "1",
        JOB_TIMEOUT_SECONDS: String(JOBS.timeoutSeconds),
        JOB_ATTEMPTS: String(JOBS.attempts),
        JOB_RETRY_DELAY_SECONDS: String(JOBS.retryDelaySeconds),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    workers.push(worker);
    return worker;
  };
  const analysisRow = (id: string) =>
    t.services.store.db
      .selectFrom("analyses")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const waitFor = async (
    id: string,
    done: (row: Awaited<ReturnType<typeof analysisRow>>) => boolean,
    ms: number,
  ) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const row = await analysisRow(id);
      if (done(row)) return row;
      if (Date.now() > deadline) throw new Error(`analysis ${id} is ${row.status} (${row.phase})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  it("finishes the job in another worker after the first is killed mid-job", async () => {
    const admin = await t.makeUser({ role: "admin" });
    const caller = { id: admin.id, role: admin.role };
    const repository = await t.services.repositories.link(caller, `file://${join(dir, "repo")}`);
    const queued = await t.services.analyses.request(caller, repository.id);
    expect(queued.status).toBe("queued");

    const first = startWorker();
    const running = await waitFor(
      queued.id,
      (row) => row.status === "running" && row.attempts === 1,
      30_000,
    );
    expect(running.phase).not.toBe("done");
    first.kill("SIGKILL");
    await once(first, "exit");
    // the killed worker could not record anything: the job still looks like it is running
    expect((await analysisRow(queued.id)).status).toBe("running");

    const second = startWorker();
    const done = await waitFor(
      queued.id,
      (row) => row.status === "done" || row.status === "failed",
      120_000,
    );
    expect(done).toMatchObject({ status: "done", attempts: 2, error: null });
    expect(done.score).not.toBeNull();
    second.kill("SIGTERM");
    const [code] = (await once(second, "exit")) as [number | null];
    expect(code).toBe(0);
  }, 240_000);
});
