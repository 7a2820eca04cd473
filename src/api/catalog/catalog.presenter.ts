/**
 * The career levels and the certification catalogue as clients show them. A level's criteria
 * keep their description and evidence kinds; how readiness measures them (check ids, counts)
 * stays inside: GET /readiness reports it against the caller's own evidence.
 */
import type { Certification, Level } from "../../content/content.schema.js";

export function presentLevels(levels: readonly Level[]) {
  return {
    items: [...levels]
      .sort((a, b) => a.order - b.order)
      .map((level) => ({
        id: level.id,
        order: level.order,
        title: level.title,
        summary: level.summary,
        criteria: level.criteria.map((c) => ({
          id: c.id,
          description: c.description,
          evidence: [...c.evidence],
        })),
      })),
  };
}

export function presentCertifications(certifications: readonly Certification[]) {
  return {
    items: certifications.map((cert) => ({
      id: cert.id,
      title: cert.title,
      issuer: cert.issuer,
      summary: cert.summary,
      tracks: [...cert.tracks],
      levels: [...cert.levels],
      skills: [...cert.skills],
      validityMonths: cert.validityMonths,
      validityNote: cert.validityNote,
    })),
  };
}
