import type { EndorsementWithMentor } from "../../store/endorsements.repository.js";

export const presentEndorsement = (row: EndorsementWithMentor) => ({
  id: row.id,
  skillId: row.skill_id,
  comment: row.comment,
  evidenceUrl: row.evidence_url,
  mentor: { id: row.mentor.id, displayName: row.mentor.display_name },
  hidden: row.hidden_at !== null,
  createdAt: row.created_at,
});
