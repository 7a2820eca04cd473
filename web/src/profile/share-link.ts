/**
 * The web address of a learner's share link. The API hands the owner the path of the JSON
 * resource (/api/v1/shared-profiles/<slug>); people are given the page that shows it, /p/<slug>.
 */
export function shareLinkUrl(sharePath: string, origin: string): string {
  const slug = sharePath
    .split("/")
    .filter((part) => part !== "")
    .at(-1);
  if (slug === undefined)
    throw new Error(`the share path ${JSON.stringify(sharePath)} has no slug`);
  return new URL(`/p/${slug}`, origin).toString();
}
