import { useCallback, useEffect, useState, type DependencyList } from "react";

export type Resource<T> =
  | { readonly status: "loading" }
  | { readonly status: "error"; readonly error: unknown }
  | { readonly status: "ready"; readonly data: T };

/**
 * Loads data for a page and reloads it when `deps` change or `reload()` is called. A response
 * that arrives after the page moved on is dropped, so a slow answer never overwrites a newer one.
 */
export function useResource<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): {
  resource: Resource<T>;
  reload: () => void;
  /** replaces the loaded data, e.g. after a save answered with the new state */
  update: (change: (data: T) => T) => void;
} {
  const [resource, setResource] = useState<Resource<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setResource({ status: "loading" });
    load().then(
      (data) => {
        if (current) setResource({ status: "ready", data });
      },
      (error: unknown) => {
        if (current) setResource({ status: "error", error });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `deps` says when it means something new
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setResource((r) => (r.status === "ready" ? { status: "ready", data: change(r.data) } : r)),
    [],
  );
  return { resource, reload, update };
}
