/**
 * The one way the web app talks to the API. It keeps the access token in memory only, and when a
 * call answers 401 (or there is no access token yet) it exchanges the stored refresh token for a
 * new session once, then repeats the call. Refresh tokens are single use and the server ends every
 * session of a login when one is presented twice, so refreshes are serialised: within a tab by
 * sharing one in-flight refresh, across tabs by a Web Lock, and each refresh reads the token
 * afresh from the store, where another tab may already have put its rotated successor.
 */
import { ApiError, isProblem } from "./api-error.js";
import type { Session, User } from "./api-types.js";
import type { TokenStore } from "./token-store.js";

export interface ApiClientOptions {
  readonly tokens: TokenStore;
  /** "" in the browser (same origin); the server's URL in tests */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** runs `work` while holding a lock shared by every tab; see `browserRefreshLock` */
  readonly refreshLock?: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface RequestOptions {
  readonly body?: unknown;
  /** send the access token (default true) */
  readonly auth?: boolean;
}

export type ApiClient = ReturnType<typeof createApiClient>;

const UNREACHABLE =
  "The devladder server could not be reached. Check your connection and try again.";

export function createApiClient(options: ApiClientOptions) {
  const { tokens } = options;
  const baseUrl = options.baseUrl ?? "";
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const refreshLock = options.refreshLock ?? (<T>(work: () => Promise<T>) => work());
  let accessToken: string | null = null;
  let user: User | null = null;
  let refreshing: Promise<boolean> | null = null;
  const listeners = new Set<(user: User | null) => void>();

  const setUser = (next: User | null) => {
    user = next;
    for (const listener of listeners) listener(next);
  };

  const adopt = (session: Session) => {
    accessToken = session.accessToken;
    tokens.write(session.refreshToken);
    setUser(session.user);
  };

  const endSession = () => {
    accessToken = null;
    tokens.write(null);
    setUser(null);
  };

  async function send(method: string, path: string, request: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (request.body !== undefined) headers["content-type"] = "application/json";
    if (request.auth !== false && accessToken !== null) {
      headers.authorization = `Bearer ${accessToken}`;
    }
    try {
      return await fetchFn(`${baseUrl}${path}`, {
        method,
        headers,
        ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
      });
    } catch (error) {
      throw new ApiError(0, null, UNREACHABLE, { cause: error });
    }
  }

  async function refresh(): Promise<boolean> {
    refreshing ??= refreshLock(async () => {
      const token = tokens.read();
      if (token === null) {
        endSession();
        return false;
      }
      const response = await send("POST", "/api/v1/auth/refresh", {
        body: { refreshToken: token },
        auth: false,
      });
      if (response.status === 401 || response.status === 400) {
        // used, expired or revoked: this login is over, and the user signs in again
        endSession();
        return false;
      }
      if (!response.ok) throw await errorOf(response);
      adopt((await response.json()) as Session);
      return true;
    }).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** Sends a request, refreshing the session once on 401; throws ApiError for any failure. */
  async function request(method: string, path: string, req: RequestOptions = {}) {
    const auth = req.auth !== false;
    if (auth && accessToken === null && !(await refresh())) {
      throw new ApiError(401, null, "Your session has ended. Log in again.");
    }
    let response = await send(method, path, req);
    if (auth && response.status === 401 && (await refresh())) {
      response = await send(method, path, req);
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }

  return {
    /** the signed-in user, or null */
    user: () => user,
    onUserChange(listener: (user: User | null) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Signs in again from the stored refresh token, if there is one that still works. */
    async restore(): Promise<User | null> {
      if (tokens.read() === null) return null;
      return (await refresh()) ? user : null;
    },
    async login(email: string, password: string): Promise<User> {
      const response = await request("POST", "/api/v1/auth/login", {
        body: { email, password },
        auth: false,
      });
      const session = (await response.json()) as Session;
      adopt(session);
      return session.user;
    },
    async logout(): Promise<void> {
      const token = tokens.read();
      try {
        if (token !== null) {
          await request("POST", "/api/v1/auth/logout", {
            body: { refreshToken: token },
            auth: false,
          });
        }
      } finally {
        // signed out locally even when the server could not be told
        endSession();
      }
    },
    async json<T>(method: string, path: string, req?: RequestOptions): Promise<T> {
      const response = await request(method, path, req);
      return (await response.json()) as T;
    },
    async blob(path: string): Promise<Blob> {
      return (await request("GET", path)).blob();
    },
    async empty(method: string, path: string, req?: RequestOptions): Promise<void> {
      await request(method, path, req);
    },
  };
}

async function errorOf(response: Response): Promise<ApiError> {
  const fallback = `The server answered ${response.status} ${response.statusText}`.trim();
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch (error) {
    // not JSON (a proxy's error page, say): report the status, keep the parse failure as cause
    return new ApiError(response.status, null, fallback, { cause: error });
  }
  return new ApiError(response.status, isProblem(parsed) ? parsed : null, fallback);
}
