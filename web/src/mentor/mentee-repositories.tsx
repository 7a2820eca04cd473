/**
 * A mentee's linked repositories on the mentor page, each with its newest analysis: the score
 * once it is done, the reason when it failed, and a link to the analysis page, which a granted
 * mentor may open like the learner. The mentor reads only: analysing is the learner's to start.
 */
import { Link } from "react-router-dom";
import type { LearnerRepository } from "../api/analysis-types.js";
import type { AnalysisBackLink } from "../repositories/analysis-back-link.js";
import { formatDate } from "../plan/plan-dates.js";
import { AnalysisStatusBadge } from "../repositories/analysis-progress.js";

export function MenteeRepositories({
  name,
  repositories,
  backLink,
}: {
  name: string;
  repositories: readonly LearnerRepository[];
  /** how the analysis page leads back here */
  backLink: AnalysisBackLink;
}) {
  return (
    <section aria-labelledby="mentee-repositories-title">
      <h3 id="mentee-repositories-title">Repositories</h3>
      {repositories.length === 0 ? (
        <p className="muted">{name} has not linked a repository yet.</p>
      ) : (
        <ul className="plain-list mentee-repositories">
          {repositories.map((repository) => (
            <li key={repository.id} data-repository={repository.id}>
              <strong className="repository-url">{repository.url}</strong>{" "}
              <LatestAnalysis repository={repository} backLink={backLink} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LatestAnalysis({
  repository,
  backLink,
}: {
  repository: LearnerRepository;
  backLink: AnalysisBackLink;
}) {
  const analysis = repository.latestAnalysis;
  if (analysis === null) return <span className="muted">Not analysed yet.</span>;
  const finished =
    analysis.finishedAt === null ? null : formatDate(analysis.finishedAt.slice(0, 10));
  return (
    <>
      <AnalysisStatusBadge status={analysis.status} />{" "}
      {analysis.status === "done" && (
        <>
          Score <strong data-testid="mentee-analysis-score">{analysis.score ?? 0}</strong> / 100
          {analysis.commit !== null && (
            <>
              {" "}
              · commit <code>{analysis.commit.slice(0, 7)}</code>
            </>
          )}
          {finished !== null && <span className="muted"> · analysed {finished}</span>}{" "}
        </>
      )}
      {analysis.status === "failed" && (
        <span className="muted">{analysis.error ?? "The analysis failed."} </span>
      )}
      <Link to={`/analyses/${encodeURIComponent(analysis.id)}`} state={backLink}>
        {analysis.status === "done" ? "Read the report" : "Open the analysis"}
        <span className="visually-hidden"> of {repository.url}</span>
      </Link>
    </>
  );
}
