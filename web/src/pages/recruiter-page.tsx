/**
 * Candidate search for recruiters: filter public profiles by track, by the career level reached
 * and by skills that evidence has verified (an analysed repository or a mentor's endorsement),
 * tick two or three to compare them side by side, open a profile, or download the whole
 * shortlist as CSV.
 */
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import {
  TRACK_IDS,
  type Candidate,
  type CandidateFilters,
  type CandidateResults,
  type CatalogLevel,
  type Roadmap,
  type TrackId,
} from "../api/api-types.js";
import { candidatesCsv, levelCatalog, roadmap, searchCandidates } from "../api/devladder-api.js";
import { useApi } from "../auth/auth-context.js";
import { saveBlob } from "../components/save-blob.js";
import {
  EmptyState,
  ErrorNotice,
  FormError,
  Loading,
  ResourceStatus,
} from "../components/status-views.js";
import { StageSkillChecklist } from "../roadmap/stage-skill-checklist.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { useSubmission } from "../components/use-submission.js";
import { MAX_COMPARED, toggleCompared } from "../recruiter/compare-selection.js";

/** a search's results, with the filters they answer (the CSV download repeats them) */
interface Found {
  readonly filters: CandidateFilters;
  readonly results: CandidateResults;
}

export function RecruiterPage() {
  usePageTitle("Candidates");
  const api = useApi();
  const { resource, reload } = useResource(async () => {
    const [levels, ...maps] = await Promise.all([
      levelCatalog(api),
      ...TRACK_IDS.map((track) => roadmap(api, track)),
    ]);
    return { levels, roadmaps: new Map<TrackId, Roadmap>(maps.map((m) => [m.track.id, m])) };
  }, [api]);

  return (
    <section className="page recruiter-page" aria-labelledby="recruiter-title">
      <h1 id="recruiter-title">Find candidates</h1>
      <p className="lead">
        Only learners who made their profile public appear, ranked by the strength of their
        evidence.
      </p>
      <ResourceStatus
        resource={resource}
        loading="Loading the skills and levels"
        failed="The skills and levels could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" && (
        <CandidateSearch roadmaps={resource.data.roadmaps} levels={resource.data.levels} />
      )}
    </section>
  );
}

function CandidateSearch({
  roadmaps,
  levels,
}: {
  roadmaps: ReadonlyMap<TrackId, Roadmap>;
  levels: readonly CatalogLevel[];
}) {
  const api = useApi();
  const [track, setTrack] = useState<TrackId | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [skills, setSkills] = useState<ReadonlySet<string>>(new Set());
  const search = useSubmission<Found>();
  const [compared, setCompared] = useState<readonly string[]>([]);
  const titleOf = (skillId: string) => {
    for (const map of roadmaps.values()) {
      const skill = map.skills.find((s) => s.id === skillId);
      if (skill) return skill.title;
    }
    return skillId;
  };
  const titles: Titles = {
    skill: titleOf,
    level: (levelId) =>
      levelId === null ? null : (levels.find((l) => l.id === levelId)?.title ?? levelId),
    track: (trackId) => roadmaps.get(trackId as TrackId)?.track.title ?? trackId,
  };
  const map = track === null ? null : (roadmaps.get(track) ?? null);

  const chooseTrack = (next: TrackId | null) => {
    setTrack(next);
    // skills belong to a track: a new track starts with none ticked
    setSkills(new Set());
  };
  const toggleSkill = (skillId: string, on: boolean) => {
    const next = new Set(skills);
    if (on) next.add(skillId);
    else next.delete(skillId);
    setSkills(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filters: CandidateFilters = { track, level, skills: [...skills] };
    setCompared([]);
    void search.run(async () => ({ filters, results: await searchCandidates(api, filters) }));
  };

  const found = search.value;
  const results = found?.results.items ?? [];
  const comparedCandidates = compared
    .map((id) => results.find((c) => c.userId === id))
    .filter((c): c is Candidate => c !== undefined);

  return (
    <>
      <form className="card-form search-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="candidate-track">Track</label>
          <select
            id="candidate-track"
            value={track ?? ""}
            onChange={(e) =>
              chooseTrack(e.target.value === "" ? null : (e.target.value as TrackId))
            }
          >
            <option value="">Any track</option>
            {TRACK_IDS.map((id) => (
              <option key={id} value={id}>
                {roadmaps.get(id)?.track.title ?? id}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="candidate-level">Level reached</label>
          <select
            id="candidate-level"
            aria-describedby="candidate-level-hint"
            value={level ?? ""}
            onChange={(e) => setLevel(e.target.value === "" ? null : e.target.value)}
          >
            <option value="">Any level</option>
            {levels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
          <p className="hint" id="candidate-level-hint">
            Candidates whose evidence meets this level or a higher one.
          </p>
        </div>
        {map === null ? (
          <p className="hint">Pick a track to filter by verified skills.</p>
        ) : (
          <fieldset className="known-skills">
            <legend>Verified skills (all of them)</legend>
            <StageSkillChecklist
              map={map}
              checked={skills}
              onToggle={toggleSkill}
              tally={(ticked) => `${ticked} ticked`}
            />
          </fieldset>
        )}
        <button type="submit" className="button button-primary" disabled={search.busy}>
          Search
        </button>
      </form>

      {search.busy && <Loading label="Searching" />}
      {search.error !== null && <ErrorNotice title="The search failed" error={search.error} />}
      {found && (
        <>
          <div className="timeline-head">
            <h2>{results.length === 1 ? "1 candidate" : `${results.length} candidates`}</h2>
            <CsvDownload filters={found.filters} disabled={results.length === 0} />
          </div>
          {found.results.truncated && (
            <p className="hint">
              More profiles matched than one search ranks. Add a skill or a track to narrow it.
            </p>
          )}
          {results.length === 0 ? (
            <EmptyState title="No candidates match">
              <p>Try fewer skills or any track. Only public profiles are searched.</p>
            </EmptyState>
          ) : (
            <ul className="candidates">
              {results.map((c) => (
                <CandidateCard
                  key={c.userId}
                  candidate={c}
                  titles={titles}
                  compared={compared.includes(c.userId)}
                  canCompareMore={compared.length < MAX_COMPARED}
                  onCompare={(on) => setCompared((picked) => toggleCompared(picked, c.userId, on))}
                />
              ))}
            </ul>
          )}
          {comparedCandidates.length >= 2 ? (
            <Comparison candidates={comparedCandidates} titles={titles} />
          ) : (
            results.length >= 2 && (
              <p className="hint">Tick two or three candidates to compare them side by side.</p>
            )
          )}
        </>
      )}
    </>
  );
}

/** what the cards and the comparison show for ids: titles from the roadmaps and the catalogue */
interface Titles {
  skill: (skillId: string) => string;
  /** null when no level is reached */
  level: (levelId: string | null) => string | null;
  track: (trackId: string) => string;
}

function CandidateCard({
  candidate,
  titles,
  compared,
  canCompareMore,
  onCompare,
}: {
  candidate: Candidate;
  titles: Titles;
  compared: boolean;
  canCompareMore: boolean;
  onCompare: (on: boolean) => void;
}) {
  return (
    <li className="candidate">
      <div className="candidate-head">
        <h3>{candidate.displayName}</h3>
        <span className="muted">
          {titles.track(candidate.track)} ·{" "}
          {titles.level(candidate.reachedLevel) ?? "no level reached yet"} · strength{" "}
          {candidate.strength}
        </span>
      </div>
      {candidate.headline !== "" && <p>{candidate.headline}</p>}
      <p>
        <strong>Verified skills:</strong>{" "}
        {candidate.verifiedSkills.length === 0
          ? "none yet"
          : candidate.verifiedSkills.map((s) => titles.skill(s.skillId)).join(", ")}
      </p>
      <div className="candidate-actions">
        <label className="check">
          <input
            type="checkbox"
            checked={compared}
            disabled={!compared && !canCompareMore}
            onChange={(e) => onCompare(e.target.checked)}
          />
          <span>Compare</span>
        </label>
        <Link to={`/candidates/${candidate.userId}`}>
          View {candidate.displayName}&apos;s profile
        </Link>
      </div>
    </li>
  );
}

function Comparison({ candidates, titles }: { candidates: Candidate[]; titles: Titles }) {
  const skillIds = [
    ...new Set(candidates.flatMap((c) => c.verifiedSkills.map((s) => s.skillId))),
  ].sort((a, b) => titles.skill(a).localeCompare(titles.skill(b)));
  const proof = (c: Candidate, skillId: string) =>
    c.verifiedSkills.find((s) => s.skillId === skillId)?.by.join(" and ") ?? "not verified";
  return (
    <section aria-labelledby="compare-title" className="comparison">
      <h2 id="compare-title">Side by side</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <td />
              {candidates.map((c) => (
                <th key={c.userId} scope="col">
                  {c.displayName}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Track</th>
              {candidates.map((c) => (
                <td key={c.userId}>{titles.track(c.track)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Level reached</th>
              {candidates.map((c) => (
                <td key={c.userId}>{titles.level(c.reachedLevel) ?? "none yet"}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Evidence strength</th>
              {candidates.map((c) => (
                <td key={c.userId}>{c.strength}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Current certifications</th>
              {candidates.map((c) => (
                <td key={c.userId}>
                  {c.currentCertifications.length === 0
                    ? "none"
                    : c.currentCertifications.join(", ")}
                </td>
              ))}
            </tr>
            {skillIds.map((skillId) => (
              <tr key={skillId}>
                <th scope="row">{titles.skill(skillId)}</th>
                {candidates.map((c) => (
                  <td key={c.userId}>{proof(c, skillId)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CsvDownload({ filters, disabled }: { filters: CandidateFilters; disabled: boolean }) {
  const api = useApi();
  const shortlist = useSubmission();
  const download = () =>
    shortlist.run(async () =>
      saveBlob(await candidatesCsv(api, filters), "devladder-candidates.csv"),
    );
  return (
    <div className="calendar-download">
      <button
        type="button"
        className="button"
        disabled={disabled || shortlist.busy}
        onClick={() => void download()}
      >
        {shortlist.busy ? "Preparing…" : "Download shortlist (.csv)"}
      </button>
      <FormError error={shortlist.error} />
    </div>
  );
}
