import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { loggingDetector } from "./detect-logging.js";

const detect = (files: Record<string, string>) =>
  loggingDetector.detect(scanContextFrom(files), {}).signals?.logging;

describe("loggingDetector", () => {
  it("counts NestJS's Logger, not a hand-written Logger class of the same name", () => {
    expect(
      detect({
        "src/notes/notes.service.ts":
          "import { Injectable, Logger } from '@nestjs/common';\n\n@Injectable()\nexport class NotesService {\n  private readonly logger = new Logger(NotesService.name);\n}\n",
      })?.evidence,
    ).toEqual([{ file: "src/notes/notes.service.ts", line: 5, note: "NestJS Logger" }]);
    expect(
      detect({
        "client/src/store.js":
          "import Logger from '../util/Logger';\n\nvar log = new Logger(__filename);\n",
      }),
    ).toEqual({ value: false, evidence: [] });
  });
});
