/**
 * A JSON Resume document (https://jsonresume.org/schema, v1.0.0) built from verified evidence
 * only, so every line of it can be checked:
 * - basics: the name and the profile headline (the email only as the user registered it);
 * - skills: roadmap skills proven by an analysed repository or a mentor's visible endorsement,
 *   with the proof in `keywords` (self-marked progress is not evidence and is left out);
 * - projects: analysed repositories with a web address (never a server path), the checks they
 *   pass as keywords and the analysed commit in the description;
 * - certificates: earned certifications that have not expired, with the credential URL.
 */
import type { Roadmap } from "../content/content.schema.js";
import type { ProfileRow, UserRow } from "../store/database.types.js";
import type { LearnerEvidence } from "./learner-evidence.js";

export const JSON_RESUME_SCHEMA =
  "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

export interface JsonResume {
  readonly $schema: string;
  readonly basics: {
    readonly name: string;
    readonly label: string;
    readonly email: string;
    readonly summary: string;
  };
  readonly skills: readonly {
    readonly name: string;
    readonly level: string;
    readonly keywords: readonly string[];
  }[];
  readonly projects: readonly {
    readonly name: string;
    readonly url: string;
    readonly description: string;
    readonly keywords: readonly string[];
    readonly endDate?: string;
  }[];
  readonly certificates: readonly {
    readonly name: string;
    readonly issuer: string;
    readonly date: string;
    readonly url?: string;
  }[];
  readonly meta: { readonly version: string; readonly lastModified: string };
}

const isWebUrl = (text: string) => /^https?:\/\//i.test(text);

export function jsonResume(parts: {
  readonly user: UserRow;
  readonly profile: ProfileRow | undefined;
  readonly evidence: LearnerEvidence;
  readonly roadmap: Roadmap;
  readonly now: Date;
}): JsonResume {
  const { user, profile, evidence, roadmap } = parts;
  const track = roadmap.tracks.find((t) => t.id === profile?.track);
  const reached = roadmap.levels.find((l) => l.id === evidence.readiness.reachedLevel);
  const summary = [
    track ? `${track.title}.` : "",
    reached ? `Evidence meets the ${reached.title} level on the devladder career ladder.` : "",
  ]
    .filter((s) => s !== "")
    .join(" ");

  const skills = roadmap.skills.flatMap((skill) => {
    const proofs = evidence.skillProofs.get(skill.id) ?? [];
    if (proofs.length === 0) return [];
    const byAnalysis = proofs.some((p) => p.kind === "analysis");
    return [
      {
        name: skill.title,
        level: byAnalysis ? "verified by repository analysis" : "endorsed by a mentor",
        keywords: proofs.map((p) =>
          p.kind === "analysis" ? `shown in ${p.location}` : `endorsed by ${p.mentor}`,
        ),
      },
    ];
  });

  const projects = evidence.projects
    .filter((p) => isWebUrl(p.location))
    .map((p) => ({
      name:
        p.location
          .replace(/\/+$/, "")
          .split("/")
          .pop()
          ?.replace(/\.git$/, "") ?? p.location,
      url: p.location,
      description: `Analysed by devladder${p.commit ? ` at commit ${p.commit.slice(0, 12)}` : ""}${
        p.score === null ? "" : `, score ${p.score}/100`
      }.`,
      keywords: [...p.passedChecks],
      ...(p.finishedAt ? { endDate: p.finishedAt.slice(0, 10) } : {}),
    }));

  const certificates = evidence.certifications
    .filter((c) => c.row.status === "earned" && c.row.earned_on !== null && !c.validity.expired)
    .map((c) => ({
      name: c.catalog.title,
      issuer: c.catalog.issuer,
      date: c.row.earned_on ?? "",
      ...(c.row.credential_url ? { url: c.row.credential_url } : {}),
    }));

  return {
    $schema: JSON_RESUME_SCHEMA,
    basics: {
      name: user.display_name,
      label: profile?.headline ?? "",
      email: user.email,
      summary,
    },
    skills,
    projects,
    certificates,
    meta: { version: "v1.0.0", lastModified: parts.now.toISOString() },
  };
}
