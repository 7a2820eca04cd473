#!/usr/bin/env node
// Analyzer benchmark: devladder's analysis against the floor (the git and cat commands it cannot
// beat), cloc and specfy/stack-analyser, all measured in one run on the same machine.
//
//   npm run build
//   node bench/analyzer-bench.mjs [--real <git work tree>] [--runs 3] [--work /tmp/devladder-bench]
//
// Repositories measured: a generated large repository (12,000 files, 50,000 commits; made once
// with bench/generate-large-repo.mjs), a generated 200-file repository, and --real if given
// (for example a local clone of spring-boot). Each figure is the median of --runs runs after one
// warm-up run. Peak memory is the maximum resident set of the devladder process (GNU time).
// cloc (Debian package) and @specfy/stack-analyser (installed into the work folder from npm)
// are measured when available and reported as "n/a" otherwise.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, realpathSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const RUNS = Number(option("runs", "3"));
const WORK = option("work", "/tmp/devladder-bench");
const REAL = option("real", undefined);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist/cli/main.js");
const GNU_TIME = "/usr/bin/time";

if (!existsSync(CLI)) fail("build first: npm run build");
if (!existsSync(GNU_TIME)) fail("GNU time is needed for peak memory: apt-get install time");
mkdirSync(WORK, { recursive: true });

const large = join(WORK, "large");
if (!existsSync(join(large, ".git"))) {
  log(`generating ${large} (12,000 files, 50,000 commits)…`);
  execFileSync("node", [join(ROOT, "bench/generate-large-repo.mjs"), large], { stdio: "inherit" });
}
const small = join(WORK, "small");
if (!existsSync(join(small, ".git"))) {
  log(`generating ${small} (200 files, 300 commits)…`);
  execFileSync(
    "node",
    [join(ROOT, "bench/generate-large-repo.mjs"), small, "--files", "200", "--commits", "300"],
    { stdio: "inherit" },
  );
}
const stackAnalyser = installStackAnalyser();
const hasCloc = spawnSync("cloc", ["--version"]).status === 0;

const repos = [
  ["generated large (12k files, 50k commits)", large],
  ["generated small (200 files)", small],
  ...(REAL ? [[`real: ${REAL}`, REAL]] : []),
];

const rows = [];
for (const [label, dir] of repos) {
  log(`measuring ${label}`);
  const files = Number(sh("git ls-files | wc -l", dir).trim());
  const commits = Number(sh("git rev-list --count HEAD", dir).trim());
  const analysis = measure(() => timed(["node", CLI, "analyze", dir, "--json", "-q"], dir));
  const full = measure(() =>
    timed(["node", CLI, "analyze", dir, "--json", "-q", "--full-history"], dir),
  );
  const floorRead = measure(() => timedShell("git ls-files -z | xargs -0 cat > /dev/null", dir));
  const floorLog = measure(() =>
    timedShell("git log --format='%H %P %aN %aE %at %s' > /dev/null", dir),
  );
  const floorNumstat = measure(() =>
    timedShell("git log -n 1000 --numstat --format=%H > /dev/null", dir),
  );
  const half = Math.ceil(commits / 2);
  const floorSplit = measure(() =>
    timedShell(
      `git log --numstat --format=%H -n ${half} > /dev/null & ` +
        `git log --numstat --format=%H --skip ${half} > /dev/null & wait`,
      dir,
    ),
  );
  const cloc = hasCloc
    ? measure(() => timedShell("cloc --vcs=git --quiet . > /dev/null", dir))
    : null;
  const stack = stackAnalyser
    ? measure(() =>
        timedShell(
          // stack-analyser resolves -o against the folder it analyses
          `node ${stackAnalyser} . -o ${relative(realpathSync(dir), join(WORK, "stack-analyser.json"))} > /dev/null`,
          dir,
        ),
      )
    : null;
  const floor = floorRead.seconds + floorLog.seconds + floorNumstat.seconds;
  rows.push({
    label,
    files,
    commits,
    analysis,
    full,
    floor,
    floorRead,
    floorLog,
    floorNumstat,
    floorSplit,
    cloc,
    stack,
  });
}

const s = (m) => (m ? `${m.seconds.toFixed(2)} s` : "n/a");
console.log(
  `\nAnalyzer benchmark, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${RUNS} runs (median)\n`,
);
console.log(
  "| repository | files | commits | devladder analyze | peak RSS | floor (cat + log + numstat 1k) | ratio | --full-history | split numstat floor | ratio | cloc | stack-analyser |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.files} | ${r.commits} | ${s(r.analysis)} | ${Math.round(r.analysis.rssKb / 1024)} MB | ` +
      `${r.floor.toFixed(2)} s (${r.floorRead.seconds.toFixed(2)} + ${r.floorLog.seconds.toFixed(2)} + ${r.floorNumstat.seconds.toFixed(2)}) | ` +
      `${(r.analysis.seconds / r.floor).toFixed(2)}× | ${s(r.full)} | ${s(r.floorSplit)} | ` +
      `${(r.full.seconds / r.floorSplit.seconds).toFixed(2)}× | ${s(r.cloc)} | ${s(r.stack)} |`,
  );
}

// On two cores a command that keeps both busy cannot be beaten in wall time by more than the
// ratio of CPU times, so CPU seconds show how close each figure is to what the machine allows.
console.log("\nCPU seconds (user + sys, git included), same runs:\n");
console.log("| repository | devladder analyze | floor | --full-history | split numstat floor |");
console.log("| --- | --- | --- | --- | --- |");
for (const r of rows) {
  const floorCpu = r.floorRead.cpu + r.floorLog.cpu + r.floorNumstat.cpu;
  console.log(
    `| ${r.label} | ${r.analysis.cpu.toFixed(2)} s | ${floorCpu.toFixed(2)} s | ` +
      `${r.full.cpu.toFixed(2)} s | ${r.floorSplit.cpu.toFixed(2)} s |`,
  );
}

function measure(run) {
  run(); // warm-up: page cache and git's own caches
  const results = Array.from({ length: RUNS }, run).sort((a, b) => a.seconds - b.seconds);
  return results[Math.floor(results.length / 2)];
}

function timed(command, cwd) {
  const out = spawnSync(GNU_TIME, ["-f", "%e %M %U %S", ...command], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) fail(`${command.join(" ")} failed:\n${out.stderr}`);
  const [seconds, rssKb, user, sys] = out.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  // CPU time of the command and the processes it waited for (git), user + sys
  return { seconds, rssKb, cpu: user + sys };
}

function timedShell(script, cwd) {
  return timed(["bash", "-c", script], cwd);
}

function sh(script, cwd) {
  return execFileSync("bash", ["-c", script], { cwd, encoding: "utf8" });
}

function installStackAnalyser() {
  const prefix = join(WORK, "tools");
  const cli = join(prefix, "node_modules/@specfy/stack-analyser/dist/cli.js");
  if (!existsSync(cli)) {
    log("installing @specfy/stack-analyser for comparison…");
    const result = spawnSync(
      "npm",
      ["install", "--prefix", prefix, "--no-audit", "--no-fund", "@specfy/stack-analyser@^1"],
      { stdio: "ignore" },
    );
    if (result.status !== 0) return null;
  }
  return cli;
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
