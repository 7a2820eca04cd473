/**
 * Whether JSON handlers make an application a REST API, or are incidental to a server-rendered
 * site. A site of pages with one JSON action for a widget (a vet list as JSON beside sixteen
 * HTML views) serves pages; an API serves mostly data. With no page handlers at all, one JSON
 * handler is enough.
 */
export function isJsonApi(jsonHandlers: number, pageHandlers: number): boolean {
  if (jsonHandlers === 0) return false;
  if (pageHandlers === 0) return true;
  return jsonHandlers >= Math.max(2, Math.ceil(pageHandlers / 5));
}
