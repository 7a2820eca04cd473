/**
 * readGitHistory on a worker thread. git runs in its own processes either way, but turning its
 * output into figures is this process's work: on a large history, a few hundred milliseconds
 * that would otherwise interleave with the file scan on the main thread. On a worker they run on
 * the other core beside it (measured in the README's benchmark section).
 */
import { Worker } from "node:worker_threads";
import type { GitSummary } from "../report.js";
import { readGitHistory, type GitHistoryOptions } from "./git-history.js";
import { deserializeError, type FromHistoryWorker } from "./history-worker-protocol.js";

export type WorkerHistoryOptions = Pick<
  GitHistoryOptions,
  "fullHistory" | "metadataAfter" | "signal" | "onCommitsRead"
>;

export async function readGitHistoryInWorker(
  root: string,
  opts: WorkerHistoryOptions = {},
): Promise<GitSummary> {
  // Run from TypeScript source (the test runner), the worker's module cannot be loaded by Node.
  if (!import.meta.url.endsWith(".js")) return readGitHistory(root, opts);
  const { signal } = opts;
  signal?.throwIfAborted();
  const worker = new Worker(new URL("./history-worker.js", import.meta.url), {
    workerData: {
      root,
      fullHistory: opts.fullHistory === true,
      waitForFiles: opts.metadataAfter !== undefined,
    },
  });
  opts.metadataAfter?.then(
    () => worker.postMessage("files-read"),
    () => worker.postMessage("files-failed"),
  );
  const abort = () => worker.postMessage("abort");
  signal?.addEventListener("abort", abort, { once: true });
  try {
    return await new Promise<GitSummary>((resolve, reject) => {
      worker.on("message", (message: FromHistoryWorker) => {
        if (message.kind === "progress") opts.onCommitsRead?.(message.commits);
        // An aborted read rejects with the caller's reason, even one that finished meanwhile;
        // the worker has stopped its git processes by the time it answers.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as AbortSignal does
        else if (signal?.aborted === true) reject(signal.reason);
        else if (message.kind === "done") resolve(message.summary);
        else reject(deserializeError(message.error));
      });
      worker.on("error", reject);
      worker.on("exit", (code) =>
        reject(new Error(`the git history worker ended (exit code ${code}) without an answer`)),
      );
    });
  } finally {
    signal?.removeEventListener("abort", abort);
    await worker.terminate();
  }
}
