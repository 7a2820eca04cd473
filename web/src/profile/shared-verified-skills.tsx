/**
 * The verified skills on a shared profile: each with the repositories that prove it and where
 * (file:line), and the score badge of each repository's analysis. Visitors may not be signed
 * in, so links go to the report the API serves to link holders, not to the app's analysis page.
 */
import type { VerifiedSkill } from "../api/analysis-types.js";
import { formatDate } from "../plan/plan-dates.js";

/** enough places to judge the evidence without turning a skill into a wall of paths */
const PLACES_SHOWN = 3;

export function SharedVerifiedSkills({ skills }: { skills: readonly VerifiedSkill[] }) {
  const analyses = latestAnalysisPerRepository(skills);
  return (
    <>
      <section className="report-section" aria-labelledby="shared-verified-title">
        <h2 id="shared-verified-title">Verified skills</h2>
        {skills.length === 0 ? (
          <p className="muted">
            None yet: no analysed repository of this learner shows every signal of a skill so far.
          </p>
        ) : (
          <ul className="verified-skills">
            {skills.map((skill) => (
              <li key={skill.skillId}>
                <span className="badge badge-pass">Verified</span> <strong>{skill.title}</strong>
                {skill.evidence.map((e) => (
                  <ul
                    key={e.analysisId}
                    className="evidence-list"
                    aria-label={`${skill.title} in ${e.repository}`}
                  >
                    <li className="muted">{repositoryName(e.repository)}</li>
                    {placesOf(e).map((place) => (
                      <li key={place}>
                        <code>{place}</code>
                      </li>
                    ))}
                  </ul>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
      {analyses.length > 0 && (
        <section className="report-section" aria-labelledby="shared-analyses-title">
          <h2 id="shared-analyses-title">Analysed repositories</h2>
          <ul className="plain-list">
            {analyses.map((a) => (
              <li key={a.analysisId}>
                <img
                  src={`/api/v1/analyses/${encodeURIComponent(a.analysisId)}/badge.svg`}
                  alt={`devladder score badge of ${repositoryName(a.repository)}`}
                  height={20}
                />{" "}
                <strong>{repositoryName(a.repository)}</strong>{" "}
                <span className="muted">analysed {formatDate(a.verifiedAt.slice(0, 10))}</span>{" "}
                <a href={`${a.report}?format=md`} rel="noopener" target="_blank">
                  Read the report
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

type Evidence = VerifiedSkill["evidence"][number];

/** The first few distinct file:line places across the facts that prove a skill. */
function placesOf(evidence: Evidence): string[] {
  const places = evidence.facts.flatMap((f) => f.evidence.map((p) => `${p.file}:${p.line}`));
  return [...new Set(places)].slice(0, PLACES_SHOWN);
}

/** Each skill names the latest analysis of each repository, so they agree per repository. */
function latestAnalysisPerRepository(skills: readonly VerifiedSkill[]): Evidence[] {
  const byRepository = new Map<string, Evidence>();
  for (const e of skills.flatMap((s) => s.evidence)) {
    const known = byRepository.get(e.repositoryId);
    if (known === undefined || known.verifiedAt < e.verifiedAt) byRepository.set(e.repositoryId, e);
  }
  return [...byRepository.values()].sort((a, b) => b.verifiedAt.localeCompare(a.verifiedAt));
}

/** The last part of a URL or server path: what a visitor recognises a repository by. */
function repositoryName(location: string): string {
  return (
    location
      .replace(/\.git$/, "")
      .split(/[\\/]/)
      .filter((p) => p !== "")
      .at(-1) ?? location
  );
}
