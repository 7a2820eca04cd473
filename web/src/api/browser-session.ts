/**
 * The browser's side of the session. The access token only ever lives in memory (api-client.ts);
 * the refresh token has to survive a reload, so it goes to localStorage, shared by the tabs of this
 * origin. The API answers with tokens in the body rather than an httpOnly cookie, so
 * script-readable storage is the only place available to a browser client.
 */
import type { TokenStore } from "./token-store.js";

const KEY = "devladder.refreshToken";

export function browserTokenStore(storage: Storage = window.localStorage): TokenStore {
  return {
    read: () => storage.getItem(KEY),
    write: (token) => {
      if (token === null) storage.removeItem(KEY);
      else storage.setItem(KEY, token);
    },
  };
}

/** Serialises refreshes across the tabs of this origin; without Web Locks, within this tab only. */
export async function browserRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator === "undefined" || !("locks" in navigator)) return work();
  return await navigator.locks.request("devladder-refresh", work);
}
