/** Which pages need a signed-in user, and where a signed-in user starts. */
import { Navigate, Outlet, useLocation } from "react-router-dom";
import { ErrorNotice, Loading } from "../components/status-views.js";
import { useAuth } from "./auth-context.js";

export function RequireAuth() {
  const auth = useAuth();
  const location = useLocation();
  switch (auth.status) {
    case "restoring":
      return <Loading label="Signing you in" />;
    case "failed":
      return (
        <ErrorNotice
          title="Could not restore your session"
          error={auth.error}
          onRetry={auth.retry}
        />
      );
    case "ready":
      return auth.user ? (
        <Outlet />
      ) : (
        <Navigate to="/login" replace state={{ from: location.pathname }} />
      );
  }
}

export function PublicOnly() {
  const auth = useAuth();
  if (auth.status === "restoring") return <Loading label="Loading" />;
  if (auth.status === "ready" && auth.user) return <Navigate to="/" replace />;
  return <Outlet />;
}

/** "/": learners start on their roadmap (onboarding first, the roadmap page sends them there). */
export function HomeRedirect() {
  const auth = useAuth();
  if (auth.status === "restoring") return <Loading label="Loading" />;
  return <Navigate to={auth.status === "ready" && auth.user ? "/roadmap" : "/login"} replace />;
}
