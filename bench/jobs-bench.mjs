#!/usr/bin/env node
// Analysis-job throughput benchmark on PostgreSQL (pg-boss): queues analyses of many generated
// repositories and measures how fast 1, 2 and 4 `devladder worker` processes (WORKERS=1 each)
// work through them, in one run on one machine:
//
//   npm run build && node bench/jobs-bench.mjs [--repos 24] [--files 150] [--commits 200]
//                                               [--rounds 1,2,4]
//
// A fresh database on the local server (127.0.0.1:5432, trust auth, user postgres) is created,
// migrated, and dropped at the end. Each repository is generated with bench/generate-large-repo.mjs
// and then given one commit of its own, so no two share a head commit. They are linked by an admin
// through the built services (dist/), because file:// locations are admin-only. Every round starts
// its workers, waits until they are ready, queues one analysis per repository, waits until all
// are finished, stops the workers and deletes the analyses, so the next round cannot reuse a
// report of an unchanged commit. Everything stays on loopback, and every wait has a deadline.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clearTimeout, setTimeout } from "node:timers";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createServices } from "../dist/composition.js";
import { loadConfig } from "../dist/config.js";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const REPOS = Number(option("repos", "24"));
const FILES = Number(option("files", "150"));
const COMMITS = Number(option("commits", "200"));
const ROUNDS = option("rounds", "1,2,4").split(",").map(Number);
const POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const GENERATOR = fileURLToPath(new URL("./generate-large-repo.mjs", import.meta.url));
const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const WORKER_READY_MS = 30_000;
const ROUND_DEADLINE_MS = 10 * 60_000;

const work = mkdtempSync(join(tmpdir(), "devladder-jobs-bench-"));
const databaseName = `devladder_bench_${randomBytes(6).toString("hex")}`;
const databaseUrl = new URL(POSTGRES_ADMIN_URL);
databaseUrl.pathname = `/${databaseName}`;
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl.toString(),
  DATA_DIR: join(work, "data"),
  LOG_LEVEL: "silent",
  // the bench process only queues: the workers are the child processes
  WORKERS: "0",
};

await admin(`CREATE DATABASE ${databaseName}`);
let services;
const workers = [];
try {
  services = createServices(loadConfig(env), { log: (line) => console.error(line) });
  await services.migrate();
  const repositoryIds = await linkRepositories(services);
  const rows = [];
  for (const count of ROUNDS) {
    rows.push(await round(services, repositoryIds, count));
    await services.store.db.deleteFrom("analyses").execute();
  }
  printTable(rows);
  if (rows.some((row) => row.failed > 0)) process.exitCode = 1;
} finally {
  for (const worker of workers) if (worker.exitCode === null) worker.kill("SIGKILL");
  await services?.close();
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
}

async function linkRepositories(services) {
  const email = `bench-admin-${randomBytes(4).toString("hex")}@example.test`;
  const created = await services.auth.register({
    email,
    password: randomBytes(16).toString("hex"),
    displayName: "Benchmark admin",
    role: "admin",
  });
  if (!created) throw new Error(`could not create ${email}`);
  const caller = { id: created.id, role: "admin" };
  const started = Date.now();
  const ids = [];
  for (let i = 0; i < REPOS; i++) {
    const dir = join(work, `repo-${i}`);
    execFileSync(
      process.execPath,
      [GENERATOR, dir, "--files", String(FILES), "--commits", String(COMMITS)],
      { stdio: "ignore" },
    );
    // the generator is seeded, so every repository would be the same without this commit
    writeFileSync(join(dir, "BENCH_ID.md"), `benchmark repository ${i}\n`);
    const git = (...gitArgs) =>
      execFileSync(
        "git",
        ["-c", "user.name=bench", "-c", "user.email=bench@example.test", ...gitArgs],
        { cwd: dir, stdio: "ignore" },
      );
    git("add", "BENCH_ID.md");
    git("commit", "-q", "-m", `benchmark repository ${i}`);
    const repository = await services.repositories.link(caller, `file://${dir}`);
    ids.push({ caller, id: repository.id });
  }
  console.error(
    `generated and linked ${REPOS} repositories (${FILES} files, ${COMMITS} commits each) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return ids;
}

async function round(services, repositories, count) {
  const started = await Promise.all(Array.from({ length: count }, () => startWorker()));
  workers.push(...started);
  const analysisIds = [];
  for (const { caller, id } of repositories) {
    const analysis = await services.analyses.request(caller, id);
    if (analysis.status !== "queued") {
      throw new Error(`analysis of ${id} was not queued (${analysis.status}): a report was reused`);
    }
    analysisIds.push(analysis.id);
  }
  const deadline = Date.now() + ROUND_DEADLINE_MS;
  let rows;
  for (;;) {
    rows = await services.store.db
      .selectFrom("analyses")
      .select(["status", "created_at", "started_at", "finished_at"])
      .where("id", "in", analysisIds)
      .execute();
    if (rows.every((row) => row.status === "done" || row.status === "failed")) break;
    if (Date.now() > deadline) {
      throw new Error(`${count} worker(s): not finished after ${ROUND_DEADLINE_MS / 1000} s`);
    }
    await sleep(100);
  }
  for (const worker of started) worker.kill("SIGTERM");
  await Promise.all(started.map((worker) => exited(worker)));

  const time = (text) => Date.parse(text);
  const first = Math.min(...rows.map((row) => time(row.created_at)));
  const last = Math.max(...rows.map((row) => time(row.finished_at)));
  const wallSeconds = (last - first) / 1000;
  const inQueue = rows.map((row) => time(row.started_at) - time(row.created_at));
  const running = rows.map((row) => time(row.finished_at) - time(row.started_at));
  const result = {
    workers: count,
    analyses: rows.length,
    failed: rows.filter((row) => row.status === "failed").length,
    wallSeconds,
    perMinute: (rows.length / wallSeconds) * 60,
    queueP50: percentile(inQueue, 50) / 1000,
    queueP95: percentile(inQueue, 95) / 1000,
    runMedian: percentile(running, 50) / 1000,
  };
  console.error(
    `${count} worker(s): ${result.analyses} analyses in ${wallSeconds.toFixed(1)} s (${result.failed} failed)`,
  );
  return result;
}

/** A `devladder worker` process, resolved once it says its workers run. */
async function startWorker() {
  const worker = spawn(process.execPath, [CLI, "worker"], {
    env: { ...env, WORKERS: "1", DATA_DIR: mkdtempSync(join(work, "worker-")) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker not ready after ${WORKER_READY_MS / 1000} s:\n${output}`)),
      WORKER_READY_MS,
    );
    const onData = (chunk) => {
      output += chunk;
      if (output.includes("devladder worker:")) {
        clearTimeout(timer);
        resolve(worker);
      }
    };
    worker.stdout.on("data", onData);
    worker.stderr.on("data", onData);
    worker.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code} before it was ready:\n${output}`));
    });
  });
  try {
    return await ready;
  } catch (error) {
    worker.kill("SIGKILL");
    throw error;
  }
}

async function exited(worker) {
  if (worker.exitCode !== null) return;
  const timer = setTimeout(() => worker.kill("SIGKILL"), 30_000);
  await once(worker, "exit");
  clearTimeout(timer);
}

/** nearest-rank percentile */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function printTable(rows) {
  console.log(
    `\n${REPOS} repositories of ${FILES} files and ${COMMITS} commits; one analysis each per round.\n`,
  );
  console.log(
    "| worker processes | analyses | failed | wall time | analyses/min | time in queue p50 | p95 | run time p50 |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.workers} | ${r.analyses} | ${r.failed} | ${r.wallSeconds.toFixed(1)} s | ${r.perMinute.toFixed(1)} | ${r.queueP50.toFixed(1)} s | ${r.queueP95.toFixed(1)} s | ${r.runMedian.toFixed(2)} s |`,
    );
  }
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
