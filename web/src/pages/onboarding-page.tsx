/**
 * Onboarding (and later, settings): the track, weekly hours, start date, and the skills already
 * known, ticked off stage by stage so the plan schedules only what is left.
 */
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import {
  TRACK_IDS,
  type OwnProfile,
  type ProgressEntry,
  type Roadmap,
  type TrackId,
  type Visibility,
} from "../api/api-types.js";
import {
  allProgress,
  ownProfile,
  roadmap,
  saveProfile,
  setManyProgress,
} from "../api/devladder-api.js";
import { useApi } from "../auth/auth-context.js";
import { Field } from "../components/field.js";
import { FormError, ResourceStatus } from "../components/status-views.js";
import { StageSkillChecklist } from "../roadmap/stage-skill-checklist.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { useSubmission } from "../components/use-submission.js";
import { knownSkillChanges } from "../onboarding/known-skill-changes.js";
import { MentorAccess } from "../onboarding/mentor-access.js";
import { localToday } from "../onboarding/today.js";
import { ShareLinkSection } from "../profile/share-link-section.js";

interface Loaded {
  readonly profile: OwnProfile | null;
  readonly roadmaps: ReadonlyMap<TrackId, Roadmap>;
  readonly progress: readonly ProgressEntry[];
}

export function OnboardingPage() {
  const api = useApi();
  const { resource, reload } = useResource<Loaded>(async () => {
    const [profile, progress, ...maps] = await Promise.all([
      ownProfile(api),
      allProgress(api),
      ...TRACK_IDS.map((track) => roadmap(api, track)),
    ]);
    return { profile, progress, roadmaps: new Map(maps.map((m) => [m.track.id, m])) };
  }, [api]);
  const title =
    resource.status === "ready" && resource.data.profile
      ? "Your plan settings"
      : "Set up your plan";
  usePageTitle(title);

  return (
    <section className="page" aria-labelledby="onboarding-title">
      <h1 id="onboarding-title">{title}</h1>
      <ResourceStatus
        resource={resource}
        loading="Loading the tracks"
        failed="The tracks could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" && <OnboardingForm loaded={resource.data} />}
      {resource.status === "ready" && resource.data.profile && (
        <ShareLinkSection
          sharePath={resource.data.profile.sharePath}
          visibility={resource.data.profile.visibility}
        />
      )}
      {resource.status === "ready" && resource.data.profile && <MentorAccess />}
    </section>
  );
}

function OnboardingForm({ loaded }: { loaded: Loaded }) {
  const api = useApi();
  const navigate = useNavigate();
  const { profile } = loaded;
  const [track, setTrack] = useState<TrackId>(profile?.track ?? "python");
  const [hours, setHours] = useState(String(profile?.hoursPerWeek ?? 10));
  const [startDate, setStartDate] = useState(profile?.startDate ?? localToday());
  const [visibility, setVisibility] = useState<Visibility>(profile?.visibility ?? "private");
  const [headline, setHeadline] = useState(profile?.headline ?? "");
  const current = new Map(loaded.progress.map((p) => [p.skillId, p.status]));
  const [known, setKnown] = useState<ReadonlySet<string>>(
    () => new Set(loaded.progress.filter((p) => p.status === "done").map((p) => p.skillId)),
  );
  const save = useSubmission();

  const map = loaded.roadmaps.get(track);
  const toggle = (skillId: string, on: boolean) => {
    const next = new Set(known);
    if (on) next.add(skillId);
    else next.delete(skillId);
    setKnown(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      await saveProfile(api, {
        track,
        hoursPerWeek: Number(hours),
        startDate,
        targetLevel: profile?.targetLevel ?? null,
        visibility,
        headline: headline.trim(),
      });
      const changes = knownSkillChanges(current, known, map?.skills.map((s) => s.id) ?? []);
      if (changes.length > 0) await setManyProgress(api, changes);
      void navigate("/roadmap");
    });
  };

  return (
    <form className="onboarding" onSubmit={submit} noValidate>
      <fieldset className="choice-group tracks">
        <legend>Track</legend>
        {TRACK_IDS.map((id) => {
          const info = loaded.roadmaps.get(id)?.track;
          return (
            <label key={id} className="choice choice-card">
              <input
                type="radio"
                name="track"
                value={id}
                checked={track === id}
                onChange={() => setTrack(id)}
              />
              <span>
                <strong>{info?.title ?? id}</strong>
                {info && <span className="muted">{info.summary}</span>}
              </span>
            </label>
          );
        })}
        {save.fieldError("track") && <p className="field-error">{save.fieldError("track")}</p>}
      </fieldset>
      <div className="field-row">
        <Field
          label="Hours per week"
          type="number"
          min={0.5}
          max={80}
          step={0.5}
          inputMode="decimal"
          required
          hint="What you can give most weeks, from 0.5 to 80."
          value={hours}
          error={save.fieldError("hoursPerWeek")}
          onChange={(e) => setHours(e.target.value)}
        />
        <Field
          label="Start date"
          type="date"
          required
          hint="The first day of study."
          value={startDate}
          error={save.fieldError("startDate")}
          onChange={(e) => setStartDate(e.target.value)}
        />
      </div>
      <fieldset className="known-skills">
        <legend>Skills you already know</legend>
        <p className="hint">
          Tick what you could already do at work. They count as done and the plan skips them.
        </p>
        {map && (
          <StageSkillChecklist
            map={map}
            checked={known}
            onToggle={toggle}
            tally={(ticked, total) => `${ticked} of ${total} ticked`}
          />
        )}
      </fieldset>
      <fieldset className="choice-group">
        <legend>Who sees your profile</legend>
        {VISIBILITY_CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name="visibility"
              value={choice.value}
              checked={visibility === choice.value}
              onChange={() => setVisibility(choice.value)}
            />
            <span>
              <strong>{choice.label}</strong> <span className="muted">{choice.hint}</span>
            </span>
          </label>
        ))}
        {save.fieldError("visibility") && (
          <p className="field-error">{save.fieldError("visibility")}</p>
        )}
      </fieldset>
      <Field
        label="Headline"
        maxLength={200}
        hint="One line others see on your profile, e.g. what you are working towards."
        value={headline}
        error={save.fieldError("headline")}
        onChange={(e) => setHeadline(e.target.value)}
      />
      <FormError error={save.error} />
      <button type="submit" className="button button-primary" disabled={save.busy}>
        {save.busy ? "Saving…" : profile ? "Save settings" : "Create my plan"}
      </button>
    </form>
  );
}

const VISIBILITY_CHOICES: readonly { value: Visibility; label: string; hint: string }[] = [
  { value: "private", label: "Private", hint: "only you, the mentors you add, and admins" },
  { value: "link", label: "Link", hint: "also whoever you give your share link" },
  {
    value: "public",
    label: "Public",
    hint: "any signed-in user, and recruiters can find you in their search",
  },
];
