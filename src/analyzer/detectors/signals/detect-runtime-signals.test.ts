import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { cachingDetector } from "./detect-caching.js";
import { envConfigDetector } from "./detect-env-config.js";
import { loggingDetector } from "./detect-logging.js";

const ctx = (files: Record<string, string>) => scanContextFrom(files);

describe("loggingDetector", () => {
  it("counts a logging library but not console output", () => {
    expect(
      loggingDetector.detect(ctx({ "src/a.ts": "console.log('started');\n" })).signals?.logging
        ?.value,
    ).toBe(false);
    expect(
      loggingDetector.detect(
        ctx({ "app/log.py": "import logging\nlog = logging.getLogger(__name__)\n" }),
      ).signals?.logging?.evidence,
    ).toEqual([{ file: "app/log.py", line: 2, note: "logging" }]);
    expect(
      loggingDetector.detect(
        ctx({
          "app/auth/service.py":
            "from flask import current_app\n\ndef login(data):\n    try:\n        return do_login(data)\n    except Exception as error:\n        current_app.logger.error(error)\n",
          "app/debug.py": "print(app.logger)\n",
        }),
      ).signals?.logging,
    ).toEqual({
      value: true,
      evidence: [{ file: "app/auth/service.py", line: 7, note: "Flask app.logger" }],
    });
  });
});

describe("loggingDetector on Nest's Logger", () => {
  it("counts Nest's Logger by its import, not a project's own Logger class", () => {
    const logging = (files: Record<string, string>) =>
      loggingDetector.detect(ctx(files)).signals?.logging;
    expect(
      logging({
        "src/users/users.service.ts":
          "import {\n  Injectable,\n  Logger,\n} from '@nestjs/common';\n@Injectable()\nexport class UsersService {\n  private readonly logger = new Logger(UsersService.name);\n}\n",
      }),
    ).toEqual({
      value: true,
      evidence: [{ file: "src/users/users.service.ts", line: 1, note: "NestJS Logger" }],
    });
    expect(
      logging({
        "src/lib/logger.ts":
          "export class Logger {\n  constructor(private scope: string) {}\n  info(m: string) { console.log(this.scope, m); }\n}\n",
        "src/app.ts":
          "import { Logger } from './lib/logger';\nconst log = new Logger(__filename);\nLogger.log;\n",
      }),
    ).toEqual({ value: false, evidence: [] });
  });
});

describe("logging and caching in Quarkus, ASP.NET Core and go-redis code", () => {
  it("counts Quarkus's Log, ASP.NET Core's HTTP logging and a go-redis Set with a TTL", () => {
    const logging = (files: Record<string, string>) =>
      loggingDetector.detect(ctx(files)).signals?.logging?.value;
    expect(logging({ "src/main/java/a/Hero.java": "import io.quarkus.logging.Log;\n" })).toBe(true);
    expect(logging({ "Api/Program.cs": "builder.Services.AddHttpLogging(o => { });\n" })).toBe(
      true,
    );
    const caching = cachingDetector.detect(
      ctx({
        "utils/jwt.go":
          "package utils\n\nfunc keep(k, v string) {\n\tGVA_REDIS.Set(context.Background(), k, v, timer)\n}\n",
      }),
    ).signals?.caching?.value;
    expect(caching).toBe(true);
  });
});

describe("loggingDetector on Go request loggers", () => {
  it("counts chi's, echo's and gin's request logger middleware", () => {
    const logging = (text: string) =>
      loggingDetector.detect(ctx({ "main.go": text })).signals?.logging;
    expect(
      logging("package main\n\nfunc routes(r chi.Router) {\n\tr.Use(middleware.Logger)\n}\n"),
    ).toEqual({
      value: true,
      evidence: [{ file: "main.go", line: 4, note: "request logger middleware" }],
    });
    expect(logging("e.Use(middleware.Logger())\n")?.value).toBe(true);
    expect(logging("r := gin.New()\nr.Use(gin.Logger())\n")?.value).toBe(true);
    expect(logging("router := gin.Default()\n")?.evidence).toEqual([
      { file: "main.go", line: 1, note: "gin.Default() request logger" },
    ]);
    expect(logging("r := gin.New()\nr.Use(middleware.Recoverer)\n")?.value).toBe(false);
  });
});

describe("cachingDetector", () => {
  it("counts Spring's @Cacheable but not functools.lru_cache or a no-store header", () => {
    expect(
      cachingDetector.detect(ctx({ "Svc.java": '@Cacheable("books")\npublic Book find() {}\n' }))
        .signals?.caching?.value,
    ).toBe(true);
    expect(
      cachingDetector.detect(
        ctx({ "util.py": "from functools import lru_cache\n@lru_cache\ndef f(): ...\n" }),
      ).signals?.caching?.value,
    ).toBe(false);
    expect(
      cachingDetector.detect(ctx({ "src/h.ts": "res.set('Cache-Control', 'no-store');\n" })).signals
        ?.caching?.value,
    ).toBe(false);
    expect(
      cachingDetector.detect(
        ctx({ "src/h.ts": "res.set('Cache-Control', 'public, max-age=300');\n" }),
      ).signals?.caching?.value,
    ).toBe(true);
  });

  it("counts a Rails controller's expires_in Cache-Control helper, not an expires_in option", () => {
    const caching = (text: string) =>
      cachingDetector.detect(ctx({ "app/controllers/breweries_controller.rb": text })).signals
        ?.caching;
    expect(
      caching(
        "class BreweriesController\n  def index\n    expires_in 1.day, public: true\n    render json: Brewery.all\n  end\nend\n",
      ),
    ).toEqual({
      value: true,
      evidence: [
        { file: "app/controllers/breweries_controller.rb", line: 3, note: "HTTP cache headers" },
      ],
    });
    expect(
      caching(
        "class SessionsController\n  def create\n    token = JsonWebToken.encode(id: 1, expires_in: 24.hours)\n  end\nend\n",
      ),
    ).toEqual({ value: false, evidence: [] });
  });

  it("does not take the cache stores `rails new` writes for Rails caching", () => {
    const caching = (files: Record<string, string>) =>
      cachingDetector.detect(ctx(files)).signals?.caching;
    expect(
      caching({
        "config/environments/development.rb":
          "Rails.application.configure do\n  if Rails.root.join('tmp/caching-dev.txt').exist?\n    config.cache_store = :memory_store\n  end\nend\n",
        "config/environments/test.rb":
          "Rails.application.configure do\n  config.cache_store = :null_store\nend\n",
        "config/environments/production.rb":
          "Rails.application.configure do\n  # config.cache_store = :mem_cache_store\nend\n",
        "config/environments/beta.rb":
          "Rails.application.configure do\n  config.cache_store = :solid_cache_store\nend\n",
        "config/environments/staging.rb":
          "Rails.application.configure do\n  config.cache_store =  :null_store\nend\n",
      }),
    ).toEqual({ value: false, evidence: [] });
    expect(
      caching({
        "config/environments/production.rb":
          "Rails.application.configure do\n  config.cache_store = :redis_cache_store, { url: ENV['REDIS_URL'] }\nend\n",
      }),
    ).toEqual({
      value: true,
      evidence: [{ file: "config/environments/production.rb", line: 2, note: "Rails cache store" }],
    });
  });
});

describe("cachingDetector on Redis keys given a time to live", () => {
  const caching = (files: Record<string, string>) =>
    cachingDetector.detect(ctx(files)).signals?.caching;

  it("counts a value stored and then given an expiry a line or two below", () => {
    expect(
      caching({
        "app/core/cache.py":
          "async def cached(key, value, ttl):\n    await client.set(key, json.dumps(value))\n    await client.expire(key, ttl)\n",
        "src/cache.ts":
          "export async function put(key: string, value: string) {\n  await redis.set(key, value);\n  // one hour\n  await redis.expire(key, 3600);\n}\n",
      }),
    ).toEqual({
      value: true,
      evidence: [
        { file: "src/cache.ts", line: 2, note: "Redis with expiry" },
        { file: "app/core/cache.py", line: 2, note: "Redis with expiry" },
      ],
    });
  });

  it("does not count an expiry alone, or a set far from it", () => {
    expect(
      caching({
        "app/sessions.py": "def end(session_id):\n    client.expire(session_id, 0)\n",
        "app/rate.py": `def hit(key):\n    client.set(key, 0)\n${"    step()\n".repeat(6)}    client.expire(key, 60)\n`,
      }),
    ).toEqual({ value: false, evidence: [] });
  });
});

describe("envConfigDetector", () => {
  it("counts environment reads in code and an example env file", () => {
    expect(
      envConfigDetector.detect(ctx({ "main.go": 'port := os.Getenv("PORT")\n' })).signals
        ?.env_config?.value,
    ).toBe(true);
    expect(
      envConfigDetector.detect(ctx({ ".env.example": "PORT=3000\n" })).signals?.env_config
        ?.evidence,
    ).toEqual([{ file: ".env.example", line: 0, note: "example environment file" }]);
  });

  it("cites the example env file first, before the many reads of a busy codebase", () => {
    const reads = Object.fromEntries(
      ["a", "b", "c", "d", "e", "f"].map((name) => [
        `src/${name}.js`,
        "const port = process.env.PORT;\n",
      ]),
    );
    const evidence = envConfigDetector.detect(
      ctx({ ...reads, ".env": "PORT=1\n", ".env.sample": "PORT=\n" }),
    ).signals?.env_config?.evidence;
    expect(evidence?.[0]).toEqual({
      file: ".env.sample",
      line: 0,
      note: "example environment file",
    });
    expect(evidence).toHaveLength(5);
  });

  it("counts `from os import environ` reads, and a Redis set(..., ex=ttl) around a call", () => {
    expect(
      envConfigDetector.detect(
        ctx({
          "config/common.py":
            'from os import environ\nSECRET_KEY = environ["SECRET_KEY"]\nDB_HOST = environ.get("DB_HOST", "db")\n',
        }),
      ).signals?.env_config?.value,
    ).toBe(true);
    expect(
      cachingDetector.detect(
        ctx({
          "app/core/cache.py":
            "async def put(key, value, ttl_seconds):\n    await redis.set(key, json.dumps(value, default=str), ex=ttl_seconds)\n",
        }),
      ).signals?.caching?.value,
    ).toBe(true);
  });

  it("does not take Django's DJANGO_SETTINGS_MODULE boilerplate for env config", () => {
    const boilerplate =
      'import os\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n';
    expect(
      envConfigDetector.detect(ctx({ "manage.py": boilerplate, "mysite/wsgi.py": boilerplate }))
        .signals?.env_config,
    ).toEqual({ value: false, evidence: [] });
    expect(
      envConfigDetector.detect(
        ctx({
          "manage.py": boilerplate,
          "mysite/settings.py": 'import os\nDEBUG = os.environ.get("DEBUG") == "1"\n',
        }),
      ).signals?.env_config?.evidence,
    ).toEqual([{ file: "mysite/settings.py", line: 2, note: "os.environ" }]);
  });

  it("does not take the ENV reads rails new writes for env config", () => {
    const generated = {
      "config/boot.rb": "ENV['BUNDLE_GEMFILE'] ||= File.expand_path('../Gemfile', __dir__)\n",
      "config/puma.rb":
        'threads_count = ENV.fetch("RAILS_MAX_THREADS") { 5 }\nport ENV.fetch("PORT") { 3000 }\nenvironment ENV.fetch("RAILS_ENV") { "development" }\n',
      "config/environments/production.rb":
        'Rails.application.configure do\n  config.public_file_server.enabled = ENV[\'RAILS_SERVE_STATIC_FILES\'].present?\n  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")\nend\n',
    };
    expect(envConfigDetector.detect(ctx(generated)).signals?.env_config).toEqual({
      value: false,
      evidence: [],
    });
    expect(
      envConfigDetector.detect(
        ctx({
          ...generated,
          "config/initializers/stripe.rb": 'Stripe.api_key = ENV.fetch("STRIPE_SECRET_KEY")\n',
        }),
      ).signals?.env_config?.evidence,
    ).toEqual([{ file: "config/initializers/stripe.rb", line: 1, note: "ENV" }]);
  });

  it("takes ${NAME} in an application config file, not in a JSON schema dump or a CI pipeline", () => {
    const env = (files: Record<string, string>) =>
      envConfigDetector.detect(ctx(files)).signals?.env_config;
    expect(
      env({
        "core-database/schemas/AppDatabase/1.json":
          '{\n  "createSql": "CREATE TABLE IF NOT EXISTS `${TABLE_NAME}` (`id` INTEGER)"\n}\n',
        ".github/workflows/sync.yaml":
          "jobs:\n  sync:\n    steps:\n      - run: echo ${BRANCH:7}\n",
      }),
    ).toEqual({ value: false, evidence: [] });
    expect(
      env({ "src/main/resources/application.yml": "spring:\n  datasource:\n    url: ${DB_URL}\n" })
        ?.evidence,
    ).toEqual([
      { file: "src/main/resources/application.yml", line: 3, note: "environment placeholder" },
    ]);
  });

  it("reports no env config for hard-coded settings", () => {
    expect(
      envConfigDetector.detect(ctx({ "src/config.ts": "export const port = 3000;\n" })).signals
        ?.env_config,
    ).toEqual({ value: false, evidence: [] });
  });
});
