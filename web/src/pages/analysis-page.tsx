/**
 * One analysis: its progress while it runs (followed live), its error when it failed, and its
 * report with the downloads once it is done.
 */
import { Link, useLocation, useParams } from "react-router-dom";
import type { Analysis, EvidenceReport } from "../api/analysis-types.js";
import { analysis as getAnalysis, analysisDownload, analysisReport } from "../api/analyses-api.js";
import { useApi, useUser } from "../auth/auth-context.js";
import { saveBlob } from "../components/save-blob.js";
import { FormError, ResourceStatus } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { useSubmission } from "../components/use-submission.js";
import { analysisBackLink } from "../repositories/analysis-back-link.js";
import { AnalysisProgress } from "../repositories/analysis-progress.js";
import { ReportView } from "../repositories/report-view.js";
import { useAnalysisProgress } from "../repositories/use-analysis-progress.js";

export function AnalysisPage() {
  usePageTitle("Analysis report");
  const api = useApi();
  const { analysisId = "" } = useParams();
  const { resource, reload } = useResource(() => getAnalysis(api, analysisId), [api, analysisId]);
  const back = analysisBackLink(useLocation().state, useUser().role);

  return (
    <section className="page analysis-page" aria-labelledby="analysis-title">
      <p>
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <h1 id="analysis-title">Analysis report</h1>
      <ResourceStatus
        resource={resource}
        loading="Loading the analysis"
        failed="The analysis could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" && <AnalysisView initial={resource.data} />}
    </section>
  );
}

function AnalysisView({ initial }: { initial: Analysis }) {
  const api = useApi();
  const { analysis, pollError } = useAnalysisProgress(initial, (id) => getAnalysis(api, id));
  if (analysis === null) return null;
  return analysis.status === "done" ? (
    <DoneAnalysis analysis={analysis} />
  ) : (
    <AnalysisProgress analysis={analysis} pollError={pollError} />
  );
}

function DoneAnalysis({ analysis }: { analysis: Analysis }) {
  const api = useApi();
  const { resource, reload } = useResource<EvidenceReport>(
    () => analysisReport(api, analysis.id),
    [api, analysis.id],
  );
  if (resource.status !== "ready") {
    return (
      <ResourceStatus
        resource={resource}
        loading="Loading the report"
        failed="The report could not be loaded"
        onRetry={reload}
      />
    );
  }
  const report = resource.data;
  return (
    <>
      <div className="report-summary">
        <p className="report-score">
          <span className="score-number" data-testid="report-score">
            {report.score}
          </span>
          <span className="muted"> / 100</span>
        </p>
        <dl className="figures">
          <div>
            <dt>Commit</dt>
            <dd>
              <code>{report.repository.commit?.slice(0, 12) ?? "not a git repository"}</code>
            </dd>
          </div>
          <div>
            <dt>Files read</dt>
            <dd>{report.repository.files}</dd>
          </div>
          <div>
            <dt>Languages</dt>
            <dd>{report.languages.map((l) => l.name).join(", ") || "none found"}</dd>
          </div>
          <div>
            <dt>Frameworks</dt>
            <dd>{report.frameworks.map((f) => f.id).join(", ") || "none found"}</dd>
          </div>
        </dl>
        <Downloads analysisId={analysis.id} />
      </div>
      <ReportView report={report} />
    </>
  );
}

const DOWNLOADS = [
  { what: "md", label: "Markdown report", file: (id: string) => `devladder-report-${id}.md` },
  { what: "json", label: "JSON report", file: (id: string) => `devladder-report-${id}.json` },
  { what: "badge", label: "Score badge (SVG)", file: (id: string) => `devladder-badge-${id}.svg` },
] as const;

function Downloads({ analysisId }: { analysisId: string }) {
  const api = useApi();
  const downloading = useSubmission();
  // the files need the access token, so they are fetched and handed over as object URLs
  const download = (what: (typeof DOWNLOADS)[number]["what"], file: string) =>
    downloading.run(
      async () => saveBlob(await analysisDownload(api, analysisId, what), file),
      what,
    );
  return (
    <div className="downloads" role="group" aria-label="Downloads">
      {DOWNLOADS.map(({ what, label, file }) => (
        <button
          key={what}
          type="button"
          className="button"
          disabled={downloading.busy}
          onClick={() => void download(what, file(analysisId))}
        >
          {downloading.busyWith === what ? "Preparing…" : `Download ${label}`}
        </button>
      ))}
      <FormError error={downloading.error} />
    </div>
  );
}
