/** The endorsements a learner's profile shows to others, with the mentor and the evidence link. */
import type { Endorsement } from "../api/api-types.js";

export function EndorsementList({
  endorsements,
  titleOf,
}: {
  endorsements: readonly Endorsement[];
  titleOf: (skillId: string) => string;
}) {
  if (endorsements.length === 0) {
    return <p className="muted">No mentor has endorsed a skill yet.</p>;
  }
  return (
    <ul className="plain-list endorsements">
      {endorsements.map((e) => (
        <li key={e.id}>
          <strong>{titleOf(e.skillId)}</strong> by {e.mentor.displayName}: {e.comment}{" "}
          <a href={e.evidenceUrl} rel="noopener noreferrer" target="_blank">
            evidence
          </a>
        </li>
      ))}
    </ul>
  );
}
