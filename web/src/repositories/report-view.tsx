/**
 * A finished analysis' EvidenceReport: score, the skill-gap checks and the recruiter checklist
 * with their reasons and evidence, the charts, signals by area, endpoints and next steps.
 */
import { lazy, Suspense, useMemo } from "react";
import type {
  EvidenceReport,
  ReportCheck,
  ReportEvidence,
  Verdict,
} from "../api/analysis-types.js";
import { EmptyState, Loading } from "../components/status-views.js";
import { formatSignalValue, isMet, signalsByArea } from "./signal-areas.js";

const ActivityHeatmap = lazy(() =>
  import("./report-charts.js").then((m) => ({ default: m.ActivityHeatmap })),
);
const SkillRadar = lazy(() =>
  import("./report-charts.js").then((m) => ({ default: m.SkillRadar })),
);

const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  pass: "Pass",
  partial: "Partial",
  fail: "Fail",
};

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`badge badge-${verdict}`}>{VERDICT_LABELS[verdict]}</span>;
}

/** "src/app.js:12", or the file alone when the evidence is the whole file. */
export function evidenceText(evidence: ReportEvidence): string {
  return evidence.line > 0 ? `${evidence.file}:${evidence.line}` : evidence.file;
}

function EvidenceList({ evidence }: { evidence: readonly ReportEvidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence-list" aria-label="Evidence">
      {evidence.map((e, i) => (
        <li key={`${e.file}:${e.line}:${i}`}>
          <code>{evidenceText(e)}</code>
          {e.note && <span className="muted"> {e.note}</span>}
        </li>
      ))}
    </ul>
  );
}

function Checks({
  title,
  checks,
  id,
}: {
  title: string;
  checks: readonly ReportCheck[];
  id: string;
}) {
  const passed = checks.filter((c) => c.verdict === "pass").length;
  return (
    <section className="report-section" aria-labelledby={id}>
      <h2 id={id}>
        {title}{" "}
        <span className="muted">
          {passed} of {checks.length} pass
        </span>
      </h2>
      {checks.length === 0 ? (
        <p className="muted">This report has no checks of this kind.</p>
      ) : (
        <ul className="check-list">
          {checks.map((check) => (
            <li
              key={check.id}
              className={`check-item verdict-${check.verdict}`}
              data-check={check.id}
            >
              <div className="check-head">
                <VerdictBadge verdict={check.verdict} />
                <h3>{check.title}</h3>
              </div>
              {check.reasons.length > 0 && (
                <ul className="reasons">
                  {check.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              )}
              <EvidenceList evidence={check.evidence} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ReportView({ report }: { report: EvidenceReport }) {
  // the radar is drawn again whenever this changes: keep it the same while the report is
  const areas = useMemo(() => signalsByArea(report), [report]);
  const weekly = report.git?.weekly ?? [];
  const skillGap = report.checks.filter((c) => c.kind === "skill-gap");
  const recruiter = report.checks.filter((c) => c.kind === "recruiter");
  const radarLabel = `Skill areas, share of signals found: ${areas
    .map((a) => `${a.title} ${Math.round(a.share * 100)}%`)
    .join(", ")}.`;

  return (
    <>
      <Checks title="Skill-gap checks" checks={skillGap} id="skill-gap-title" />
      <Checks title="Recruiter checklist" checks={recruiter} id="recruiter-title" />

      <section className="report-section" aria-labelledby="next-steps-title">
        <h2 id="next-steps-title">Next steps</h2>
        {report.next_steps.length === 0 ? (
          <p className="muted">Nothing to add: every check passes.</p>
        ) : (
          <ol className="next-steps">
            {report.next_steps.map((step) => (
              <li key={`${step.check}:${step.text}`}>
                {step.text} <span className="badge badge-impact">+{step.impact} points</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <div className="report-charts">
        <section className="report-section" aria-labelledby="areas-chart-title">
          <h2 id="areas-chart-title">Skill areas</h2>
          <Suspense fallback={<Loading label="Drawing the chart" />}>
            <SkillRadar areas={areas} label={radarLabel} />
          </Suspense>
        </section>
        <section className="report-section" aria-labelledby="activity-title">
          <h2 id="activity-title">Git activity</h2>
          {report.git === null || weekly.length === 0 ? (
            <EmptyState title="No git history">
              <p>The analysed source had no commits to read, so there is no activity to show.</p>
            </EmptyState>
          ) : (
            <>
              <p className="muted">
                {report.git.commits} commits by {report.git.authors}{" "}
                {report.git.authors === 1 ? "author" : "authors"} in {report.git.active_weeks}{" "}
                active {report.git.active_weeks === 1 ? "week" : "weeks"}.
              </p>
              <Suspense fallback={<Loading label="Drawing the chart" />}>
                <ActivityHeatmap
                  weekly={weekly}
                  label={`Commits per week from ${weekly[0]?.[0] ?? ""} to ${weekly.at(-1)?.[0] ?? ""}: ${report.git.commits} commits in ${report.git.active_weeks} active weeks.`}
                />
              </Suspense>
            </>
          )}
        </section>
      </div>

      <section className="report-section" aria-labelledby="signals-title">
        <h2 id="signals-title">Signals by area</h2>
        <div className="signal-areas">
          {areas.map((area) => (
            <section key={area.area} className="signal-area" aria-labelledby={`area-${area.area}`}>
              <h3 id={`area-${area.area}`}>
                {area.title} <span className="muted">{Math.round(area.share * 100)}%</span>
              </h3>
              <ul className="signal-list">
                {area.signals.map(({ id, signal }) => (
                  <li key={id} className={isMet(id, signal) ? "signal-met" : "signal-missing"}>
                    <span className="signal-mark" aria-hidden="true">
                      {isMet(id, signal) ? "✓" : "✗"}
                    </span>
                    <span className="signal-name">{id.replaceAll("_", " ")}</span>:{" "}
                    <strong>{formatSignalValue(signal)}</strong>
                    <EvidenceList evidence={signal.evidence.slice(0, 3)} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>

      <section className="report-section" aria-labelledby="endpoints-title">
        <h2 id="endpoints-title">
          Endpoints <span className="muted">{report.endpoints.length}</span>
        </h2>
        {report.endpoints.length === 0 ? (
          <p className="muted">No HTTP endpoints were found in application code.</p>
        ) : (
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-labelledby="endpoints-title"
          >
            <table className="endpoints">
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">Path</th>
                  <th scope="col">Framework</th>
                  <th scope="col">Where</th>
                </tr>
              </thead>
              <tbody>
                {report.endpoints.map((e) => (
                  <tr key={`${e.method} ${e.path} ${e.file}:${e.line}`}>
                    <td>
                      <code>{e.method}</code>
                    </td>
                    <td>
                      <code>{e.path}</code>
                      {!e.resolved && <span className="muted"> (prefix not resolved)</span>}
                    </td>
                    <td>{e.framework}</td>
                    <td>
                      <code>{evidenceText(e)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
