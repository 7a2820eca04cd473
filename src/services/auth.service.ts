/**
 * Accounts and sessions: register, login, refresh (rotating, single-use refresh tokens with reuse
 * detection), logout, and turning an access token back into a Caller.
 *
 * Messages never reveal whether an email has an account: registering an email that is taken
 * answers exactly like a successful registration (the owner just logs in), and every failed login
 * — unknown email, wrong password, disabled account — gets the same message after the same
 * amount of hashing work.
 */
import { DevladderError } from "../errors.js";
import { newId } from "../store/ids.js";
import type { Role, UserRow } from "../store/database.types.js";
import type { RefreshTokensRepository, Successor } from "../store/refresh-tokens.repository.js";
import type { UsersRepository } from "../store/users.repository.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";
import type { PasswordHasher } from "./password-hash.js";
import {
  ACCESS_TOKEN_SECONDS,
  REFRESH_TOKEN_DAYS,
  hashRefreshToken,
  newRefreshToken,
  type AccessTokens,
} from "./tokens.js";

/** Roles a person may choose when registering; admins are made by an admin or the CLI. */
export const SELF_SERVICE_ROLES = ["learner", "mentor", "recruiter"] as const;

export interface Registration {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** seconds until the access token expires */
  readonly expiresIn: number;
  readonly user: UserRow;
}

export interface AuthServiceDeps {
  readonly users: UsersRepository;
  readonly refreshTokens: RefreshTokensRepository;
  readonly passwords: PasswordHasher;
  readonly accessTokens: AccessTokens;
  readonly clock: Clock;
}

const BAD_LOGIN = "the email or password is incorrect";
const BAD_REFRESH = "the session has expired or was signed out; log in again";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function authService(deps: AuthServiceDeps) {
  const { users, refreshTokens, passwords, accessTokens, clock } = deps;
  // Hashed once, lazily, so a login for an unknown email costs the same as for a known one.
  let decoyHash: Promise<string> | undefined;
  const decoy = () => (decoyHash ??= passwords.hash("decoy password for unknown accounts"));

  async function issue(user: UserRow, familyId: string): Promise<Session> {
    const now = clock.now();
    const refreshToken = newRefreshToken();
    await refreshTokens.insert({
      ...refreshTokenRow(refreshToken, now),
      userId: user.id,
      familyId,
    });
    return {
      accessToken: await accessTokens.issue(user.id, now),
      refreshToken,
      expiresIn: ACCESS_TOKEN_SECONDS,
      user,
    };
  }

  return {
    /** Creates the account, or silently does nothing when the email is taken (see above). */
    async register(input: Registration): Promise<UserRow | null> {
      const passwordHash = await passwords.hash(input.password);
      return users.create({
        id: newId(),
        email: normalizeEmail(input.email),
        password_hash: passwordHash,
        role: input.role,
        display_name: input.displayName.trim(),
        created_at: clock.now().toISOString(),
        disabled_at: null,
      });
    },

    async login(email: string, password: string): Promise<Session> {
      const user = await users.findByEmail(normalizeEmail(email));
      const matches = await passwords.verify(password, user?.password_hash ?? (await decoy()));
      if (!user || !matches || user.disabled_at !== null) {
        throw new DevladderError("unauthorized", BAD_LOGIN);
      }
      return issue(user, newId());
    },

    async refresh(token: string): Promise<Session> {
      const now = clock.now();
      const successor = newRefreshToken();
      // the successor row is only written if the rotation succeeds; it joins the previous
      // token's user and family inside the repository's transaction
      const outcome = await refreshTokens.rotate(
        hashRefreshToken(token),
        refreshTokenRow(successor, now),
        now.toISOString(),
      );
      if (outcome.kind !== "rotated") throw new DevladderError("unauthorized", BAD_REFRESH);
      const previous = outcome.previous;
      const user = await users.findById(previous.user_id);
      if (previous.expires_at <= now.toISOString() || !user || user.disabled_at !== null) {
        await refreshTokens.revokeFamily(previous.family_id, now.toISOString());
        throw new DevladderError("unauthorized", BAD_REFRESH);
      }
      return {
        accessToken: await accessTokens.issue(user.id, now),
        refreshToken: successor,
        expiresIn: ACCESS_TOKEN_SECONDS,
        user,
      };
    },

    /** Ends the session the refresh token belongs to; unknown tokens are ignored (idempotent). */
    async logout(token: string): Promise<void> {
      const row = await refreshTokens.findByHash(hashRefreshToken(token));
      if (row) await refreshTokens.revokeFamily(row.family_id, clock.now().toISOString());
    },

    /** The caller behind an access token; disabled or deleted accounts are refused. */
    async authenticate(accessToken: string): Promise<Caller> {
      const userId = await accessTokens.verify(accessToken, clock.now());
      const user = await users.findById(userId);
      if (!user || user.disabled_at !== null) {
        throw new DevladderError("unauthorized", "the access token is invalid or expired");
      }
      return { id: user.id, role: user.role };
    },
  };
}

export type AuthService = ReturnType<typeof authService>;

function refreshTokenRow(token: string, now: Date): Successor {
  return {
    id: newId(now.getTime()),
    tokenHash: hashRefreshToken(token),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000).toISOString(),
  };
}
