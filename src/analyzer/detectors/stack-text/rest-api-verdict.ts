/**
 * Whether JSON handlers make an application a REST API, or are incidental to a server-rendered
 * site. A site of pages with one JSON action for a widget (a vet list as JSON beside sixteen
 * HTML views) serves pages; an API serves mostly data. With no page handlers at all, one JSON
 * handler is enough; and an API of its own beside a larger site (a conference site's /api for
 * its mobile app, dozens of routes) is an API whatever the number of pages.
 */
export function isJsonApi(jsonHandlers: number, pageHandlers: number): boolean {
  if (jsonHandlers === 0) return false;
  if (pageHandlers === 0) return true;
  return jsonHandlers >= Math.min(API_OF_ITS_OWN, Math.max(2, Math.ceil(pageHandlers / 5)));
}

/** JSON handlers that are an API in their own right, however many pages the site has. */
const API_OF_ITS_OWN = 20;
