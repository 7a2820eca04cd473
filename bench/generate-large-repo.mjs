#!/usr/bin/env node
// Generates a large synthetic git repository for benchmarks: by default 12,000 files and
// 50,000 commits of TypeScript, Java and Python code by a handful of authors over six years,
// with a merge every 200 commits. Commits are written by `git fast-import` (the only way to
// make tens of thousands of commits in seconds), then the work tree is checked out.
//
//   node bench/generate-large-repo.mjs <dir> [--files 12000] [--commits 50000]
//
// The content is generated, deterministic (seeded), and only plausible: it exists to give the
// analyzer realistic sizes, languages, paths and history shape, not meaning.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { once } from "node:events";

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--"));
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
if (dir === undefined) {
  console.error("usage: node bench/generate-large-repo.mjs <dir> [--files N] [--commits N]");
  process.exit(2);
}
const FILES = option("files", 12_000);
const COMMITS = option("commits", 50_000);
if (existsSync(dir) && readdirSync(dir).length > 0) {
  console.error(`${dir} exists and is not empty`);
  process.exit(2);
}

// Small deterministic PRNG (mulberry32) so every run builds the same repository.
let seed = 20260105;
const random = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const NOUNS = [
  "order",
  "invoice",
  "customer",
  "product",
  "payment",
  "shipment",
  "account",
  "report",
  "session",
  "ticket",
  "review",
  "coupon",
];
const VERBS = ["create", "update", "find", "remove", "validate", "sync", "export", "archive"];
const AUTHORS = [
  ["Mara Quell", "mara@example.org"],
  ["Tomas Brink", "tomas@example.org"],
  ["Ines Okafor", "ines@example.org"],
  ["Lev Petrov", "lev@example.org"],
  ["Sana Idris", "sana@example.org"],
  ["dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"],
];
const TYPES = ["feat", "fix", "refactor", "test", "chore", "docs"];

const cap = (s) => s[0].toUpperCase() + s.slice(1);

function typescriptFile(noun, version) {
  const lines = [
    `// ${cap(noun)} service: keeps ${noun} records consistent.`,
    `import { Repository } from "../db/repository.js";`,
    "",
  ];
  lines.push(
    `export interface ${cap(noun)} {`,
    "  id: string;",
    "  createdAt: Date;",
    `  status: "open" | "closed";`,
    "}",
    "",
  );
  lines.push(
    `export class ${cap(noun)}Service {`,
    `  constructor(private readonly repo: Repository<${cap(noun)}>) {}`,
  );
  const methods = 6 + Math.floor(random() * 14);
  for (let m = 0; m < methods; m++) {
    const verb = pick(VERBS);
    lines.push(
      "",
      `  /** ${verb}s a ${noun} (revision ${version}). */`,
      `  async ${verb}${cap(noun)}${m}(id: string): Promise<${cap(noun)} | null> {`,
    );
    lines.push(
      `    const found = await this.repo.findById(id);`,
      "    if (found === null) return null;",
      `    return { ...found, status: "${m % 2 ? "open" : "closed"}" };`,
      "  }",
    );
  }
  lines.push("}", "");
  return lines.join("\n");
}

function javaFile(noun, version, pkg) {
  const lines = [
    `package com.example.${pkg};`,
    "",
    "import java.util.List;",
    "import java.util.Optional;",
    "",
    `/** Handles ${noun} records (revision ${version}). */`,
  ];
  lines.push(
    `public class ${cap(noun)}Handler {`,
    `    private final ${cap(noun)}Repository repository;`,
    "",
  );
  lines.push(
    `    public ${cap(noun)}Handler(${cap(noun)}Repository repository) {`,
    "        this.repository = repository;",
    "    }",
  );
  const methods = 5 + Math.floor(random() * 12);
  for (let m = 0; m < methods; m++) {
    lines.push(
      "",
      `    // ${pick(VERBS)} step ${m}`,
      `    public Optional<${cap(noun)}> ${pick(VERBS)}${m}(long id) {`,
    );
    lines.push(
      "        if (id <= 0) {",
      "            return Optional.empty();",
      "        }",
      "        return repository.findById(id);",
      "    }",
    );
  }
  lines.push("}", "");
  return lines.join("\n");
}

function pythonFile(noun, version) {
  const lines = [
    `"""Helpers for ${noun} records (revision ${version})."""`,
    "from dataclasses import dataclass",
    "",
    "",
    "@dataclass",
    `class ${cap(noun)}:`,
    "    id: int",
    "    status: str",
    "",
  ];
  const funcs = 5 + Math.floor(random() * 12);
  for (let f = 0; f < funcs; f++) {
    lines.push(
      "",
      `def ${pick(VERBS)}_${noun}_${f}(item: ${cap(noun)}) -> ${cap(noun)}:`,
      `    # keep the ${noun} ${pick(VERBS)}d`,
      "    if item.id < 0:",
      '        raise ValueError("negative id")',
      `    return ${cap(noun)}(id=item.id, status="ok")`,
      "",
    );
  }
  return lines.join("\n");
}

function makeFile(index, version) {
  const noun = NOUNS[index % NOUNS.length];
  const kind = index % 3;
  const module = `m${Math.floor(index / 60)}`;
  if (kind === 0) {
    const test = index % 9 === 0;
    const path = test
      ? `web/test/${module}/${noun}-${index}.test.ts`
      : `web/src/${module}/${noun}-${index}.service.ts`;
    return [path, typescriptFile(noun, version)];
  }
  if (kind === 1) {
    const test = index % 10 === 1;
    const base = test ? "core/src/test/java" : "core/src/main/java";
    const path = `${base}/com/example/${module}/${cap(noun)}${index}${test ? "Test" : "Handler"}.java`;
    return [path, javaFile(noun, version, module)];
  }
  const test = index % 8 === 2;
  return [
    test
      ? `tools/tests/${module}/test_${noun}_${index}.py`
      : `tools/app/${module}/${noun}_${index}.py`,
    pythonFile(noun, version),
  ];
}

const target = dir;
mkdirSync(target, { recursive: true });
execFileSync("git", ["init", "-q", "-b", "main", target]);
const started = Date.now();
const importer = spawn("git", ["fast-import", "--quiet"], {
  cwd: target,
  stdio: ["pipe", "inherit", "inherit"],
});
const write = async (text) => {
  if (!importer.stdin.write(text)) await once(importer.stdin, "drain");
};
const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;

const START = Date.UTC(2019, 0, 7, 9) / 1000;
const SPAN = 6 * 365 * 86_400;
const initialFiles = Math.floor(FILES / 4);
let created = 0;
const versions = new Map();
let mark = 0;
let branchTip = null;

for (let c = 0; c < COMMITS; c++) {
  const time = Math.floor(START + (SPAN * c) / COMMITS + random() * 3600);
  const [name, email] = c === 0 ? AUTHORS[0] : pick(AUTHORS);
  // Every 200th commit lands on a side branch and is merged by the next one. fast-import takes
  // a merge's tree from its first parent, so side-branch commits only edit files that main also
  // gets (new files always arrive on main).
  const onBranch = c > 0 && c % 200 === 0;
  const ops = [];
  if (c === 0) {
    for (; created < initialFiles; created++) ops.push(makeFile(created, 0));
  } else {
    // Spread the remaining files over the history, and edit existing ones.
    const due = onBranch
      ? created
      : initialFiles + Math.floor(((FILES - initialFiles) * c) / (COMMITS - 1));
    for (; created < due; created++) ops.push(makeFile(created, 0));
    const edits = 1 + Math.floor(random() * 2);
    for (let e = 0; e < edits; e++) {
      const index = Math.floor(random() * created);
      const version = (versions.get(index) ?? 0) + 1;
      versions.set(index, version);
      ops.push(makeFile(index, version));
    }
  }
  const type = name.startsWith("dependabot") ? "build" : pick(TYPES);
  const message =
    random() < 0.7
      ? `${type}: ${pick(VERBS)} ${pick(NOUNS)} handling`
      : `${cap(pick(VERBS))} ${pick(NOUNS)} code`;
  const ref = onBranch ? "refs/heads/topic" : "refs/heads/main";
  mark++;
  let out = `commit ${ref}\nmark :${mark}\nauthor ${name} <${email}> ${time} +0000\ncommitter ${name} <${email}> ${time} +0000\n${data(message)}`;
  if (onBranch) out += `from :${mark - 1}\n`;
  if (branchTip !== null && !onBranch) {
    out += `merge :${branchTip}\n`;
    branchTip = null;
  }
  for (const [path, content] of ops) out += `M 100644 inline ${path}\n${data(content)}`;
  await write(out + "\n");
  if (onBranch) {
    branchTip = mark;
    // main continues from its own previous tip
    await write(`reset refs/heads/main\nfrom :${mark - 1}\n\n`);
  }
}
importer.stdin.end();
const [code] = await once(importer, "close");
if (code !== 0) {
  console.error(`git fast-import failed with exit code ${code}`);
  process.exit(1);
}
const imported = Date.now();
execFileSync("git", ["checkout", "-q", "-f", "main"], { cwd: target });
const count = execFileSync("git", ["rev-list", "--count", "HEAD"], {
  cwd: target,
  encoding: "utf8",
}).trim();
const files =
  execFileSync("git", ["ls-files"], { cwd: target, encoding: "utf8", maxBuffer: 1 << 28 }).split(
    "\n",
  ).length - 1;
console.log(
  `${target}: ${files} files, ${count} commits; fast-import ${((imported - started) / 1000).toFixed(1)} s, checkout ${((Date.now() - imported) / 1000).toFixed(1)} s`,
);
