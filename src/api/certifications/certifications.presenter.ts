import type { LearnerCertification } from "../../services/certifications.service.js";

export const presentCertification = ({ row, catalog, validity }: LearnerCertification) => ({
  certificationId: row.certification_id,
  title: catalog.title,
  issuer: catalog.issuer,
  status: row.status,
  targetDate: row.target_date,
  startedOn: row.started_on,
  earnedOn: row.earned_on,
  credentialUrl: row.credential_url,
  expiresOn: validity.expiresOn,
  expired: validity.expired,
  expiresSoon: validity.expiresSoon,
  skills: [...catalog.skills],
  updatedAt: row.updated_at,
});
