/**
 * The API client and who is signed in, for every page. On start the stored refresh token (if any)
 * is exchanged for a session, so a reload keeps the user signed in.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { ApiClient } from "../api/api-client.js";
import type { User } from "../api/api-types.js";

export type AuthState =
  | { readonly status: "restoring" }
  | { readonly status: "failed"; readonly error: unknown; retry: () => void }
  | { readonly status: "ready"; readonly user: User | null };

const ApiContext = createContext<ApiClient | null>(null);
const AuthContext = createContext<AuthState>({ status: "restoring" });

export function AuthProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "restoring" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    const off = api.onUserChange((user) => {
      if (current) setState({ status: "ready", user });
    });
    api.restore().then(
      (user) => {
        if (current) setState({ status: "ready", user });
      },
      (error: unknown) => {
        if (current) {
          setState({ status: "failed", error, retry: () => setAttempt((n) => n + 1) });
        }
      },
    );
    return () => {
      current = false;
      off();
    };
  }, [api, attempt]);

  return (
    <ApiContext.Provider value={api}>
      <AuthContext.Provider value={state}>{children}</AuthContext.Provider>
    </ApiContext.Provider>
  );
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi is used outside <AuthProvider>");
  return api;
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}

/** The signed-in user; only for pages behind <RequireAuth>. */
export function useUser(): User {
  const state = useAuth();
  if (state.status !== "ready" || state.user === null) {
    throw new Error("useUser is used on a page that does not require sign-in");
  }
  return state.user;
}
