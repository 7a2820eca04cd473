/**
 * A track's skills as checkboxes, one collapsible group per stage with how many are ticked:
 * the skills a learner already knows at onboarding, the skills a recruiter searches by.
 */
import type { Roadmap } from "../api/api-types.js";

export function StageSkillChecklist({
  map,
  checked,
  onToggle,
  tally,
}: {
  /** stages come in learning order from the API */
  map: Roadmap;
  checked: ReadonlySet<string>;
  onToggle: (skillId: string, on: boolean) => void;
  /** the count beside a stage's title, e.g. "2 of 6 ticked" */
  tally: (ticked: number, total: number) => string;
}) {
  return map.stages.map((stage) => {
    const skills = map.skills.filter((s) => s.stage === stage.id);
    const ticked = skills.filter((s) => checked.has(s.id)).length;
    return (
      <details key={stage.id} className="stage-checklist">
        <summary>
          {stage.title} <span className="muted">({tally(ticked, skills.length)})</span>
        </summary>
        <ul>
          {skills.map((skill) => (
            <li key={skill.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={checked.has(skill.id)}
                  onChange={(e) => onToggle(skill.id, e.target.checked)}
                />
                <span>{skill.title}</span>
              </label>
            </li>
          ))}
        </ul>
      </details>
    );
  });
}
