/**
 * The mentors a learner has let in, a form to add one by the email of their account, and a way
 * to take access back. Granting lets the mentor see progress and growth, and endorse skills.
 * Only learners have it: mentors, recruiters and admins have no learning to share (the API
 * refuses their grants), so for them the section is not there at all.
 */
import { useState, type FormEvent } from "react";
import { ApiError } from "../api/api-error.js";
import { grantMentor, mentorGrants, revokeMentor } from "../api/devladder-api.js";
import { useApi, useUser } from "../auth/auth-context.js";
import { Field } from "../components/field.js";
import { ErrorNotice, FormError, Loading } from "../components/status-views.js";
import { useResource } from "../components/use-resource.js";
import { formatDate } from "../plan/plan-dates.js";

export function MentorAccess() {
  return useUser().role === "learner" ? <MentorAccessSection /> : null;
}

function MentorAccessSection() {
  const api = useApi();
  const { resource, reload, update } = useResource(() => mentorGrants(api), [api]);
  const [email, setEmail] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const fieldError = (name: string) =>
    error instanceof ApiError ? error.fieldErrors.get(name) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAnnouncement("");
    try {
      const grant = await grantMentor(api, email.trim());
      update((grants) => [grant, ...grants]);
      setEmail("");
      setAnnouncement(`${grant.mentor.displayName} can now see your progress`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (mentorId: string, name: string) => {
    setError(null);
    setAnnouncement("");
    try {
      await revokeMentor(api, mentorId);
      update((grants) => grants.filter((g) => g.mentor.id !== mentorId));
      setAnnouncement(`${name} no longer has access`);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="mentors-title">
      <h2 id="mentors-title">Mentors</h2>
      <p className="hint">
        A mentor you add sees your progress and growth log (never your private notes), can comment
        on entries and endorse your skills. You can take access back at any time.
      </p>
      {resource.status === "loading" && <Loading label="Loading your mentors" />}
      {resource.status === "error" && (
        <ErrorNotice
          title="Your mentors could not be loaded"
          error={resource.error}
          onRetry={reload}
        />
      )}
      {resource.status === "ready" &&
        (resource.data.length === 0 ? (
          <p className="muted">No mentor has access yet.</p>
        ) : (
          <ul className="plain-list grants">
            {resource.data.map(({ mentor, grantedAt }) => (
              <li key={mentor.id}>
                <span>
                  <strong>{mentor.displayName}</strong>{" "}
                  <span className="muted">
                    {mentor.email}, since {formatDate(grantedAt.slice(0, 10))}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => void revoke(mentor.id, mentor.displayName)}
                >
                  Remove {mentor.displayName}
                </button>
              </li>
            ))}
          </ul>
        ))}
      <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field
          label="Mentor's email"
          type="email"
          autoComplete="off"
          required
          value={email}
          error={fieldError("mentorEmail")}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy || email.trim() === ""}>
          {busy ? "Adding…" : "Add mentor"}
        </button>
      </form>
      <FormError error={error} />
      <p role="status" className="hint">
        {announcement}
      </p>
    </section>
  );
}
