/**
 * Certifications the learner tracks: where each stands (planned, in progress, earned), when an
 * earned one expires, with a flag when it has expired or soon will, and a form to change it.
 * A new one is picked from the catalogue the API serves, so no one has to know its id.
 */
import { useId, useState, type FormEvent } from "react";
import {
  CERTIFICATION_STATUSES,
  type CatalogCertification,
  type CertificationStatus,
  type LearnerCertification,
} from "../api/api-types.js";
import { certificationCatalog, certifications, saveCertification } from "../api/devladder-api.js";
import { useApi } from "../auth/auth-context.js";
import { Field } from "../components/field.js";
import { EmptyState, FormError, ResourceStatus } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { useSubmission } from "../components/use-submission.js";
import { localToday } from "../onboarding/today.js";
import { formatDate } from "../plan/plan-dates.js";

const STATUS_TEXT: Record<CertificationStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  earned: "Earned",
};

export function CertificationsPage() {
  usePageTitle("Certifications");
  const api = useApi();
  const { resource, reload, update } = useResource(() => certifications(api), [api]);
  const saved = (cert: LearnerCertification) =>
    update((list) => [...list.filter((c) => c.certificationId !== cert.certificationId), cert]);
  return (
    <section className="page certifications-page" aria-labelledby="certifications-title">
      <h1 id="certifications-title">Certifications</h1>
      <ResourceStatus
        resource={resource}
        loading="Loading your certifications"
        failed="Your certifications could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" && (
        <>
          {resource.data.length === 0 ? (
            <EmptyState title="No certifications tracked">
              <p>
                Add one below when you plan it. An earned certification counts as evidence for its
                skills and for readiness.
              </p>
            </EmptyState>
          ) : (
            <ul className="plain-list">
              {resource.data.map((cert) => (
                <CertificationCard key={cert.certificationId} cert={cert} onSaved={saved} />
              ))}
            </ul>
          )}
          <AddCertification
            tracked={new Set(resource.data.map((c) => c.certificationId))}
            onSaved={saved}
          />
        </>
      )}
    </section>
  );
}

function ExpiryFlag({ cert }: { cert: LearnerCertification }) {
  if (cert.status !== "earned") return null;
  if (cert.expired) return <span className="badge badge-expired">Expired</span>;
  if (cert.expiresSoon) return <span className="badge badge-expiring">Expires soon</span>;
  return <span className="badge badge-done">Current</span>;
}

function CertificationCard({
  cert,
  onSaved,
}: {
  cert: LearnerCertification;
  onSaved: (cert: LearnerCertification) => void;
}) {
  return (
    <li className="candidate certification">
      <div className="candidate-head">
        <h2>{cert.title}</h2>
        <span className="muted">{cert.issuer}</span>
      </div>
      <p>
        <span className="badge badge-pending">{STATUS_TEXT[cert.status]}</span>{" "}
        <ExpiryFlag cert={cert} /> {cert.earnedOn && <>earned {formatDate(cert.earnedOn)}. </>}
        {cert.status === "earned" &&
          (cert.expiresOn ? `Valid until ${formatDate(cert.expiresOn)}.` : "Does not expire.")}
        {cert.status !== "earned" &&
          cert.targetDate &&
          `Aiming for ${formatDate(cert.targetDate)}.`}
      </p>
      {cert.credentialUrl && (
        <p>
          <a href={cert.credentialUrl} rel="noopener noreferrer" target="_blank">
            Verify the credential
          </a>
        </p>
      )}
      <StatusForm cert={cert} onSaved={onSaved} />
    </li>
  );
}

/** `cert` null: the add form, choosing among `choices` (the catalogue entries not yet tracked). */
function StatusForm({
  cert,
  choices = [],
  onSaved,
}: {
  cert: LearnerCertification | null;
  choices?: readonly CatalogCertification[];
  onSaved: (cert: LearnerCertification) => void;
}) {
  const api = useApi();
  const statusId = useId();
  const [certificationId, setCertificationId] = useState(cert?.certificationId ?? "");
  const [status, setStatus] = useState<CertificationStatus>(cert?.status ?? "planned");
  const [earnedOn, setEarnedOn] = useState(cert?.earnedOn ?? localToday());
  const [targetDate, setTargetDate] = useState(cert?.targetDate ?? "");
  const [credentialUrl, setCredentialUrl] = useState(cert?.credentialUrl ?? "");
  // finishes with the sentence that says what saving did
  const save = useSubmission<string>();
  const name = cert?.title ?? "the certification";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      const result = await saveCertification(api, certificationId.trim(), {
        status,
        earnedOn: status === "earned" ? earnedOn : null,
        targetDate: status === "earned" || targetDate === "" ? null : targetDate,
        credentialUrl: credentialUrl.trim() === "" ? null : credentialUrl.trim(),
      });
      const { markedDone, ...saved } = result;
      onSaved(saved);
      // the added certification now has its own card and leaves the choices
      if (cert === null) setCertificationId("");
      return markedDone.length > 0
        ? `Saved; ${markedDone.length} covered skills marked done on your roadmap`
        : "Saved";
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      {cert === null && (
        <CertificationChoice
          choices={choices}
          value={certificationId}
          onChange={setCertificationId}
        />
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor={statusId}>Status of {name}</label>
          <select
            id={statusId}
            value={status}
            onChange={(e) => setStatus(e.target.value as CertificationStatus)}
          >
            {CERTIFICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_TEXT[s]}
              </option>
            ))}
          </select>
        </div>
        {status === "earned" ? (
          <Field
            label="Earned on"
            type="date"
            required
            value={earnedOn}
            error={save.fieldError("earnedOn")}
            onChange={(e) => setEarnedOn(e.target.value)}
          />
        ) : (
          <Field
            label="Target date"
            type="date"
            value={targetDate}
            error={save.fieldError("targetDate")}
            onChange={(e) => setTargetDate(e.target.value)}
          />
        )}
        <Field
          label="Credential link"
          type="url"
          hint="The issuer's verification page, if there is one."
          value={credentialUrl}
          error={save.fieldError("credentialUrl")}
          onChange={(e) => setCredentialUrl(e.target.value)}
        />
      </div>
      <FormError error={save.error} />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          disabled={save.busy || certificationId.trim() === ""}
        >
          {save.busy ? "Saving…" : cert === null ? "Add certification" : `Save ${name}`}
        </button>
        <span role="status">{save.value ?? ""}</span>
      </div>
    </form>
  );
}

function validityText(cert: CatalogCertification): string {
  return cert.validityMonths === null
    ? "Does not expire."
    : `Valid for ${cert.validityMonths} months once earned.`;
}

function CertificationChoice({
  choices,
  value,
  onChange,
}: {
  choices: readonly CatalogCertification[];
  value: string;
  onChange: (certificationId: string) => void;
}) {
  const id = useId();
  const chosen = choices.find((c) => c.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>Certification</label>
      <select
        id={id}
        required
        value={value}
        aria-describedby={chosen ? `${id}-about` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">Choose a certification</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title} — {c.issuer}
          </option>
        ))}
      </select>
      {chosen && (
        <p className="hint" id={`${id}-about`}>
          {chosen.summary} {validityText(chosen)}
        </p>
      )}
    </div>
  );
}

function AddCertification({
  tracked,
  onSaved,
}: {
  tracked: ReadonlySet<string>;
  onSaved: (cert: LearnerCertification) => void;
}) {
  const api = useApi();
  const { resource, reload } = useResource(() => certificationCatalog(api), [api]);
  const choices =
    resource.status === "ready"
      ? resource.data
          .filter((c) => !tracked.has(c.id))
          .sort((a, b) => a.title.localeCompare(b.title))
      : [];
  return (
    <section className="card-form" aria-labelledby="add-certification">
      <h2 id="add-certification">Track a certification</h2>
      <ResourceStatus
        resource={resource}
        loading="Loading the certification catalogue"
        failed="The certification catalogue could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" &&
        (choices.length === 0 ? (
          <p className="hint">You track every certification in the catalogue.</p>
        ) : (
          <StatusForm cert={null} choices={choices} onSaved={onSaved} />
        ))}
    </section>
  );
}
