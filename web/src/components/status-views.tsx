/** The designed states of a page that is not showing its data: loading, failed, empty. */
import type { ReactNode } from "react";
import { messageOf } from "../api/api-error.js";
import type { Resource } from "./use-resource.js";

export function Loading({ label }: { label: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <p>{label}…</p>
    </div>
  );
}

export function ErrorNotice({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  return (
    <div className="state state-error" role="alert">
      <h2>{title}</h2>
      <p>{messageOf(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A loaded resource's state while it has no data to show: loading, or failed with a retry. */
export function ResourceStatus({
  resource,
  loading,
  failed,
  onRetry,
}: {
  resource: Resource<unknown>;
  /** what is being loaded, e.g. "Loading your mentors" */
  loading: string;
  /** the heading when it failed, e.g. "Your mentors could not be loaded" */
  failed: string;
  onRetry: () => void;
}) {
  if (resource.status === "loading") return <Loading label={loading} />;
  if (resource.status === "error") {
    return <ErrorNotice title={failed} error={resource.error} onRetry={onRetry} />;
  }
  return null;
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="state state-empty">
      <h2>{title}</h2>
      <div>{children}</div>
      {action}
    </div>
  );
}

/** A form-level error from the API (field errors are shown beside their fields). */
export function FormError({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p className="form-error" role="alert">
      {messageOf(error)}
    </p>
  );
}
