/**
 * The mentor's desk: the learners who granted access, and for the one picked, their progress over
 * their roadmap, their repositories with the latest analysis of each, the endorsements given so
 * far with a form to add one, and their growth log with a comment box under each entry.
 */
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import type { Endorsement, GrowthComment, Mentee, Roadmap } from "../api/api-types.js";
import { commentOnGrowth, endorse, mentees } from "../api/devladder-api.js";
import { useApi } from "../auth/auth-context.js";
import { Field } from "../components/field.js";
import { EmptyState, FormError, ResourceStatus } from "../components/status-views.js";
import { TextAreaField } from "../components/text-area-field.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { useSubmission } from "../components/use-submission.js";
import { GrowthEntryBody } from "../growth/growth-entry-body.js";
import type { GrowthEntryWithComments } from "../growth/growth-entry-with-comments.js";
import { loadMentee, type MenteeData } from "../mentor/mentee-data.js";
import { MenteeRepositories } from "../mentor/mentee-repositories.js";
import { formatDate } from "../plan/plan-dates.js";
import { ProgressBar } from "../roadmap/progress-bar.js";
import { progressByStage, statusLookup, tally } from "../roadmap/progress-summary.js";
import { StatusBadge } from "../roadmap/status-badge.js";

export function MentorPage() {
  usePageTitle("Mentees");
  const api = useApi();
  const { learnerId } = useParams();
  const { resource, reload } = useResource(() => mentees(api), [api]);

  return (
    <section className="page mentor-page" aria-labelledby="mentor-title">
      <h1 id="mentor-title">Your mentees</h1>
      <ResourceStatus
        resource={resource}
        loading="Loading your mentees"
        failed="Your mentees could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" && resource.data.length === 0 && (
        <EmptyState title="No mentees yet">
          <p>
            A learner adds you as their mentor with your account&apos;s email on their settings
            page. They appear here as soon as they do.
          </p>
        </EmptyState>
      )}
      {resource.status === "ready" && resource.data.length > 0 && (
        <div className="people-layout">
          <MenteeList mentees={resource.data} current={learnerId} />
          {learnerId === undefined ? (
            <p className="muted">Pick a mentee to see their progress and growth.</p>
          ) : (
            <MenteeDetail
              key={learnerId}
              mentee={resource.data.find((m) => m.learner.id === learnerId)}
              learnerId={learnerId}
            />
          )}
        </div>
      )}
    </section>
  );
}

function MenteeList({ mentees, current }: { mentees: Mentee[]; current: string | undefined }) {
  return (
    <nav aria-label="Mentees" className="people-list">
      <ul>
        {mentees.map(({ learner, grantedAt }) => (
          <li key={learner.id}>
            <Link
              to={`/mentor/${learner.id}`}
              aria-current={learner.id === current ? "page" : undefined}
            >
              <strong>{learner.displayName}</strong>
              <span className="muted">since {formatDate(grantedAt.slice(0, 10))}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function MenteeDetail({ mentee, learnerId }: { mentee: Mentee | undefined; learnerId: string }) {
  const api = useApi();
  const { resource, reload, update } = useResource(
    () => loadMentee(api, learnerId),
    [api, learnerId],
  );
  if (mentee === undefined) {
    return (
      <EmptyState title="Not one of your mentees" action={<Link to="/mentor">All mentees</Link>}>
        <p>This learner has not granted you access, or has taken it back.</p>
      </EmptyState>
    );
  }
  const name = mentee.learner.displayName;
  return (
    <article className="mentee" aria-labelledby="mentee-name">
      <h2 id="mentee-name">{name}</h2>
      <ResourceStatus
        resource={resource}
        loading={`Loading ${name}'s progress`}
        failed={`${name}'s progress could not be loaded`}
        onRetry={reload}
      />
      {resource.status === "ready" && (
        <MenteeView
          name={name}
          learnerId={learnerId}
          data={resource.data}
          onEndorsed={(e) => update((d) => ({ ...d, endorsements: [e, ...d.endorsements] }))}
          onCommented={(c) =>
            update((d) => ({
              ...d,
              growth: d.growth.map((g) =>
                g.entry.id === c.entryId ? { ...g, comments: [...g.comments, c] } : g,
              ),
            }))
          }
        />
      )}
    </article>
  );
}

function MenteeView({
  name,
  learnerId,
  data,
  onEndorsed,
  onCommented,
}: {
  name: string;
  learnerId: string;
  data: MenteeData;
  onEndorsed: (endorsement: Endorsement) => void;
  onCommented: (comment: GrowthComment) => void;
}) {
  const map = data.roadmap;
  if (map === null || data.profile === null) {
    return (
      <>
        <EmptyState title="No plan yet">
          <p>{name} has not picked a track yet, so there is no progress to show.</p>
        </EmptyState>
        <MenteeRepositories
          name={name}
          repositories={data.repositories}
          backLink={{ to: `/mentor/${learnerId}`, label: `Back to ${name}` }}
        />
      </>
    );
  }
  const statusOf = statusLookup(data.progress);
  const overall = tally(map.skills, statusOf);
  const titleOf = (skillId: string) => map.skills.find((s) => s.id === skillId)?.title ?? skillId;
  return (
    <>
      {data.profile.headline !== "" && <p className="lead">{data.profile.headline}</p>}
      <h3>Progress on {map.track.title}</h3>
      <div className="overall">
        <p>
          <strong>{overall.percent}%</strong> done · {overall.done} of {overall.total} skills,{" "}
          {overall.learning} in progress
        </p>
        <ProgressBar label={`${name}'s overall progress`} percent={overall.percent} />
      </div>
      <table className="data-table">
        <caption className="visually-hidden">Progress by stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Done</th>
            <th scope="col">Learning</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {progressByStage(map, statusOf).map((stage) => (
            <tr key={stage.stageId}>
              <th scope="row">{map.stages.find((s) => s.id === stage.stageId)?.title}</th>
              <td>
                {stage.done} of {stage.total}
              </td>
              <td>{stage.learning}</td>
              <td>{stage.percent}%</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Skills under way</h3>
      <ul className="plain-list">
        {data.progress
          .filter((p) => p.status === "learning" || p.status === "done")
          .map((p) => (
            <li key={p.skillId}>
              {titleOf(p.skillId)} <StatusBadge status={p.status} />
            </li>
          ))}
      </ul>
      {data.progress.every((p) => p.status !== "learning" && p.status !== "done") && (
        <p className="muted">Nothing started or finished yet.</p>
      )}

      <MenteeRepositories
        name={name}
        repositories={data.repositories}
        backLink={{ to: `/mentor/${learnerId}`, label: `Back to ${name}` }}
      />

      <h3>Endorsements</h3>
      {data.endorsements.length === 0 ? (
        <p className="muted">You have not endorsed a skill of {name}&apos;s yet.</p>
      ) : (
        <ul className="plain-list endorsements">
          {data.endorsements.map((e) => (
            <li key={e.id}>
              <strong>{titleOf(e.skillId)}</strong> by {e.mentor.displayName},{" "}
              {formatDate(e.createdAt.slice(0, 10))}: {e.comment}{" "}
              <a href={e.evidenceUrl} rel="noopener noreferrer" target="_blank">
                evidence
              </a>
              {e.hidden && <span className="muted"> (hidden by the learner)</span>}
            </li>
          ))}
        </ul>
      )}
      <EndorseForm learnerId={learnerId} roadmap={map} onEndorsed={onEndorsed} />

      <h3>Growth log</h3>
      {data.growth.length === 0 ? (
        <p className="muted">{name} has not written a growth entry yet.</p>
      ) : (
        <ol className="growth-entries">
          {data.growth.map((g) => (
            <GrowthEntryCard key={g.entry.id} item={g} onCommented={onCommented} />
          ))}
        </ol>
      )}
    </>
  );
}

function EndorseForm({
  learnerId,
  roadmap,
  onEndorsed,
}: {
  learnerId: string;
  roadmap: Roadmap;
  onEndorsed: (endorsement: Endorsement) => void;
}) {
  const api = useApi();
  const stages = [...roadmap.stages].sort((a, b) => a.order - b.order);
  // the first skill as the list shows it: stage by stage
  const firstShown = stages
    .map((stage) => roadmap.skills.find((s) => s.stage === stage.id))
    .find((s) => s !== undefined);
  const [skillId, setSkillId] = useState(firstShown?.id ?? "");
  const [comment, setComment] = useState("");
  const [evidenceUrl, setEvidenceUrl] = useState("");
  const endorsement = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void endorsement.run(async () => {
      onEndorsed(await endorse(api, learnerId, { skillId, comment, evidenceUrl }));
      setComment("");
      setEvidenceUrl("");
    });
  };

  return (
    <form className="card-form" onSubmit={submit} noValidate>
      <h4>Endorse a skill</h4>
      <div className="field">
        <label htmlFor="endorse-skill">Skill</label>
        <select id="endorse-skill" value={skillId} onChange={(e) => setSkillId(e.target.value)}>
          {stages.map((stage) => (
            <optgroup key={stage.id} label={stage.title}>
              {roadmap.skills
                .filter((s) => s.stage === stage.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {endorsement.fieldError("skillId") && (
          <p className="field-error">{endorsement.fieldError("skillId")}</p>
        )}
      </div>
      <TextAreaField
        label="What you saw"
        hint="The work that shows the skill, in a sentence or two."
        rows={3}
        required
        value={comment}
        error={endorsement.fieldError("comment")}
        onChange={(e) => setComment(e.target.value)}
      />
      <Field
        label="Evidence link"
        type="url"
        required
        hint="Where the work can be seen: a pull request, a repository, a document."
        value={evidenceUrl}
        error={endorsement.fieldError("evidenceUrl")}
        onChange={(e) => setEvidenceUrl(e.target.value)}
      />
      <FormError error={endorsement.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={endorsement.busy}>
          {endorsement.busy ? "Endorsing…" : "Endorse skill"}
        </button>
        <span role="status">{endorsement.done ? "Endorsement saved" : ""}</span>
      </div>
    </form>
  );
}

function GrowthEntryCard({
  item,
  onCommented,
}: {
  item: GrowthEntryWithComments;
  onCommented: (comment: GrowthComment) => void;
}) {
  const api = useApi();
  const { entry, comments } = item;
  const [body, setBody] = useState("");
  const comment = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void comment.run(async () => {
      onCommented(await commentOnGrowth(api, entry.id, body));
      setBody("");
    });
  };

  return (
    <li className="growth-entry">
      <GrowthEntryBody entry={entry} Heading="h4" />
      {comments.length > 0 && (
        <ul className="comments" aria-label={`Comments on ${entry.title}`}>
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author.displayName}</strong>{" "}
              <span className="muted">{formatDate(c.createdAt.slice(0, 10))}</span>
              <p>{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate>
        <TextAreaField
          label={`Comment on “${entry.title}”`}
          rows={2}
          required
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <FormError error={comment.error} />
        <button type="submit" className="button" disabled={comment.busy || body.trim() === ""}>
          {comment.busy ? "Sending…" : "Add comment"}
        </button>
      </form>
    </li>
  );
}
