/**
 * The roadmap: stages and their skills with status colours, progress per stage and overall, a
 * side panel per skill, and keyboard shortcuts on the focused skill (d, l, s, r; arrows move).
 * Learners see and change their own progress; other roles browse a track read-only.
 */
import { useRef, useState, type KeyboardEvent } from "react";
import { Navigate, useSearchParams } from "react-router-dom";
import { messageOf } from "../api/api-error.js";
import {
  TRACK_IDS,
  type ProgressEntry,
  type ProgressStatus,
  type Roadmap,
  type TrackId,
} from "../api/api-types.js";
import { allProgress, ownProfile, roadmap, setProgress } from "../api/devladder-api.js";
import { useApi, useUser } from "../auth/auth-context.js";
import { ResourceStatus } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { ProgressBar } from "../roadmap/progress-bar.js";
import { progressByStage, statusLookup, tally } from "../roadmap/progress-summary.js";
import { SKILL_SHORTCUTS, STATUS_LABELS, statusForKey } from "../roadmap/skill-shortcuts.js";
import { SkillPanel } from "../roadmap/skill-panel.js";
import { StatusBadge } from "../roadmap/status-badge.js";

interface Loaded {
  readonly roadmap: Roadmap;
  /** null: the viewer keeps no progress (not a learner) */
  readonly progress: ProgressEntry[] | null;
  readonly needsOnboarding: boolean;
}

function isTrackId(value: string | null): value is TrackId {
  return TRACK_IDS.some((id) => id === value);
}

export function RoadmapPage() {
  const api = useApi();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const requested = params.get("track");
  const browseTrack: TrackId = isTrackId(requested) ? requested : "python";
  const learner = user.role === "learner";

  const { resource, reload, update } = useResource<Loaded>(async () => {
    if (!learner) {
      return { roadmap: await roadmap(api, browseTrack), progress: null, needsOnboarding: false };
    }
    const profile = await ownProfile(api);
    if (!profile)
      return { roadmap: await roadmap(api, browseTrack), progress: [], needsOnboarding: true };
    const [map, progress] = await Promise.all([roadmap(api, profile.track), allProgress(api)]);
    return { roadmap: map, progress, needsOnboarding: false };
  }, [api, learner, browseTrack]);

  const title =
    resource.status === "ready" ? `${resource.data.roadmap.track.title} roadmap` : "Roadmap";
  usePageTitle(title);

  if (resource.status === "ready" && resource.data.needsOnboarding) {
    return <Navigate to="/onboarding" replace />;
  }
  return (
    <section className="page roadmap-page" aria-labelledby="roadmap-title">
      <h1 id="roadmap-title">{title}</h1>
      {!learner && (
        <label className="inline-field">
          <span>Track</span>
          <select value={browseTrack} onChange={(e) => setParams({ track: e.target.value })}>
            {TRACK_IDS.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
      )}
      <ResourceStatus
        resource={resource}
        loading="Loading the roadmap"
        failed="The roadmap could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" && (
        <RoadmapView
          roadmap={resource.data.roadmap}
          progress={resource.data.progress}
          onSaved={(entry) =>
            update((data) => ({
              ...data,
              progress: [
                ...(data.progress ?? []).filter((p) => p.skillId !== entry.skillId),
                entry,
              ],
            }))
          }
        />
      )}
    </section>
  );
}

function RoadmapView({
  roadmap: map,
  progress,
  onSaved,
}: {
  roadmap: Roadmap;
  progress: ProgressEntry[] | null;
  onSaved: (entry: ProgressEntry) => void;
}) {
  const api = useApi();
  const editable = progress !== null;
  // optimistic statuses while a change is on its way; dropped once the server has answered
  const [pending, setPending] = useState<ReadonlyMap<string, ProgressStatus>>(new Map());
  const [selected, setSelected] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const saved = statusLookup(progress ?? []);
  const statusOf = (skillId: string) => pending.get(skillId) ?? saved(skillId);
  const noteOf = (skillId: string) => progress?.find((p) => p.skillId === skillId)?.note ?? "";
  const titleOf = (skillId: string) => map.skills.find((s) => s.id === skillId)?.title ?? skillId;
  const overall = tally(map.skills, statusOf);
  const byStage = new Map(progressByStage(map, statusOf).map((s) => [s.stageId, s]));
  const ordered = [...map.stages].sort((a, b) => a.order - b.order);
  const skillOrder = ordered.flatMap((stage) =>
    map.skills.filter((s) => s.stage === stage.id).map((s) => s.id),
  );

  const change = async (skillId: string, status: ProgressStatus, note?: string) => {
    setFailure(null);
    setPending((p) => new Map(p).set(skillId, status));
    try {
      const entry = await setProgress(
        api,
        skillId,
        note === undefined ? { status } : { status, note },
      );
      onSaved(entry);
      setAnnouncement(`${titleOf(skillId)}: ${STATUS_LABELS[status]}`);
    } catch (error) {
      setFailure(`${titleOf(skillId)} could not be updated: ${messageOf(error)}`);
      throw error;
    } finally {
      setPending((p) => {
        const next = new Map(p);
        next.delete(skillId);
        return next;
      });
    }
  };
  // a failed shortcut is reported in the alert above the stages; nothing else waits on it
  const changeAndReport = (skillId: string, status: ProgressStatus) => {
    change(skillId, status).catch(() => undefined);
  };

  const onSkillKey = (event: KeyboardEvent<HTMLButtonElement>, skillId: string) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const index = skillOrder.indexOf(skillId) + (event.key === "ArrowDown" ? 1 : -1);
      const next = skillOrder[index];
      if (next !== undefined) {
        event.preventDefault();
        buttons.current.get(next)?.focus();
      }
      return;
    }
    if (!editable) return;
    const status = statusForKey(event);
    if (status === null) return;
    event.preventDefault();
    if (status !== statusOf(skillId)) changeAndReport(skillId, status);
  };

  const selectedSkill = map.skills.find((s) => s.id === selected);
  const closePanel = () => {
    const id = selected;
    setSelected(null);
    if (id !== null) buttons.current.get(id)?.focus();
  };

  return (
    <>
      {editable && (
        <div className="overall">
          <p>
            <strong>{overall.percent}%</strong> done · {overall.done} of{" "}
            {overall.total - overall.skipped} skills · {overall.learning} in progress ·{" "}
            {overall.hoursLeft} hours left
          </p>
          <ProgressBar label="Overall progress" percent={overall.percent} />
          <p className="hint">
            Keyboard: focus a skill, then press{" "}
            {SKILL_SHORTCUTS.map((s, i) => (
              <span key={s.key}>
                {i > 0 && ", "}
                <kbd>{s.key}</kbd> {s.label}
              </span>
            ))}
            . <kbd>↑</kbd>/<kbd>↓</kbd> move between skills, <kbd>Enter</kbd> opens details.
          </p>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className={`roadmap-layout${selectedSkill ? " with-panel" : ""}`}>
        <ol className="stages">
          {ordered.map((stage) => {
            const stats = byStage.get(stage.id);
            const skills = map.skills.filter((s) => s.stage === stage.id);
            return (
              <li key={stage.id} className="stage">
                <section aria-labelledby={`stage-${stage.id}`}>
                  <div className="stage-head">
                    <h2 id={`stage-${stage.id}`}>{stage.title}</h2>
                    <span className="muted">
                      months {stage.months.from}–{stage.months.to ?? "onwards"}
                    </span>
                  </div>
                  {editable && stats && (
                    <div className="stage-progress">
                      <ProgressBar label={`${stage.title} progress`} percent={stats.percent} />
                      <span className="muted">
                        {stats.done} of {stats.total - stats.skipped} done
                      </span>
                    </div>
                  )}
                  <ul className="skills">
                    {skills.map((skill) => {
                      const status = statusOf(skill.id);
                      return (
                        <li key={skill.id}>
                          <button
                            type="button"
                            className={`skill status-${status}`}
                            data-skill={skill.id}
                            aria-expanded={selected === skill.id}
                            aria-keyshortcuts={editable ? "d l s r" : undefined}
                            ref={(el) => {
                              if (el) buttons.current.set(skill.id, el);
                              else buttons.current.delete(skill.id);
                            }}
                            onClick={() => setSelected(skill.id)}
                            onKeyDown={(event) => onSkillKey(event, skill.id)}
                          >
                            <span className="skill-title">{skill.title}</span>
                            <span className="skill-meta">
                              {editable && <StatusBadge status={status} />}
                              <span className="muted">{skill.hours} h</span>
                            </span>
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              </li>
            );
          })}
        </ol>
        {selectedSkill && (
          <SkillPanel
            skill={selectedSkill}
            stageTitle={map.stages.find((s) => s.id === selectedSkill.stage)?.title ?? ""}
            status={statusOf(selectedSkill.id)}
            note={noteOf(selectedSkill.id)}
            editable={editable}
            titleOf={titleOf}
            statusOf={statusOf}
            onStatus={(status) => changeAndReport(selectedSkill.id, status)}
            onSaveNote={(note) => change(selectedSkill.id, statusOf(selectedSkill.id), note)}
            onOpen={setSelected}
            onClose={closePanel}
          />
        )}
      </div>
    </>
  );
}
