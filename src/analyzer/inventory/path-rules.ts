/**
 * Which paths are someone else's code (vendored) or machine output (generated), judged from the
 * path alone so such files are never read. `.gitattributes` linguist overrides are applied by
 * the inventory on top of these rules.
 */

// Dependencies copied or installed into the tree. The Maven wrapper's folder holds Apache's
// MavenWrapperDownloader.java, which older Spring Initializr projects commit: its
// System.getenv calls are the wrapper's, not the application's.
const VENDORED_DIR =
  /(^|\/)(node_modules|vendor|third[_-]party|bower_components|jspm_packages|\.venv|venv|site-packages|Pods|\.yarn|\.mvn\/wrapper)\//;

// Browser libraries copied whole into a folder of static files (a Flask or FastAPI app's
// static/js/jquery-slim.js, public/css/bootstrap.css), as GitHub's linguist treats them; the
// app's own src/bootstrap.ts or Laravel's resources/js/bootstrap.js are not in such a folder.
const VENDORED_STATIC_FILE =
  /(^|\/)(?:static|public|assets|wwwroot)\/(?:[\w.-]+\/)*(?:jquery[\w.-]*\.js|bootstrap[\w.-]*\.(?:js|css)|popper[\w.-]*\.js)$/i;

// Build output and caches; and .history/, where VS Code's Local History extension keeps a
// timestamped copy of every saved file (a repository that commits it holds each file many times).
const GENERATED_DIR =
  /(^|\/)(dist|build|out|target|\.next|\.nuxt|\.svelte-kit|\.vite|\.angular|\.parcel-cache|\.turbo|coverage|__pycache__|\.history)\//;

// MSBuild's output (bin/Debug, bin/Release) and intermediate folder (obj/: the NuGet restore's
// project.assets.json and *.nuget.* files, obj/Debug): a .NET project that commits them carries a
// copy of its appsettings.json and thousands of lines of JSON that are not its code. A bin/ or
// obj/ folder of other kinds (Rails' bin/rails) is left alone.
const DOTNET_BUILD_OUTPUT =
  /(^|\/)(?:bin\/(?:Debug|Release)\/|obj\/(?:(?:Debug|Release)\/|project\.assets\.json$|project\.nuget\.cache$|[^/]+\.nuget\.))/;

// The documentation page Laravel's Scribe generates (`php artisan scribe:generate`, "laravel"
// type): its example requests carry Faker's made-up emails and passwords.
const SCRIBE_OUTPUT = /(^|\/)resources\/views\/scribe\//;

const LOCKFILES = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "poetry.lock",
  "pipfile.lock",
  "uv.lock",
  "pdm.lock",
  "gemfile.lock",
  "composer.lock",
  "go.sum",
  "cargo.lock",
  "packages.lock.json",
  "gradle.lockfile",
  "mix.lock",
  "pubspec.lock",
  "podfile.lock",
]);

const GENERATED_FILE =
  /\.min\.(js|mjs|cjs|css)$|\.map$|\.pb\.go$|_pb2(_grpc)?\.pyi?$|\.pb\.(cc|h)$|_pb\.(js|d\.ts)$|^_ide_helper(_models)?\.php$|^\.phpstorm\.meta\.php$/;

/**
 * A bundler's output named with a hexadecimal content hash: webpack's and Create React App's
 * `main.3f9a1c2b.js` and `2.a1b2c3d4.chunk.js`, Vite 4's `index-3f9a1c2b.js`, Sprockets'
 * `application-<64 hex>.css`. Where it sits says nothing: such output is committed to public/,
 * static/ or the repository's root alike.
 */
const BUNDLE_EXTENSION = /\.(?:m?js|cjs|css)$/;
const HEX_HASHED_BUNDLE = /^[\w.-]+?[-.]([0-9a-f]{8,64})(?:\.chunk)?\.(?:js|mjs|cjs|css)$/;

/**
 * Vite 5's and Rollup's output, named with an 8-character base64url hash (`index-A2eTmTOh.js`,
 * `vendor-RPHv_71o.js`) in an assets/ folder of a folder a web server serves (public/assets/,
 * static/assets/, src/main/resources/static/assets/); src/assets/ is the sources' own folder.
 */
const VITE_BUNDLE =
  /(?:^|\/)(?:public|static|wwwroot|www)\/(?:[\w.-]+\/){0,3}assets\/[\w.-]*?-([\w-]{8})\.(?:js|mjs|cjs|css)$/;

/**
 * Whether the name carries a bundler's content hash. A hash is letters and digits at random: a
 * hexadecimal one holds both, a base64url one a digit or two capitals (a word such as
 * `settings`, `userData` or a date `20240101` is no hash).
 */
function isHashedBundle(path: string, name: string): boolean {
  if (!BUNDLE_EXTENSION.test(name)) return false;
  const hex = HEX_HASHED_BUNDLE.exec(name)?.[1];
  if (hex !== undefined && /\d/.test(hex) && /[a-f]/.test(hex)) return true;
  const base64 = VITE_BUNDLE.exec(path)?.[1];
  return base64 !== undefined && (/\d/.test(base64) || /[A-Z].*[A-Z]/.test(base64));
}

export type PathVerdict = "vendored" | "generated" | null;

/** Classifies a repository-relative POSIX path by its folders and name. */
export function pathVerdict(path: string): PathVerdict {
  if (VENDORED_DIR.test(path) || VENDORED_STATIC_FILE.test(path)) return "vendored";
  if (GENERATED_DIR.test(path) || DOTNET_BUILD_OUTPUT.test(path) || SCRIBE_OUTPUT.test(path)) {
    return "generated";
  }
  const fileName = path.slice(path.lastIndexOf("/") + 1);
  const name = fileName.toLowerCase();
  if (LOCKFILES.has(name) || GENERATED_FILE.test(name)) return "generated";
  if (isHashedBundle(path, fileName)) return "generated";
  return null;
}

/**
 * Dependency installs and VCS metadata a folder walk never enters (a git repository's
 * .gitignore would normally hide them; a plain folder has nothing else to go by).
 */
export const WALK_SKIP_DIRS: ReadonlySet<string> = new Set([
  ".git",
  ".hg",
  ".svn",
  "node_modules",
  "bower_components",
  "jspm_packages",
  ".venv",
  "venv",
  "site-packages",
  "__pycache__",
  ".tox",
  ".mypy_cache",
  ".pytest_cache",
  ".gradle",
  ".next",
  ".nuxt",
]);

// "// Code generated by protoc-gen-go. DO NOT EDIT." (Go's convention), "# Auto-generated file,
// do not edit", "/* @generated */": a marker in the first lines of the file.
const GENERATED_HEADER =
  /^.{0,20}(\bcode generated\b.*\bdo not edit\b|\bauto-?generated\b.*\bdo not (edit|modify)\b|\b(?:this file (?:is|was|has been) )?automatically generated\b)/im;
// "These type definitions are automatically generated, do not edit them by hand." (ts-for-gir's
// .d.ts files): the two phrases together, further into a comment line than the marker above.
const GENERATED_WARNING =
  /^.{0,80}\b(?:auto-?|automatically )generated\b.{0,40}\bdo not (?:edit|modify)\b/im;
// Lower-case only: Java's @Generated annotation on a hand-written class is not this marker.
const GENERATED_TAG = /^.{0,20}@generated\b/m;

/**
 * A bundle or minified file whatever its name (`swagger-ui.js`: 600 KB in 8 lines): long
 * enough, with lines far longer than anyone writes by hand.
 */
export function looksMinified(text: string): boolean {
  if (text.length < MINIFIED_MIN_BYTES) return false;
  let lines = 1;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
  return text.length / lines > MINIFIED_LINE_LENGTH;
}

const MINIFIED_MIN_BYTES = 20_000;
const MINIFIED_LINE_LENGTH = 500;

/** True when the file announces in its first lines that a tool wrote it. */
export function hasGeneratedHeader(text: string): boolean {
  const head = text.length > 1024 ? text.slice(0, 1024) : text;
  // The line-anchored patterns are slow to try at every line; almost no file says "generated".
  if (!/generated/i.test(head)) return false;
  return GENERATED_HEADER.test(head) || GENERATED_WARNING.test(head) || GENERATED_TAG.test(head);
}
