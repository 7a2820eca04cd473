/** Where CLI commands write, and whether they may colour it; passed in so commands stay testable. */
import pc from "picocolors";

export type Colors = ReturnType<typeof pc.createColors>;

export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly colors: Colors;
  /** stderr is a terminal: long-running commands may show progress there */
  readonly interactive: boolean;
}

export function processIO(): CliIO {
  // picocolors honours NO_COLOR / FORCE_COLOR and TTY detection for stdout.
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    colors: pc.createColors(pc.isColorSupported),
    interactive: process.stderr.isTTY === true,
  };
}
