import { Command } from "commander";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { DevladderError } from "../../errors.js";
import { registerWorkerCommand } from "./worker.command.js";

describe("devladder worker", () => {
  it("refuses to run on SQLite and says that serve runs the workers there", async () => {
    const out: string[] = [];
    const cli = new Command("devladder").exitOverride();
    registerWorkerCommand(
      cli,
      {
        out: (t) => out.push(t),
        err: (t) => out.push(t),
        colors: pc.createColors(false),
        interactive: false,
      },
      { env: { DATA_DIR: mkdtempSync(join(tmpdir(), "devladder-worker-")) }, handleSignals: false },
    );
    const failure = await cli.parseAsync(["worker"], { from: "user" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DevladderError);
    expect((failure as DevladderError).message).toBe("devladder worker needs PostgreSQL");
    expect((failure as DevladderError).details[0]?.accepted).toContain("devladder serve");
    expect(out).toEqual([]);
  });
});
