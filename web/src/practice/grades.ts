/** The SM-2 grades as the practice page offers them, best first, each with what it means. */
export const GRADES: readonly { readonly grade: number; readonly label: string }[] = [
  { grade: 5, label: "Perfect" },
  { grade: 4, label: "Right, after a pause" },
  { grade: 3, label: "Right, with effort" },
  { grade: 2, label: "Wrong, but it rang a bell" },
  { grade: 1, label: "Wrong" },
  { grade: 0, label: "No idea" },
];

/** "tomorrow", "in 6 days": when a reviewed question comes back, from today's date. */
export function dueText(dueOn: string, today: string): string {
  const days = Math.round((Date.parse(dueOn) - Date.parse(today)) / 86_400_000);
  if (days <= 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}
