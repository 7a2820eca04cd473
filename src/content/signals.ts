/**
 * The evidence facts the analyzer reports and the roadmap content refers to.
 *
 * `signals` are the per-area findings of an analysis (each one present in every report);
 * `git.*` and `code.*` facts come from the history and line-count parts of the report.
 * Content (skill evidence, check criteria) may name any fact in this catalogue and nothing else.
 */
export type FactType = "boolean" | "number" | "list";

export interface FactDefinition {
  readonly type: FactType;
  readonly description: string;
  /** "share": a number from 0 to 1 that reports and next steps write as a percentage. */
  readonly unit?: "share";
}

export const SIGNALS = {
  rest_api: { type: "boolean", description: "the repository serves JSON over HTTP endpoints" },
  http_endpoints: {
    type: "number",
    description: "distinct METHOD+path handlers in application code",
  },
  sql_database: { type: "boolean", description: "a relational database is used" },
  sql_engines: {
    type: "list",
    description: "relational engines: postgresql, mysql, sqlite, mssql, oracle, h2, hsqldb, derby",
  },
  orms: { type: "list", description: "ORMs and query builders in use" },
  migrations: { type: "boolean", description: "versioned schema migrations are set up" },
  nosql_databases: {
    type: "list",
    description: "NoSQL stores: mongodb, redis, dynamodb, cassandra, elasticsearch",
  },
  crud: {
    type: "boolean",
    description: "an entity with create, read, update and delete exposed by the app",
  },
  auth_jwt: { type: "boolean", description: "JSON Web Tokens are issued or verified" },
  oauth: { type: "boolean", description: "a real OAuth/OIDC provider or client flow" },
  password_hashing: {
    type: "boolean",
    description: "passwords hashed with bcrypt, argon2, scrypt, pbkdf2 or a framework hasher",
  },
  authorization: { type: "boolean", description: "role or ownership checks on actions" },
  input_validation: { type: "boolean", description: "request input is validated" },
  central_error_handling: {
    type: "boolean",
    description: "an app-level error handler written by the project",
  },
  tests: { type: "boolean", description: "real automated tests" },
  test_frameworks: { type: "list", description: "test frameworks and supporting tools" },
  test_files: { type: "number", description: "number of test files" },
  api_tests: { type: "boolean", description: "tests that exercise HTTP endpoints" },
  tested_endpoints: {
    type: "number",
    description:
      "endpoints with a known path that a test calls (at least: calls whose path is built at run time are not matched)",
  },
  api_error_tests: {
    type: "boolean",
    description:
      "API tests that check an error status (4xx): bad input, missing resources, no access",
  },
  dockerfile: { type: "boolean", description: "a Dockerfile builds the app" },
  docker_compose: { type: "boolean", description: "a Compose file runs the app with its services" },
  ci: { type: "boolean", description: "continuous integration is configured" },
  ci_systems: { type: "list", description: "CI systems configured" },
  readme: { type: "boolean", description: "a README exists" },
  readme_has_setup: { type: "boolean", description: "the README says how to install and run" },
  api_docs: {
    type: "boolean",
    description: "an OpenAPI/Swagger spec or generator, a Postman collection or an API reference",
  },
  lint_config: { type: "boolean", description: "a linter is configured" },
  formatter_config: { type: "boolean", description: "a formatter is configured" },
  microservices: {
    type: "boolean",
    description: "two or more separately deployable backend services",
  },
  logging: { type: "boolean", description: "a logging library or framework logger in app code" },
  caching: { type: "boolean", description: "a cache is used" },
  env_config: {
    type: "boolean",
    description: "configuration from environment variables or a .env example",
  },
  committed_secrets: {
    type: "list",
    description: "real-looking credentials or private keys committed (masked)",
  },
} as const satisfies Record<string, FactDefinition>;

export type SignalId = keyof typeof SIGNALS;
export const SIGNAL_IDS = Object.keys(SIGNALS) as SignalId[];

/**
 * Facts derived from other findings: git history (`git.<name>`), line counts (`code.<name>`) and
 * two signals together (`endpoints.<name>`).
 */
export const DERIVED_FACTS = {
  "git.commits": { type: "number", description: "commits on the analysed history" },
  "git.authors": {
    type: "number",
    description: "distinct human authors (mailmap-aware, bots apart)",
  },
  "git.co_authors": {
    type: "number",
    description:
      "human authors besides one: above zero only when two or more people committed (collaboration)",
  },
  "git.branches": {
    type: "number",
    description: "local and remote branches, and merged branches the history names",
  },
  "git.merge_commits": { type: "number", description: "merge commits" },
  "git.pull_requests": {
    type: "number",
    description: "pull requests whose merge the history records",
  },
  "git.merged_branches": {
    type: "number",
    description:
      "merges of work back (not pulls of the same branch, the mainline caught up with, or tags) plus pull requests merged as one commit (squash)",
  },
  "git.active_weeks": { type: "number", description: "calendar weeks with at least one commit" },
  "git.longest_gap_days": {
    type: "number",
    description: "longest pause between two commits, in days",
  },
  "git.conventional_commit_share": {
    type: "number",
    unit: "share",
    description: "share (0-1) of commit subjects in Conventional Commits form",
  },
  "git.commit_convention_share": {
    type: "number",
    unit: "share",
    description:
      'share (0-1) of people\'s commit subjects that follow a recognised convention: Conventional Commits, gitmoji or a scope prefix ("window: …")',
  },
  "git.bulk_upload": {
    type: "boolean",
    description: "most of the code arrived in one or two commits",
  },
  "git.tests_with_changes_share": {
    type: "number",
    unit: "share",
    description: "share (0-1) of code-changing commits that also touch tests",
  },
  "code.comment_ratio": {
    type: "number",
    unit: "share",
    description: "comment lines / (code + comment lines) in application code",
  },
  "code.lines": { type: "number", description: "lines of code in application code" },
  "endpoints.tested_share": {
    type: "number",
    unit: "share",
    description:
      "share (0-1) of the endpoints that a test calls (tested_endpoints / http_endpoints, so at least this much; routes a library adds, such as Devise's, count only when a test calls them); unknown without endpoints",
  },
} as const satisfies Record<string, FactDefinition>;

export type DerivedFactId = keyof typeof DERIVED_FACTS;
export type FactId = SignalId | DerivedFactId;

export const FACTS: Readonly<Record<FactId, FactDefinition>> = { ...SIGNALS, ...DERIVED_FACTS };
export const FACT_IDS = Object.keys(FACTS) as FactId[];

export function isFactId(id: string): id is FactId {
  return Object.hasOwn(FACTS, id);
}

/** Areas that group signals in reports and in the web app's radar chart. */
export const SIGNAL_AREAS = {
  api: ["rest_api", "http_endpoints", "crud", "input_validation", "central_error_handling"],
  data: ["sql_database", "sql_engines", "orms", "migrations", "nosql_databases", "caching"],
  security: ["auth_jwt", "oauth", "password_hashing", "authorization", "committed_secrets"],
  testing: [
    "tests",
    "test_frameworks",
    "test_files",
    "api_tests",
    "tested_endpoints",
    "api_error_tests",
  ],
  delivery: ["dockerfile", "docker_compose", "ci", "ci_systems", "microservices"],
  docs: ["readme", "readme_has_setup", "api_docs"],
  quality: ["lint_config", "formatter_config", "logging", "env_config"],
} as const satisfies Record<string, readonly SignalId[]>;

export type SignalArea = keyof typeof SIGNAL_AREAS;
