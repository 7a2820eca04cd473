/** The links of a growth entry as typed in one box: one per line or separated by spaces. */
export function parseLinks(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter((part) => part !== ""))];
}
