/**
 * Which convention a commit subject follows, if any. Three are recognised, as teams write them:
 * - conventional: Conventional Commits, "feat(api)!: add login" (the type in any case, as the
 *   specification allows: "Feat: …" too);
 * - gitmoji: an emoji or a :shortcode: first, "✨ Add login", ":bug: Fix logout";
 * - scope: the area changed, then a colon, as Go, Linux and GNOME write them: "window: Fix
 *   crash", "net/http: add Server.Shutdown", "cmd/go, go/build: …", "README.md: fix typo".
 * The specification allows types beyond its examples, so "feature(auth): …" is conventional
 * for this figure, though not for conventional_commit_share, which keeps its fixed list.
 * git's own `Revert "…"` follows whatever the reverted subject followed.
 * Not a convention: a subject without such a prefix ("Update README.md", "fix", "asdf"), a
 * prefix that marks work in progress or noise rather than an area ("WIP: stuff", "TODO: …",
 * "final: …"), a description without a word ("api: 2"), and autosquash leftovers ("fixup! …").
 */

export const CONVENTIONS = ["conventional", "gitmoji", "scope"] as const;
export type CommitConvention = (typeof CONVENTIONS)[number];

/** The specification treats the type as case-insensitive: "Feat:" and "FIX:" follow it too. */
const CONVENTIONAL =
  /^(feat|fix|docs|style|refactor|perf|test|tests|build|ci|chore|revert)(\([^)]*\))?!?: .+/i;

/** Any type with a "(scope)" or a breaking-change mark: the form only Conventional Commits uses. */
const CONVENTIONAL_FORM = /^\p{L}[\w-]{0,30}(?:\([^()]{1,60}\)!?|!): +\S/u;

/**
 * An emoji (with its variation selector, skin tone or joined parts: "♻️", "🧑‍💻") or a
 * :shortcode:, then the message, optionally after a "(scope)" or a colon, as gitmoji allows.
 */
const GITMOJI =
  /^(?::[a-z0-9_+-]{1,40}:|\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{200D}]{0,8})\s*(?:\([^)]{0,40}\))?:?\s*(.*)$/u;

/**
 * "area: what changed": an area that starts with a letter, made of path segments ("net/http",
 * "go.crypto/ssh/terminal", "A+C"), possibly several separated by commas ("cmd/go, go/build").
 * The separators (",", "/", ": ") are outside the segments' characters, so nothing backtracks.
 */
const SCOPE =
  /^(\p{L}[\w.+*-]{0,39}(?:\/[\w.+*-]{1,40}){0,8}(?:, ?[\w.+*-]{1,40}(?:\/[\w.+*-]{1,40}){0,8}){0,5}): +(.*)$/u;

/** Prefixes that say the work is unfinished or say nothing, not which area it changed. */
const NOT_AN_AREA: ReadonlySet<string> = new Set([
  "wip",
  "todo",
  "fixme",
  "tmp",
  "temp",
  "draft",
  "merge",
  "merged",
  "note",
  "notes",
  "nb",
  "ps",
  "done",
  "final",
  "progress",
  "stuff",
  "changes",
]);

/** git's subject for a revert, `Revert "<the reverted subject>"`, and GitHub's " (#12)" after it. */
const REVERT = /^Revert "(.*)"(?: \(#\d+\))?$/;
/** Subjects `git commit --fixup/--squash` writes, meant to be squashed before they are shared. */
const AUTOSQUASH = /^(?:fixup|squash|amend)! /;
/** A message says something in words: two letters in a row at least. */
const WORDS = /\p{L}{2}/u;

export function isConventionalSubject(subject: string): boolean {
  return subject.includes(":") && CONVENTIONAL.test(subject);
}

/** The convention `subject` follows, or null when it follows none of the three. */
export function subjectConvention(subject: string): CommitConvention | null {
  let text = subject.trim();
  // Each convention needs a colon or an emoji first: most subjects of a long history have
  // neither, and are answered here, without the patterns below (one walk reads every subject).
  if (!text.includes(":") && text.charCodeAt(0) < 0x80 && !text.startsWith('Revert "')) {
    return null;
  }
  // A revert of a revert is `Revert "Revert "x""`; three levels are plenty.
  for (let depth = 0; depth < 3; depth++) {
    const reverted = REVERT.exec(text);
    if (reverted === null) break;
    text = reverted[1] ?? "";
  }
  if (AUTOSQUASH.test(text)) return null;
  if (CONVENTIONAL.test(text)) return "conventional";
  const emoji = GITMOJI.exec(text);
  if (emoji !== null) return WORDS.test(emoji[1] ?? "") ? "gitmoji" : null;
  const typed = CONVENTIONAL_FORM.test(text);
  const scope = typed ? null : SCOPE.exec(text);
  if (!typed && (scope === null || !WORDS.test(scope[2] ?? ""))) return null;
  const first = /^[^/,(!:]*/.exec(text)?.[0].toLowerCase() ?? "";
  if (NOT_AN_AREA.has(first)) return null;
  return typed ? "conventional" : "scope";
}

/**
 * Subjects that translation platforms write for the translator: GNOME's Damned Lies ("Update
 * Norwegian Bokmål translation", "Added zh_CN translation."), Weblate ("Translated using Weblate
 * (German)") and Crowdin ("New translations messages.json (French)"). Like bots' subjects they
 * show the platform's habit, not the project's.
 */
const TRANSLATION_UPDATE =
  /^(?:\[l10n\] )?(?:update|updated|add|added) [\p{L}_ ()-]{2,40} translations?(?:[.\s].{0,60})?$|^Translated using Weblate \(|^New translations? \S{1,80} \([^)]{1,40}\)$/iu;

export function isTranslationUpdate(subject: string): boolean {
  // "translation", "Translated", "translations": nothing else can match.
  return subject.includes("ranslat") && TRANSLATION_UPDATE.test(subject.trim());
}
