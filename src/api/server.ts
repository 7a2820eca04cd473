/**
 * The process side of the API: listen, print the URL, and on SIGINT/SIGTERM stop accepting new
 * connections, let in-flight requests finish (fastify.close() waits for them), then close the
 * database. A second signal during shutdown exits at once.
 */
import type { FastifyInstance } from "fastify";

export interface RunningServer {
  readonly url: string;
  /** resolves once the server has drained and `onClosed` has run */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** runs after the HTTP server has drained, e.g. to close the database */
  readonly onClosed?: () => Promise<void>;
  /** install SIGINT/SIGTERM handlers (the CLI does; tests do not) */
  readonly handleSignals?: boolean;
  readonly log?: (line: string) => void;
}

export async function startServer(
  app: FastifyInstance,
  options: ServeOptions,
): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  // "localhost" in the URL is what the README shows and what a browser opens
  const url = `http://${options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host}:${port}`;

  let closing: Promise<void> | undefined;
  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  const close = () =>
    (closing ??= (async () => {
      // Keep-alive connections that finish their last request during the drain would hold
      // close() open forever; closing idle ones as they appear lets it complete.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
        await options.onClosed?.();
        resolveClosed();
      }
    })());

  if (options.handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        log(`${signal} again: exiting without waiting`);
        process.exit(1);
      }
      log(`${signal}: finishing in-flight requests, then stopping`);
      close().then(
        () => log("stopped"),
        (error: unknown) => {
          log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exitCode = 1;
        },
      );
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    void closed.then(() => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    });
  }
  return { url, closed, close };
}
