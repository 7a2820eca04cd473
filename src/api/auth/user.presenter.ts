/** A user row as the API shows it: never the password hash. */
import type { UserRow } from "../../store/database.types.js";
import type { Session } from "../../services/auth.service.js";

export function presentUser(user: UserRow) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    createdAt: user.created_at,
    disabled: user.disabled_at !== null,
  };
}

export function presentSession(session: Session) {
  return {
    tokenType: "Bearer" as const,
    accessToken: session.accessToken,
    expiresIn: session.expiresIn,
    refreshToken: session.refreshToken,
    user: presentUser(session.user),
  };
}
