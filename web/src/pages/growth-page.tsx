/**
 * The growth log: what the learner did under Impact, Mastery and Collaboration, the comments
 * their mentors left on each entry, and a promotion summary of how the log measures up to what
 * each career level asks for.
 */
import { useState, type FormEvent } from "react";
import {
  GROWTH_DIMENSIONS,
  type GrowthDimension,
  type GrowthEntry,
  type GrowthSummary,
} from "../api/api-types.js";
import {
  addGrowthEntry,
  deleteGrowthEntry,
  growthComments,
  growthSummary,
  ownGrowth,
} from "../api/devladder-api.js";
import { useApi } from "../auth/auth-context.js";
import { fieldErrorsUnder } from "../components/field-errors.js";
import { Field } from "../components/field.js";
import { EmptyState, FormError, ResourceStatus } from "../components/status-views.js";
import { TextAreaField } from "../components/text-area-field.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { useSubmission } from "../components/use-submission.js";
import { DIMENSION_HINTS, DIMENSION_LABELS } from "../growth/dimension-labels.js";
import { parseLinks } from "../growth/growth-links.js";
import { GrowthEntryBody } from "../growth/growth-entry-body.js";
import type { GrowthEntryWithComments } from "../growth/growth-entry-with-comments.js";
import { localToday } from "../onboarding/today.js";
import { formatDate } from "../plan/plan-dates.js";

interface Loaded {
  readonly entries: GrowthEntryWithComments[];
  readonly summary: GrowthSummary;
}

export function GrowthPage() {
  usePageTitle("Growth");
  const api = useApi();
  const { resource, reload, update } = useResource<Loaded>(async () => {
    const [entries, summary] = await Promise.all([ownGrowth(api), growthSummary(api)]);
    const withComments = await Promise.all(
      entries.map(async (entry) => ({ entry, comments: await growthComments(api, entry.id) })),
    );
    return { entries: withComments, summary };
  }, [api]);
  const refreshSummary = async () => {
    const summary = await growthSummary(api);
    update((d) => ({ ...d, summary }));
  };

  return (
    <section className="page growth-page" aria-labelledby="growth-title">
      <h1 id="growth-title">Growth log</h1>
      <p className="lead">
        Write down what you did while you still remember it: it is what a promotion case is made of.
      </p>
      <ResourceStatus
        resource={resource}
        loading="Loading your growth log"
        failed="Your growth log could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" && (
        <>
          <Summary summary={resource.data.summary} />
          <NewEntryForm
            onAdded={(entry) => {
              update((d) => ({ ...d, entries: [{ entry, comments: [] }, ...d.entries] }));
              void refreshSummary().catch(reload);
            }}
          />
          <h2>Entries</h2>
          {resource.data.entries.length === 0 ? (
            <EmptyState title="No entries yet">
              <p>Your first entry could be the last thing you shipped, fixed or explained.</p>
            </EmptyState>
          ) : (
            <ol className="growth-entries">
              {resource.data.entries.map((item) => (
                <OwnEntry
                  key={item.entry.id}
                  item={item}
                  onDeleted={() => {
                    update((d) => ({
                      ...d,
                      entries: d.entries.filter((e) => e.entry.id !== item.entry.id),
                    }));
                    void refreshSummary().catch(reload);
                  }}
                />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function Summary({ summary }: { summary: GrowthSummary }) {
  return (
    <>
      <dl className="figures" aria-label="Entries per dimension">
        {GROWTH_DIMENSIONS.map((d) => (
          <div key={d}>
            <dt>{DIMENSION_LABELS[d]}</dt>
            <dd>{summary.counts[d]}</dd>
          </div>
        ))}
      </dl>
      <h2>Promotion summary</h2>
      {summary.levels.length === 0 ? (
        <p className="muted">No career level asks for growth entries.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">
            What each career level asks of the growth log, and what you have
          </caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              {GROWTH_DIMENSIONS.map((d) => (
                <th key={d} scope="col">
                  {DIMENSION_LABELS[d]}
                </th>
              ))}
              <th scope="col">Met</th>
            </tr>
          </thead>
          <tbody>
            {summary.levels.map((level) => (
              <tr key={level.levelId}>
                <th scope="row">{level.title}</th>
                {GROWTH_DIMENSIONS.map((d) => {
                  const dim = level.dimensions.find((x) => x.dimension === d);
                  return (
                    <td key={d} title={dim?.criteria.join("; ")}>
                      {dim === undefined ? "—" : `${dim.have} of ${dim.need}`}
                    </td>
                  );
                })}
                <td>
                  <span className={`badge ${level.met ? "badge-done" : "badge-pending"}`}>
                    {level.met ? "Met" : "Not yet"}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function NewEntryForm({ onAdded }: { onAdded: (entry: GrowthEntry) => void }) {
  const api = useApi();
  const [dimension, setDimension] = useState<GrowthDimension>("impact");
  const [title, setTitle] = useState("");
  const [what, setWhat] = useState("");
  const [happenedOn, setHappenedOn] = useState(localToday());
  const [links, setLinks] = useState("");
  const add = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.run(async () => {
      onAdded(
        await addGrowthEntry(api, { dimension, title, what, happenedOn, links: parseLinks(links) }),
      );
      setTitle("");
      setWhat("");
      setLinks("");
    });
  };

  return (
    <form className="card-form" onSubmit={submit} noValidate>
      <h2>New entry</h2>
      <fieldset className="choice-group">
        <legend>Dimension</legend>
        {GROWTH_DIMENSIONS.map((d) => (
          <label key={d} className="choice">
            <input
              type="radio"
              name="dimension"
              value={d}
              checked={dimension === d}
              onChange={() => setDimension(d)}
            />
            <span>
              <strong>{DIMENSION_LABELS[d]}</strong>{" "}
              <span className="muted">{DIMENSION_HINTS[d]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <Field
          label="Title"
          required
          maxLength={200}
          value={title}
          error={add.fieldError("title")}
          onChange={(e) => setTitle(e.target.value)}
        />
        <Field
          label="When"
          type="date"
          required
          value={happenedOn}
          error={add.fieldError("happenedOn")}
          onChange={(e) => setHappenedOn(e.target.value)}
        />
      </div>
      <TextAreaField
        label="What you did and what came of it"
        rows={4}
        required
        value={what}
        error={add.fieldError("what")}
        onChange={(e) => setWhat(e.target.value)}
      />
      <TextAreaField
        label="Links"
        hint="Pull requests, documents, dashboards: one per line, up to ten."
        rows={2}
        value={links}
        error={fieldErrorsUnder(add.error, "links")}
        onChange={(e) => setLinks(e.target.value)}
      />
      <FormError error={add.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={add.busy}>
          {add.busy ? "Saving…" : "Add entry"}
        </button>
        <span role="status">{add.done ? "Entry added" : ""}</span>
      </div>
    </form>
  );
}

function OwnEntry({ item, onDeleted }: { item: GrowthEntryWithComments; onDeleted: () => void }) {
  const api = useApi();
  const { entry, comments } = item;
  const removal = useSubmission();
  const remove = () =>
    removal.run(async () => {
      await deleteGrowthEntry(api, entry.id);
      onDeleted();
    });
  return (
    <li className="growth-entry">
      <GrowthEntryBody entry={entry} Heading="h3" />
      {comments.length === 0 ? (
        <p className="hint">No mentor comments yet.</p>
      ) : (
        <ul className="comments" aria-label={`Mentor comments on ${entry.title}`}>
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author.displayName}</strong>{" "}
              <span className="muted">{formatDate(c.createdAt.slice(0, 10))}</span>
              <p>{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button-quiet" onClick={() => void remove()}>
        Delete “{entry.title}”
      </button>
      <FormError error={removal.error} />
    </li>
  );
}
