/**
 * The worker thread behind readGitHistoryInWorker: reads one repository's history with
 * readGitHistory and posts the figures back. Messages in: "files-read" / "files-failed" (the
 * caller's metadataAfter settled) and "abort"; out: progress, the summary, or the error.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readGitHistory } from "./git-history.js";
import {
  serializeError,
  type FromHistoryWorker,
  type HistoryWorkerData,
  type ToHistoryWorker,
} from "./history-worker-protocol.js";

const port = parentPort;
if (port === null) throw new Error("history-worker.js runs only as a worker thread");
const data = workerData as HistoryWorkerData;
const post = (message: FromHistoryWorker) => port.postMessage(message);

const stop = new AbortController();
let filesRead: { resolve: () => void; reject: () => void } | undefined;
const metadataAfter = data.waitForFiles
  ? new Promise<void>((resolve, reject) => (filesRead = { resolve, reject }))
  : undefined;

port.on("message", (message: ToHistoryWorker) => {
  if (message === "files-read") filesRead?.resolve();
  else if (message === "files-failed") filesRead?.reject();
  else stop.abort();
});
// The thread lives until the caller, having taken the answer, terminates it: a thread that ended
// by itself right after posting was seen to exit before its answer arrived.

readGitHistory(data.root, {
  fullHistory: data.fullHistory,
  signal: stop.signal,
  ...(metadataAfter !== undefined && { metadataAfter }),
  onCommitsRead: (commits) => post({ kind: "progress", commits }),
}).then(
  (summary) => post({ kind: "done", summary }),
  (error: unknown) => post({ kind: "failed", error: serializeError(error) }),
);
