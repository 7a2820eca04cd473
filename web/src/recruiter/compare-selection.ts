/** Which candidates are picked for the side-by-side comparison: at most three, in pick order. */
export const MAX_COMPARED = 3;

export function toggleCompared(
  picked: readonly string[],
  userId: string,
  on: boolean,
): readonly string[] {
  if (!on) return picked.filter((id) => id !== userId);
  if (picked.includes(userId) || picked.length >= MAX_COMPARED) return picked;
  return [...picked, userId];
}
