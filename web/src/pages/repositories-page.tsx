/**
 * Repositories: link one (learners give an https:// URL), see each with its latest analysis,
 * queue an analysis and watch it run, then open its report.
 */
import { useEffect, useState, type FormEvent } from "react";
import type { Analysis, Repository } from "../api/analysis-types.js";
import {
  allRepositories,
  analysis as getAnalysis,
  latestAnalysis,
  linkRepository,
  requestAnalysis,
} from "../api/analyses-api.js";
import { useApi, useUser } from "../auth/auth-context.js";
import { Field } from "../components/field.js";
import { EmptyState, FormError, ResourceStatus } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { useSubmission } from "../components/use-submission.js";
import { formatDate } from "../plan/plan-dates.js";
import { AnalysisProgress } from "../repositories/analysis-progress.js";
import { isSettled, useAnalysisProgress } from "../repositories/use-analysis-progress.js";
import { VerifiedSkills } from "../repositories/verified-skills.js";

interface Linked {
  readonly repository: Repository;
  readonly latest: Analysis | null;
}

export function RepositoriesPage() {
  usePageTitle("Repositories");
  const api = useApi();
  const { resource, reload, update } = useResource<Linked[]>(async () => {
    const repositories = await allRepositories(api);
    return Promise.all(
      repositories.map(async (repository) => ({
        repository,
        latest: await latestAnalysis(api, repository.id),
      })),
    );
  }, [api]);

  const added = (repository: Repository) =>
    update((list) => [...list, { repository, latest: null }]);
  // bumped when an analysis finishes, so the verified skills are read again
  const [finished, setFinished] = useState(0);
  const onDone = () => setFinished((n) => n + 1);

  return (
    <section className="page repositories-page" aria-labelledby="repositories-title">
      <h1 id="repositories-title">Repositories</h1>
      <p className="lead">
        Link a repository you wrote and devladder reads it for evidence of the skills on your
        roadmap: what passes, what is partly there, and what to do next.
      </p>
      <LinkForm onLinked={added} />
      <ResourceStatus
        resource={resource}
        loading="Loading your repositories"
        failed="Your repositories could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" &&
        (resource.data.length === 0 ? (
          <EmptyState title="No repositories yet">
            <p>
              Add the https:// address of a git repository above, for example one on GitHub or
              GitLab. Public repositories work without any setup.
            </p>
          </EmptyState>
        ) : (
          <ul className="repository-list" aria-label="Linked repositories">
            {resource.data.map((linked) => (
              <RepositoryCard key={linked.repository.id} {...linked} onDone={onDone} />
            ))}
          </ul>
        ))}
      <VerifiedSkills version={finished} />
    </section>
  );
}

function LinkForm({ onLinked }: { onLinked: (repository: Repository) => void }) {
  const api = useApi();
  const user = useUser();
  const [url, setUrl] = useState("");
  const link = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void link.run(async () => {
      onLinked(await linkRepository(api, url.trim()));
      setUrl("");
    });
  };

  return (
    <form className="link-form" onSubmit={submit} noValidate>
      <Field
        label="Repository URL"
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        required
        placeholder="https://github.com/you/project.git"
        hint={
          user.role === "admin"
            ? "An https:// URL, or as an admin also a path on the server, file:// or ssh."
            : "An https:// URL of a git repository. Addresses with a password or token in them are refused."
        }
        value={url}
        error={link.fieldError("url")}
        onChange={(e) => setUrl(e.target.value)}
      />
      <FormError error={link.error} />
      <button
        type="submit"
        className="button button-primary"
        disabled={link.busy || url.trim() === ""}
      >
        {link.busy ? "Adding…" : "Add repository"}
      </button>
    </form>
  );
}

function RepositoryCard({ repository, latest, onDone }: Linked & { onDone: () => void }) {
  const api = useApi();
  const [queued, setQueued] = useState<Analysis | null>(latest);
  const request = useSubmission();
  const { analysis, pollError } = useAnalysisProgress(queued, (id) => getAnalysis(api, id));
  const running = analysis !== null && !isSettled(analysis.status);
  // tell the page once an analysis this card watched (not one loaded finished) is done
  const watchedDone = queued !== latest && analysis?.status === "done" ? analysis.id : null;
  useEffect(() => {
    if (watchedDone !== null) onDone();
  }, [watchedDone]);

  const analyse = () =>
    request.run(async () => setQueued(await requestAnalysis(api, repository.id)));

  const headingId = `repository-${repository.id}`;
  return (
    <li className="repository-card" aria-labelledby={headingId} data-repository={repository.id}>
      <div className="repository-head">
        <h2 id={headingId} className="repository-url">
          {repository.url}
        </h2>
        <span className="muted">
          {repository.kind === "path" ? "server path" : "URL"} · linked{" "}
          {formatDate(repository.createdAt.slice(0, 10))}
        </span>
      </div>
      {analysis === null ? (
        <p className="muted">Not analysed yet.</p>
      ) : (
        <AnalysisProgress analysis={analysis} pollError={pollError} />
      )}
      <FormError error={request.error} />
      <button
        type="button"
        className="button"
        disabled={request.busy || running}
        onClick={() => void analyse()}
      >
        {analysis === null ? "Analyse" : "Analyse again"}
      </button>
    </li>
  );
}
