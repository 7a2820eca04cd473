/**
 * The mentors a learner has let in, a form to add one by the email of their account, and a way
 * to take access back. Granting lets the mentor see progress and growth, and endorse skills.
 * Only learners have it: mentors, recruiters and admins have no learning to share (the API
 * refuses their grants), so for them the section is not there at all.
 */
import { useState, type FormEvent } from "react";
import { grantMentor, mentorGrants, revokeMentor } from "../api/devladder-api.js";
import { useApi, useUser } from "../auth/auth-context.js";
import { Field } from "../components/field.js";
import { FormError, ResourceStatus } from "../components/status-views.js";
import { useResource } from "../components/use-resource.js";
import { useSubmission } from "../components/use-submission.js";
import { formatDate } from "../plan/plan-dates.js";

export function MentorAccess() {
  return useUser().role === "learner" ? <MentorAccessSection /> : null;
}

function MentorAccessSection() {
  const api = useApi();
  const { resource, reload, update } = useResource(() => mentorGrants(api), [api]);
  const [email, setEmail] = useState("");
  // adding and removing share one error and one announcement: each answers the latest click
  const access = useSubmission<string>();
  const adding = access.busyWith === "grant";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void access.run(async () => {
      const grant = await grantMentor(api, email.trim());
      update((grants) => [grant, ...grants]);
      setEmail("");
      return `${grant.mentor.displayName} can now see your progress`;
    }, "grant");
  };

  const revoke = (mentorId: string, name: string) =>
    access.run(async () => {
      await revokeMentor(api, mentorId);
      update((grants) => grants.filter((g) => g.mentor.id !== mentorId));
      return `${name} no longer has access`;
    }, "revoke");

  return (
    <section className="settings-section" aria-labelledby="mentors-title">
      <h2 id="mentors-title">Mentors</h2>
      <p className="hint">
        A mentor you add sees your progress and growth log (never your private notes), can comment
        on entries and endorse your skills. You can take access back at any time.
      </p>
      <ResourceStatus
        resource={resource}
        loading="Loading your mentors"
        failed="Your mentors could not be loaded"
        onRetry={reload}
      />
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
      <form className="inline-form" onSubmit={submit} noValidate>
        <Field
          label="Mentor's email"
          type="email"
          autoComplete="off"
          required
          value={email}
          error={access.fieldError("mentorEmail")}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" className="button" disabled={adding || email.trim() === ""}>
          {adding ? "Adding…" : "Add mentor"}
        </button>
      </form>
      <FormError error={access.error} />
      <p role="status" className="hint">
        {access.value ?? ""}
      </p>
    </section>
  );
}
