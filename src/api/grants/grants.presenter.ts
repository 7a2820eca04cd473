import type { GrantWithUser } from "../../store/grants.repository.js";

const summary = (user: GrantWithUser["user"]) => ({
  id: user.id,
  email: user.email,
  displayName: user.display_name,
});

export const presentMentorGrant = (g: GrantWithUser) => ({
  mentor: summary(g.user),
  grantedAt: g.grant.created_at,
});

export const presentMentee = (g: GrantWithUser) => ({
  learner: summary(g.user),
  grantedAt: g.grant.created_at,
});
