/** An SVG badge with the score, made by shields.io's badge-maker so it looks like every other badge. */
import { makeBadge } from "badge-maker";

export function renderBadge(score: number): string {
  const color = score >= 75 ? "brightgreen" : score >= 50 ? "yellow" : "red";
  return makeBadge({ label: "devladder", message: `${score}/100`, color });
}
