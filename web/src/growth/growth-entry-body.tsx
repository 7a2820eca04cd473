/** What a growth entry says — dimension, date, title, text and links — as the learner and a mentor both see it. */
import type { GrowthEntry } from "../api/api-types.js";
import { DIMENSION_LABELS } from "./dimension-labels.js";
import { formatDate } from "../plan/plan-dates.js";

export function GrowthEntryBody({
  entry,
  Heading,
}: {
  entry: GrowthEntry;
  /** the heading level that fits the page around the entry */
  Heading: "h3" | "h4";
}) {
  return (
    <>
      <p className="growth-meta">
        <span className={`badge badge-${entry.dimension}`}>
          {DIMENSION_LABELS[entry.dimension]}
        </span>{" "}
        <span className="muted">{formatDate(entry.happenedOn)}</span>
      </p>
      <Heading>{entry.title}</Heading>
      <p>{entry.what}</p>
      {entry.links.length > 0 && (
        <ul className="plain-list">
          {entry.links.map((link) => (
            <li key={link}>
              <a href={link} rel="noopener noreferrer" target="_blank">
                {link}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
