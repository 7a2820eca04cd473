import type { JsonResume } from "../../services/json-resume.js";
import type { AccountData } from "../../store/account.repository.js";

/** Every field of the user's data except secrets (the password hash never leaves the server). */
export function presentExport(exportedAt: string, data: AccountData) {
  const { user, profile } = data;
  return {
    exportedAt,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      role: user.role,
      createdAt: user.created_at,
      disabledAt: user.disabled_at,
    },
    profile: profile && {
      track: profile.track,
      hoursPerWeek: profile.hours_per_week,
      startDate: profile.start_date,
      targetLevel: profile.target_level,
      visibility: profile.visibility,
      shareSlug: profile.share_slug,
      headline: profile.headline,
      updatedAt: profile.updated_at,
    },
    progress: data.progress.map((p) => ({
      skillId: p.skill_id,
      status: p.status,
      note: p.note,
      knownBeforeStart: p.known_before_start === 1,
      updatedAt: p.updated_at,
    })),
    progressHistory: data.progressHistory.map((h) => ({
      skillId: h.skill_id,
      from: h.from_status,
      to: h.to_status,
      changedAt: h.changed_at,
    })),
    grants: data.grants.map((g) => ({
      learnerId: g.learner_id,
      mentorId: g.mentor_id,
      createdAt: g.created_at,
    })),
    endorsementsReceived: data.endorsementsReceived.map(presentEndorsementRow),
    endorsementsGiven: data.endorsementsGiven.map(presentEndorsementRow),
    growthEntries: data.growthEntries.map((e) => ({
      id: e.id,
      dimension: e.dimension,
      title: e.title,
      what: e.what,
      happenedOn: e.happened_on,
      links: [...e.links],
      createdAt: e.created_at,
    })),
    growthComments: data.growthComments.map((c) => ({
      id: c.id,
      entryId: c.entry_id,
      authorId: c.author_id,
      body: c.body,
      createdAt: c.created_at,
    })),
    certifications: data.certifications.map((c) => ({
      certificationId: c.certification_id,
      status: c.status,
      targetDate: c.target_date,
      startedOn: c.started_on,
      earnedOn: c.earned_on,
      credentialUrl: c.credential_url,
      updatedAt: c.updated_at,
    })),
    practiceCards: data.practiceCards.map((c) => ({
      skillId: c.skill_id,
      questionIndex: c.question_index,
      repetitions: c.repetitions,
      intervalDays: c.interval_days,
      easeFactor: c.ease_factor,
      dueOn: c.due_on,
      lastGrade: c.last_grade,
      reviewedAt: c.reviewed_at,
    })),
    repositories: data.repositories.map((r) => ({
      id: r.id,
      kind: r.kind,
      location: r.location,
      createdAt: r.created_at,
    })),
    analyses: data.analyses.map((a) => ({
      id: a.id,
      repositoryId: a.repository_id,
      commit: a.commit_sha,
      status: a.status,
      score: a.score,
      error: a.error,
      createdAt: a.created_at,
      finishedAt: a.finished_at,
    })),
    verifiedSkills: data.verifiedSkills.map((v) => ({
      skillId: v.skill_id,
      repositoryId: v.repository_id,
      analysisId: v.analysis_id,
      verifiedAt: v.verified_at,
    })),
  };
}

function presentEndorsementRow(e: AccountData["endorsementsReceived"][number]) {
  return {
    id: e.id,
    learnerId: e.learner_id,
    mentorId: e.mentor_id,
    skillId: e.skill_id,
    comment: e.comment,
    evidenceUrl: e.evidence_url,
    hiddenAt: e.hidden_at,
    createdAt: e.created_at,
  };
}

export const presentResume = (resume: JsonResume) => ({
  $schema: resume.$schema,
  basics: { ...resume.basics },
  skills: resume.skills.map((s) => ({ ...s, keywords: [...s.keywords] })),
  projects: resume.projects.map((p) => ({ ...p, keywords: [...p.keywords] })),
  certificates: resume.certificates.map((c) => ({ ...c })),
  meta: { ...resume.meta },
});
