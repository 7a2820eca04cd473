import type { ProgressStatus } from "../api/api-types.js";
import { STATUS_LABELS } from "./skill-shortcuts.js";

/** The status as a word and a colour, so it never rests on colour alone. */
export function StatusBadge({ status }: { status: ProgressStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>;
}
