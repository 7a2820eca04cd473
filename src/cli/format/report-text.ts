/** The terminal report: grouped, coloured when the terminal supports it, readable in 80 columns. */
import { SIGNAL_AREAS } from "../../content/signals.js";
import type { Colors } from "../cli-io.js";
import type { CheckResult, Endpoint, EvidenceReport, Verdict } from "../../analyzer/report.js";
import {
  conventionPart,
  counted,
  datePart,
  formatEvidencePlace,
  formatSignalValue,
  isPresent,
  percent,
  shortSha,
  unreadableNote,
} from "../../analyzer/render/signal-format.js";

const WIDTH = 80;
const MAX_ENDPOINTS = 25;
const MAX_NEXT_STEPS = 8;

export function renderText(report: EvidenceReport, c: Colors): string {
  const out: string[] = [];
  const heading = (title: string) => out.push("", c.bold(c.underline(title)));

  out.push(
    `${c.bold("devladder")} ${report.repository.root} ${c.dim(`(${shortSha(report.repository.commit)})`)}`,
  );
  out.push(`${c.bold("Score")} ${scoreColor(report.score, c)(`${report.score}/100`)}`);

  for (const kind of ["skill-gap", "recruiter"] as const) {
    const checks = report.checks.filter((check) => check.kind === kind);
    if (checks.length === 0) continue;
    heading(kind === "skill-gap" ? "Skill-gap checks" : "Recruiter checklist");
    for (const check of checks) out.push(...renderCheck(check, c));
  }

  heading("Stack");
  const langs = report.languages.slice(0, 6).map((l) => `${l.name} ${l.code.toLocaleString("en")}`);
  out.push(wrap(`Languages: ${langs.join(" · ") || "none"}`, "  "));
  const fws = report.frameworks.map((f) => `${f.id} (${f.confidence})`);
  out.push(wrap(`Frameworks: ${fws.join(", ") || "none detected"}`, "  "));
  const { files, skipped } = report.repository;
  out.push(
    c.dim(
      `  ${files} files read; left out: ${skipped.vendored} vendored, ${skipped.generated} generated, ` +
        `${skipped.binary} binary, ${skipped.large} large`,
    ),
  );

  heading(`Endpoints (${report.endpoints.length})`);
  if (report.endpoints.length === 0) out.push(c.dim("  none found in application code"));
  for (const ep of report.endpoints.slice(0, MAX_ENDPOINTS)) out.push(endpointLine(ep, c));
  if (report.endpoints.length > MAX_ENDPOINTS) {
    out.push(c.dim(`  … and ${report.endpoints.length - MAX_ENDPOINTS} more (see --json)`));
  }

  heading("Signals");
  for (const [area, ids] of Object.entries(SIGNAL_AREAS)) {
    const parts = ids.map((id) => {
      const result = report.signals[id];
      const text = `${id} ${formatSignalValue(result)}`;
      if (id === "committed_secrets") return isPresent(result) ? c.red(text) : c.green(text);
      return isPresent(result) ? c.green(text) : c.dim(text);
    });
    out.push(wrap(`${area.padEnd(9)} ${parts.join(" · ")}`, "  ", 12));
  }

  heading("Git history");
  const git = report.git;
  if (!git) {
    out.push(c.dim("  not a git repository: history not analysed"));
  } else {
    out.push(
      wrap(
        `${counted(git.commits, "commit")} by ${counted(git.authors, "author")}, ` +
          `${datePart(git.first_commit)} → ${datePart(git.last_commit)}, ` +
          `${counted(git.active_weeks, "active week")}, ` +
          `longest gap ${counted(git.longest_gap_days, "day")}, ${counted(git.branches, "branch", "branches")}, ` +
          `${counted(git.merge_commits, "merge")}, ` +
          `${counted(git.pull_requests, "pull request")} merged, ` +
          [conventionPart(git), `${percent(git.conventional_commit_share)} conventional commits, `]
            .filter(Boolean)
            .join(", ") +
          `${percent(git.tests_with_changes_share)} of changes touch tests` +
          (git.bulk_upload ? ", most code arrived in one or two commits (bulk upload)" : ""),
        "  ",
      ),
    );
    if (git.unreadable_paths > 0) out.push(c.dim(wrap(unreadableNote(git.unreadable_paths), "  ")));
  }

  heading("Next steps");
  if (report.next_steps.length === 0) out.push(c.green("  Nothing left: every check passes."));
  report.next_steps.slice(0, MAX_NEXT_STEPS).forEach((step, i) => {
    out.push(wrap(`${i + 1}. ${step.text} ${c.dim(`(+${step.impact})`)}`, "  ", 5));
  });
  // Say that steps were left out, as the endpoint list does, so none goes unseen.
  const more = report.next_steps.length - MAX_NEXT_STEPS;
  if (more > 0) out.push(c.dim(`  … and ${more} more (see --md or --json)`));
  return `${out.join("\n")}\n`;
}

const VERDICT_MARK: Record<Verdict, string> = {
  pass: "✔ pass",
  partial: "◐ partial",
  fail: "✘ fail",
};

function renderCheck(check: CheckResult, c: Colors): string[] {
  const paint = check.verdict === "pass" ? c.green : check.verdict === "partial" ? c.yellow : c.red;
  const lines = [`  ${paint(VERDICT_MARK[check.verdict].padEnd(10))}${check.title}`];
  for (const reason of check.reasons) lines.push(c.dim(wrap(`- ${reason}`, "      ", 8)));
  return lines;
}

/** Columns of an endpoint line: the longest method (OPTIONS) and a space, then the path. */
const METHOD_COLUMN = 8;
const PATH_COLUMN = 38;
const UNRESOLVED = " (unresolved)";

/** One endpoint in 80 columns: a long path loses its end, a long file place its start. */
function endpointLine(ep: Endpoint, c: Colors): string {
  const flag = ep.resolved ? "" : UNRESOLVED;
  const placeWidth = WIDTH - 2 - METHOD_COLUMN - PATH_COLUMN - flag.length;
  const path = truncate(ep.path, PATH_COLUMN - 1).padEnd(PATH_COLUMN);
  const place = truncateStart(formatEvidencePlace(ep), placeWidth);
  return `  ${ep.method.padEnd(METHOD_COLUMN)}${path}${c.dim(place)}${c.yellow(flag)}`;
}

function scoreColor(score: number, c: Colors): (s: string) => string {
  if (score >= 75) return c.green;
  if (score >= 50) return c.yellow;
  return c.red;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Keeps the end of a file place, where its file name and line are. */
function truncateStart(text: string, max: number): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`;
}

/**
 * Word-wraps plain text to the report width; continuation lines are indented further. A word too
 * long for a line (a deep file path) is broken after a `/`, so the line still fits.
 */
function wrap(text: string, indent: string, hang = indent.length + 2): string {
  const lines: string[] = [];
  let line = indent;
  const add = (piece: string, glued: boolean) => {
    const gap = glued ? 0 : 1;
    if (visibleLength(line) + piece.length + gap > WIDTH && line.trim() !== "") {
      lines.push(line.trimEnd());
      line = " ".repeat(hang);
    }
    line += (line.trim() === "" || glued ? "" : " ") + piece;
  };
  for (const word of text.split(" ")) {
    breakAtSlashes(word, WIDTH - hang).forEach((piece, i) => add(piece, i > 0));
  }
  lines.push(line.trimEnd());
  return lines.join("\n");
}

/**
 * A word longer than `width`, in pieces of at most `width` that end after a `/` where possible
 * (a masked secret has no slash: it is cut where the line ends).
 */
function breakAtSlashes(word: string, width: number): string[] {
  if (visibleLength(word) <= width) return [word];
  const pieces: string[] = [];
  let current = "";
  const parts = word.split(/(?<=\/)/).flatMap((part) => chunks(part, width));
  for (const part of parts) {
    if (current !== "" && current.length + part.length > width) {
      pieces.push(current);
      current = "";
    }
    current += part;
  }
  pieces.push(current);
  return pieces;
}

function chunks(text: string, width: number): string[] {
  const out: string[] = [];
  for (let start = 0; start < text.length; start += width)
    out.push(text.slice(start, start + width));
  return out;
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes do not take up columns
const ANSI = /\u001b\[[0-9;]*m/g;
function visibleLength(text: string): number {
  return text.replace(ANSI, "").length;
}
