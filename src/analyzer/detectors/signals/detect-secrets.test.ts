import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { isExpiredJwt, looksLikeSecret, mask, secretsDetector } from "./detect-secrets.js";

const detect = (files: Record<string, string>) =>
  secretsDetector.detect(scanContextFrom(files)).signals?.committed_secrets;

// Assembled at run time so this test file itself holds no scanner-bait literals.
const AWS_KEY = ["AKIA", "Q3EGRTZ7", "M4NKXW2P"].join("");
const GH_TOKEN = `ghp_${"a1B2c3D4e5".repeat(3)}Zy98Xw`;
const REAL_PASSWORD = "t8#Vq2!mLz9Rk4";

describe("secretsDetector", () => {
  it("reports an AWS key id with its kind, place and a masked value", () => {
    const result = detect({
      "config/prod.env": `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${AWS_KEY}\n`,
    });
    expect(result?.value).toEqual([
      "aws-access-key-id at config/prod.env:2 (AKIA************XW2P)",
    ]);
    expect(result?.evidence).toEqual([
      { file: "config/prod.env", line: 2, note: "aws-access-key-id" },
    ]);
  });

  it("never puts a raw secret into its findings", () => {
    const files = {
      "src/github.ts": `const token = "${GH_TOKEN}";\n`,
      ".env": `DB_PASSWORD=${REAL_PASSWORD}\n`,
      "deploy/key.pem":
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAuZ3ExampleBodyThatIsLongEnough0123456789\n-----END RSA PRIVATE KEY-----\n",
    };
    const result = detect(files);
    expect(result?.value).toHaveLength(3);
    const json = JSON.stringify(result);
    expect(json).not.toContain(GH_TOKEN);
    expect(json).not.toContain(REAL_PASSWORD);
    expect(json).not.toContain("MIIEowIBAAKCAQEA");
    expect(result?.value).toContain(
      "private-key at deploy/key.pem:1 (-----BEGIN RSA PRIVATE KEY----- ****)",
    );
  });

  it("reads a quoted value to its closing quote, brackets included (Django's SECRET_KEY)", () => {
    // Assembled at run time: the shape of a key django-admin startproject writes.
    const key = ["django-insecure-", "+(9q)v=w", "#x!7m,2z@r8", "^t0(f&h5j"].join("");
    const result = detect({
      "config/settings.py": `SECRET_KEY = "${key}"\nDEBUG = True\n`,
      // Unquoted, a bracket still ends the value: it closes the call around it.
      "src/app.js": "app.use(session({ secret: sessionSecret(), resave: false }));\n",
    });
    expect(result?.value).toEqual([`secret at config/settings.py:1 (${mask(key)})`]);
  });

  it("ignores placeholders, environment references and short values", () => {
    const result = detect({
      ".env":
        "JWT_SECRET=changeme\nAPI_KEY=your-api-key-here\nDB_PASSWORD=${DB_PASSWORD}\nSESSION_SECRET=\nTOKEN=abc\n",
      "config/app.yml": "password: '%(DB_PASS)s'\nclient_secret: <your-secret-here>\n",
      "src/config.ts":
        "export const secret = process.env.JWT_SECRET;\nconst password = req.body.password;\n",
      "settings.py": "SECRET_KEY = os.environ['SECRET_KEY']\nPASSWORD = 'dummy-password'\n",
      "docker-compose.yml":
        "services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: postgres\n",
      "README.md": `Use ${["AKIA", "IOSFODNN7", "EXAMPLE"].join("")} as in the AWS docs.\n`,
    });
    expect(result?.value).toEqual([]);
  });

  it("takes a read-only Nx Cloud token in nx.json for none, and a read-write one for a secret", () => {
    const token = (access: string) =>
      Buffer.from(`5f0c2a9e-7b1d-4c3a-9e2f-1a8b6d4c0e7f|${access}`).toString("base64");
    const nxJson = (access: string) =>
      `{\n  "npmScope": "acme",\n  "nxCloudAccessToken": "${token(access)}"\n}\n`;
    expect(detect({ "nx.json": nxJson("read") })?.value).toEqual([]);
    expect(detect({ "nx.json": nxJson("read-write") })?.value).toHaveLength(1);
  });

  it("does not report fake keys in test files or example env files", () => {
    const result = detect({
      "test/fixtures/keys.ts": `export const fakeToken = "${GH_TOKEN}";\n`,
      "src/auth.test.ts": `const password = "${REAL_PASSWORD}";\n`,
      ".env.example": `DB_PASSWORD=${REAL_PASSWORD}\n`,
    });
    expect(result?.value).toEqual([]);
  });

  it("takes {NAME} for a placeholder, and .env-template for an example env file", () => {
    expect(
      detect({
        "deploy/prod.env":
          "MINIO_ACCESS_KEY={MINIO_ACCESS_KEY}\nMINIO_SECRET_KEY={ minio.secret }\n",
      })?.value,
    ).toEqual([]);
    expect(detect({ ".env-template": `API_KEY=Zq7!rP2vLm9Xk4Tw\n` })?.value).toEqual([]);
    expect(detect({ "deploy/prod.env": `API_KEY=Zq7!rP2vLm9Xk4Tw\n` })?.value).toHaveLength(1);
  });

  it("takes a value repeated from .env.example for the sample it is, and keeps others", () => {
    const result = detect({
      ".env.example": `JWT_SECRET=${REAL_PASSWORD}\nPORT=3000\n`,
      ".travis.yml": `env:\n  global:\n    - JWT_SECRET=${REAL_PASSWORD}\n    - API_KEY=Zq7!rP2vLm9Xk4Tw\n`,
    });
    expect(result?.evidence).toEqual([{ file: ".travis.yml", line: 4, note: "api-key" }]);
  });

  it("ignores translated labels, references, code, public tokens, base64 words and commented-out samples", () => {
    const result = detect({
      "resources/locales/es.json": '{ "password": "Contraseña", "token": "パスワードトークン" }\n',
      "script/dev": 'export GITHUB_SECRET="op://dev-vault/gh-app/cred2024"\n',
      "app/Rates.php":
        '<?php\n$url = "https://rates.example/api?apikey=".$request->key."&base=EUR";\n',
      "config/key.xml": '<key PublicKeyToken="adb9793829ddae60" />\n',
      "config/initializers/devise.rb": `Devise.setup do |config|\n  # config.secret_key = '${"9f2c4e".repeat(20)}'\nend\n`,
      "deploy/docker-compose.yaml": "    # - DATABASE_URL=postgres://admin:Xk9!pQ2zLm7@db/app\n",
      "deploy/templates/secret.yaml":
        "kind: Secret\ndata:\n  quarkus.datasource.password: bG9jYXRpb25z\n  MONGO_INITDB_ROOT_PASSWORD: c3VwZXI=\n",
      ".yo-rc.json": `{ "jwtSecretKey": "${Buffer.from("my-secret-key-to-change-in-production\n").toString("base64")}" }\n`,
      "script/disable_mfa":
        '#!/usr/bin/env ruby\nuser.password = SecureRandom.hex(20).encode("UTF-8")\n',
      "config/settings.yml": `api_key: ${REAL_PASSWORD}\n`,
    });
    expect(result?.evidence).toEqual([{ file: "config/settings.yml", line: 1, note: "api-key" }]);
  });

  it("finds ASP.NET Core's Jwt:Key, a signing secret, and a private key inside a JSON string", () => {
    const pem = ["-----BEGIN PRIVATE KEY-----", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"].join("\\n");
    const result = detect({
      "TodoApi/appsettings.json": `{\n  "Jwt": {\n    "Key": "${REAL_PASSWORD}x7Qz",\n    "Issuer": "todo"\n  }\n}\n`,
      "TodoApi/service-account-file.json": `{\n  "private_key": "${pem}\\n"\n}\n`,
    });
    expect(result?.evidence).toEqual([
      { file: "TodoApi/appsettings.json", line: 3, note: "secret" },
      { file: "TodoApi/service-account-file.json", line: 2, note: "private-key" },
    ]);
  });

  it("ignores elided examples, test-named values and settings shown in prose", () => {
    const result = detect({
      "app/openapi_examples.py":
        'EXAMPLE = {"access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9..."}\n',
      "app/scripts/factories/user.py": 'DEFAULT_TEST_PASSWORD = "Aa@123456zq"\n',
      "app/schemas/auth.py": 'examples = [{"email": "a@b.c", "password": "StrongPass@123"}]\n',
      "command.md": `curl -d '{"password": "${REAL_PASSWORD}"}' http://localhost:8000/login\n`,
    });
    expect(result?.value).toEqual([]);
  });

  it("ignores keys and sample settings in docs, examples and test source sets", () => {
    const result = detect({
      "docs/guide/tls.adoc": `[source,yaml]\n----\nserver:\n  ssl:\n    private-key: "${REAL_PASSWORD}"\n----\n`,
      "examples/deploy/settings.gradle": `registry {\n  token = "${REAL_PASSWORD}"\n}\n`,
      "module/queue/src/dockerTest/resources/server.key":
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC0123456789abcdef\n-----END PRIVATE KEY-----\n",
      "smoke-test/shop-web/src/main/resources/application.properties": `shop.api-key=${REAL_PASSWORD}\n`,
    });
    expect(result?.value).toEqual([]);
  });

  it("does not take property names, resource references or identifiers for secret values", () => {
    const result = detect({
      "src/main/resources/application.yml":
        "tls:\n  private-key: classpath:certs/server.key\n  trust-key: file:/etc/shop/trust.pem\n",
      "src/main/java/shop/AccessRules.java":
        'class AccessRules {\n  static final String DEFAULT_KEY = "shop.endpoints.access.default";\n  String key = "shop.endpoint.%s.access".formatted(id);\n}\n',
      "web/components/Login.vue": '<otp-form :login-token="pendingLoginToken" />\n',
      "public/.htaccess": "RewriteRule .* - [E=CSRF_TOKEN:%{HTTP:X-Csrf-Token}]\n",
      "src/seed/Defaults.cs": 'public const string AdminPassword = "P@ssw0rd!";\n',
      ".devcontainer/devcontainer.json": '{ "Kestrel_Password": "CertPwdGoesHere1" }\n',
    });
    expect(result?.value).toEqual([]);
  });

  it("reports credentials embedded in a connection URL", () => {
    const result = detect({
      "src/main/resources/application.yml": `url: postgres://app:${REAL_PASSWORD}@db.prod:5432/app\n`,
    });
    expect(result?.value).toEqual([
      "url-credentials at src/main/resources/application.yml:1 (t*************)",
    ]);
  });

  it("reports a weak password in a URL to a host on the internet, not to a local database", () => {
    const result = detect({
      "backend/.env": "ATLAS_URI=mongodb+srv://admin:admin@cluster0.ab12c.mongodb.net/app\n",
      "docker-compose.yml":
        "environment:\n  DATABASE_URL: postgres://postgres:postgres@db:5432/app\n  CACHE: redis://default:redis@localhost:6379\n",
      "config/sample.yml": "url: mongodb+srv://user:pass@cluster0.ab12c.mongodb.net/app\n",
      "README.md": "Set `mongodb+srv://admin:admin@cluster0.ab12c.mongodb.net/app` in .env\n",
    });
    expect(result?.value).toEqual(["url-credentials at backend/.env:1 (a*******)"]);
  });

  it("reads digits spelling letters in a placeholder password (pa55w0rd)", () => {
    const value = ["my", "Gr3at", "Pa55", "w0rd"].join("");
    expect(looksLikeSecret(value)).toBe(false);
    const result = detect({
      "docker-compose.yml": `environment:\n  POSTGRES_PASSWORD: "${value}"\n  PG_URL: "postgres://user:${value}@db:5432/db"\n`,
    });
    expect(result?.value).toEqual([]);
  });

  it("takes neither a throttle rate under a token key nor a presigned URL's key id for a secret", () => {
    const result = detect({
      "src/config/settings/base.py": `REST_FRAMEWORK = {\n    "DEFAULT_THROTTLE_RATES": {\n        "token": "5/minute",\n        "login": "10/hour",\n    },\n}\n`,
      "src/file.dto.ts": `@ApiProperty({ example: "https://s3.amazonaws.com/b/f.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${AWS_KEY}%2F20221104%2Fus-east-1" })\n`,
      "config/prod.env": `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`,
    });
    expect(result?.value).toEqual([
      "aws-access-key-id at config/prod.env:1 (AKIA************XW2P)",
    ]);
  });
});

describe("looksLikeSecret", () => {
  it("accepts varied values and rejects words, hashes and repeats", () => {
    expect(looksLikeSecret(REAL_PASSWORD)).toBe(true);
    expect(looksLikeSecret("postgres")).toBe(false);
    expect(looksLikeSecret("aaaaaaaaaaaa")).toBe(false);
    expect(looksLikeSecret("$2b$10$abcdefghijklmnopqrstuv")).toBe(false);
    expect(looksLikeSecret("not-a-real-secret")).toBe(false);
    expect(looksLikeSecret("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")).toBe(
      false,
    );
    expect(looksLikeSecret("models/users/token.md")).toBe(false);
    expect(looksLikeSecret("q8F/2kd+Lr0sZ1xVb7Tn")).toBe(true);
  });

  it("takes a value that starts with a call for code, not one with a bracket further in", () => {
    expect(looksLikeSecret("readVault(7,Db)")).toBe(false);
    expect(looksLikeSecret(".config(7,Db)")).toBe(false);
    expect(looksLikeSecret("x7#Rq2t0(f&h5jW")).toBe(true);
  });
});

describe("isExpiredJwt", () => {
  const jwt = (claims: object) =>
    [{ alg: "HS256", typ: "JWT" }, claims]
      .map((part) => Buffer.from(JSON.stringify(part)).toString("base64url"))
      .concat("c2lnbmF0dXJlLWJ5dGVz")
      .join(".");
  const now = Date.parse("2026-11-24T00:00:00Z");

  it("lets a sample token whose expiry has passed go, and keeps live or endless ones", () => {
    const expired = jwt({ sub: "42", exp: Date.parse("2022-01-10T00:00:00Z") / 1000 });
    const live = jwt({ sub: "42", exp: Date.parse("2027-01-01T00:00:00Z") / 1000 });
    expect(isExpiredJwt(expired, now)).toBe(true);
    expect(isExpiredJwt(live, now)).toBe(false);
    expect(isExpiredJwt(jwt({ sub: "42" }), now)).toBe(false);
    expect(isExpiredJwt(REAL_PASSWORD, now)).toBe(false);
  });

  it("keeps an expired token out of committed_secrets", () => {
    const expired = jwt({ sub: "42", exp: 1641825831 });
    const endless = jwt({ sub: "42", iat: 1641221031 });
    const result = detect({
      "config/sample-response.json": `{ "token": "${expired}" }\n`,
      "src/client.ts": `const token = "${endless}";\n`,
    });
    expect(result?.evidence).toEqual([{ file: "src/client.ts", line: 1, note: "token" }]);
  });
});

describe("mask", () => {
  it("keeps four characters at each end of long values and one of short ones", () => {
    expect(mask("abcd1234efgh5678ijkl")).toBe("abcd************ijkl");
    expect(mask("Zx9!short")).toBe("Z********");
  });
});
