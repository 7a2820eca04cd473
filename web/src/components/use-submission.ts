/**
 * The state every form and action button keeps while it talks to the API: busy while the call
 * runs, the error it failed with (shown by `FormError`, and beside fields through `fieldError`),
 * or what it finished with. A new run forgets the last outcome, so an old error or "saved" never
 * sits next to a request still on its way.
 */
import { useCallback, useState } from "react";
import { fieldErrorOf } from "./field-errors.js";

type State<T> =
  | { readonly status: "idle" }
  | { readonly status: "busy"; readonly task: string }
  | { readonly status: "failed"; readonly error: unknown }
  | { readonly status: "done"; readonly value: T };

export interface Submission<T> {
  readonly busy: boolean;
  /** the `task` the running call was given, so one of several buttons can say it is working */
  readonly busyWith: string | null;
  /** what the last run failed with; null while running, after a success, or before any run */
  readonly error: unknown;
  readonly done: boolean;
  /** what the last run finished with, e.g. the sentence that announces it */
  readonly value: T | undefined;
  fieldError: (name: string) => string | undefined;
  /** runs `action`; it never rejects, since its failure is kept in `error` for the page to show */
  run: (action: () => Promise<T>, task?: string) => Promise<void>;
  /** forgets a finished run (the input changed since); a running call or an error stays */
  clearDone: () => void;
}

export function useSubmission<T = void>(): Submission<T> {
  const [state, setState] = useState<State<T>>({ status: "idle" });

  const run = useCallback(async (action: () => Promise<T>, task = "submit") => {
    setState({ status: "busy", task });
    try {
      const value = await action();
      setState({ status: "done", value });
    } catch (error) {
      setState({ status: "failed", error });
    }
  }, []);
  const clearDone = useCallback(
    () => setState((s) => (s.status === "done" ? { status: "idle" } : s)),
    [],
  );

  const error = state.status === "failed" ? state.error : null;
  return {
    busy: state.status === "busy",
    busyWith: state.status === "busy" ? state.task : null,
    error,
    done: state.status === "done",
    value: state.status === "done" ? state.value : undefined,
    fieldError: (name) => fieldErrorOf(error, name),
    run,
    clearDone,
  };
}
