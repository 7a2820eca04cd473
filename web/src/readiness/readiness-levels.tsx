/**
 * Readiness per career level: each level met or not, and under it every criterion with what
 * counts towards it (the evidence) and, while unmet, what is still missing.
 */
import type { Readiness } from "../api/api-types.js";

export function ReadinessLevels({ readiness }: { readiness: Readiness }) {
  const reached = readiness.levels.find((l) => l.levelId === readiness.reachedLevel);
  return (
    <>
      <p className="readiness-reached">
        Level reached: <strong>{reached?.title ?? "none yet"}</strong>
      </p>
      <ol className="levels">
        {readiness.levels.map((level) => (
          <li key={level.levelId} className={`level ${level.met ? "level-met" : "level-open"}`}>
            <details open={!level.met && level === readiness.levels.find((l) => !l.met)}>
              <summary>
                <span className="level-title">{level.title}</span>{" "}
                <span className={`badge ${level.met ? "badge-done" : "badge-pending"}`}>
                  {level.met ? "Met" : "Not yet"}
                </span>{" "}
                <span className="muted">
                  {level.criteria.filter((c) => c.met).length} of {level.criteria.length} criteria
                </span>
              </summary>
              <ul className="criteria">
                {level.criteria.map((c) => (
                  <li key={c.criterionId} className={c.met ? "criterion-met" : "criterion-open"}>
                    <p>
                      <span className={`badge ${c.met ? "badge-done" : "badge-pending"}`}>
                        {c.met ? "Met" : "Missing"}
                      </span>{" "}
                      {c.description}{" "}
                      <span className="muted">
                        ({c.have} of {c.need})
                      </span>
                    </p>
                    {c.evidence.length > 0 && (
                      <p className="hint">
                        Evidence: {c.evidence.map((e) => `${e.label} (${e.kind})`).join("; ")}
                      </p>
                    )}
                    {c.missing.length > 0 && (
                      <ul className="missing">
                        {c.missing.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}
