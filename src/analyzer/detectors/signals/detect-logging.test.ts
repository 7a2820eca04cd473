import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { loggingDetector } from "./detect-logging.js";

const detect = (files: Record<string, string>) =>
  loggingDetector.detect(scanContextFrom(files)).signals?.logging;

describe("loggingDetector", () => {
  it("does not take the logger of Alembic's generated env.py for the application's logging", () => {
    const env =
      "from alembic import context\nfrom logging.config import fileConfig\nimport logging\n\nfileConfig(config.config_file_name)\nlogger = logging.getLogger('alembic.env')\n";
    expect(detect({ "migrations/env.py": env })?.value).toBe(false);
    expect(
      detect({
        "migrations/env.py": env,
        "app/services.py": "import logging\nlog = logging.getLogger(__name__)\n",
      }),
    ).toEqual({ value: true, evidence: [{ file: "app/services.py", line: 2, note: "logging" }] });
  });

  it("counts NestJS's Logger, not a hand-written Logger class of the same name", () => {
    expect(
      detect({
        "src/notes/notes.service.ts":
          "import { Injectable, Logger } from '@nestjs/common';\n\n@Injectable()\nexport class NotesService {\n  private readonly logger = new Logger(NotesService.name);\n}\n",
      })?.evidence,
    ).toEqual([{ file: "src/notes/notes.service.ts", line: 1, note: "NestJS Logger" }]);
    // imported among many names, with the logger made far below the imports
    expect(
      detect({
        "src/app.service.ts":
          "import {\n  Injectable,\n  Logger,\n  NotFoundException,\n} from '@nestjs/common';\n" +
          "// filler\n".repeat(200) +
          "const logger = new Logger('App');\n",
      })?.evidence,
    ).toEqual([{ file: "src/app.service.ts", line: 1, note: "NestJS Logger" }]);
    expect(
      detect({
        "client/src/store.js":
          "import Logger from '../util/Logger';\n\nvar log = new Logger(__filename);\n",
      }),
    ).toEqual({ value: false, evidence: [] });
  });

  it("counts Fastify's logger used through an app that a factory builds, and LogLayer", () => {
    expect(
      detect({
        "server.js":
          'import build from "./app.js";\nimport loggerOptions from "./configs/loggerOptions.js";\n' +
          "const app = await build({ logger: loggerOptions });\n" +
          "app.listen({ port: 8080 }, (err) => {\n  if (err) {\n    app.log.error(err);\n  }\n});\n",
      })?.evidence,
    ).toEqual([{ file: "server.js", line: 6, note: "Fastify logger" }]);
    expect(detect({ "src/view.js": "const entry = history.log.at(-1);\n" })?.value).toBe(false);
    expect(
      detect({
        "src/core/logger/index.ts":
          'import { redactionPlugin } from "@loglayer/plugin-redaction";\nimport { LogLayer } from "loglayer";\n',
      })?.evidence,
    ).toEqual([{ file: "src/core/logger/index.ts", line: 2, note: "imports loglayer" }]);
  });

  it("does not take the logger lines rails new writes into production.rb, or comments", () => {
    const production =
      "Rails.application.configure do\n" +
      "  # require 'syslog/logger'\n" +
      "  # config.logger = ActiveSupport::TaggedLogging.new(Syslog::Logger.new 'app-name')\n" +
      '  if ENV["RAILS_LOG_TO_STDOUT"].present?\n' +
      "    logger           = ActiveSupport::Logger.new(STDOUT)\n" +
      "    logger.formatter = config.log_formatter\n" +
      "    config.logger    = ActiveSupport::TaggedLogging.new(logger)\n" +
      "  end\n" +
      "end\n";
    expect(detect({ "config/environments/production.rb": production })).toEqual({
      value: false,
      evidence: [],
    });
    expect(
      detect({
        "config/environments/production.rb": production,
        "app/jobs/import_job.rb":
          'class ImportJob < ApplicationJob\n  def perform\n    Rails.logger.info("import started")\n  end\nend\n',
        "lib/audit.rb": 'AUDIT = ActiveSupport::Logger.new("log/audit.log")\n',
      })?.evidence,
    ).toEqual([
      { file: "app/jobs/import_job.rb", line: 3, note: "Rails logger" },
      { file: "lib/audit.rb", line: 1, note: "Rails logger" },
    ]);
  });
});
