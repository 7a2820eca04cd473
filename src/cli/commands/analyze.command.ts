/** `devladder analyze <dir|git-url>`: evidence from a repository, as text, JSON, Markdown or a badge. */
import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import { loadRoadmapForCommand } from "../../content/roadmap-snapshot.js";
import { DevladderError, invalidInput } from "../../errors.js";
import type { CliIO } from "../cli-io.js";

interface AnalyzeFlags {
  json?: boolean;
  md?: boolean;
  badge?: string;
  failUnder?: string;
  fullHistory?: boolean;
  quiet?: boolean;
  content?: string;
}

export function registerAnalyzeCommand(program: Command, io: CliIO): void {
  program
    .command("analyze")
    .description(
      "find what a repository proves: endpoints, data, auth, tests, Docker, CI, docs, history",
    )
    .argument(
      "<repository>",
      "a local directory or a git URL (https://, ssh://, git@host:path, file://)",
    )
    .option("--json", "print the JSON report (schemaVersion 1)")
    .option("--md", "print the report as Markdown")
    .option("--badge <file>", "also write an SVG score badge to <file>")
    .option("--fail-under <score>", "exit 3 when the score is below <score> (0-100), for CI gates")
    .option("--full-history", "count changed lines for every commit, not only the last 1,000")
    .option("-q, --quiet", "no progress on stderr")
    .option("--content <dir>", "use another roadmap content folder")
    .addHelpText(
      "after",
      `
Examples:
  $ devladder analyze .
  $ devladder analyze https://example.com/me/shop-api.git --md > REPORT.md
  $ devladder analyze . --json --fail-under 60 --badge devladder.svg

Exit codes: 0 ok, 1 failure (e.g. clone failed), 2 bad input, 3 score below --fail-under.`,
    )
    .action(async (repository: string, flags: AnalyzeFlags) => {
      if (flags.json && flags.md) {
        throw invalidInput("choose one output format", [
          {
            where: "--json/--md",
            problem: "both were given",
            accepted: "at most one of --json, --md",
          },
        ]);
      }
      const failUnder = parseFailUnder(flags.failUnder);
      const roadmap = await loadRoadmapForCommand(flags.content);
      const showProgress = io.interactive && !flags.quiet;
      // Loaded here, not at start-up: the analyzer's parsers would slow down every other command.
      const { analyze } = await import("../../analyzer/analyze.js");
      const report = await analyze(repository, roadmap.checks, {
        fullHistory: flags.fullHistory ?? false,
        ...(showProgress && { onProgress: (phase: string) => io.err(io.colors.dim(`… ${phase}`)) }),
      });

      if (flags.json) io.out(JSON.stringify(report, null, 2));
      else if (flags.md)
        io.out((await import("../../analyzer/render/render-markdown.js")).renderMarkdown(report));
      else io.out((await import("../format/report-text.js")).renderText(report, io.colors));
      if (flags.badge) {
        const { renderBadge } = await import("../../analyzer/render/render-badge.js");
        writeFileSync(flags.badge, renderBadge(report.score));
      }

      if (failUnder !== undefined && report.score < failUnder) {
        throw new DevladderError(
          "score_below_threshold",
          `score ${report.score} is below --fail-under ${failUnder}`,
        );
      }
    });
}

function parseFailUnder(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || value > 100) {
    throw invalidInput(`invalid --fail-under '${raw}'`, [
      {
        where: "--fail-under",
        problem: `'${raw}' is not a score`,
        accepted: "a number from 0 to 100",
      },
    ]);
  }
  return value;
}
