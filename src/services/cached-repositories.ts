/**
 * Caching decorators around the repository reads every authenticated request makes: the caller's
 * account (role, disabled, deleted: users.findById) and their profile (profiles.findByUser). Every
 * write these repositories offer publishes the user on the invalidation bus after it commits, so
 * this process never serves a row older than its own writes (see read-cache.ts for other
 * processes).
 *
 * Each decorator lists every method of its repository instead of spreading the original: a write
 * method added to the interface later fails to compile here until it is given its invalidation.
 * Should the notice itself fail (PostgreSQL unreachable right after the write), the request fails
 * although the write stands: this process has already forgotten the row, and the others see the
 * change once their entry expires.
 */
import type { AccountRepository } from "../store/account.repository.js";
import type { ProfileRow, UserRow } from "../store/database.types.js";
import type { InvalidationBus } from "../store/invalidation-bus.js";
import type { ProfilesRepository } from "../store/profiles.repository.js";
import type { UsersRepository } from "../store/users.repository.js";
import type { ReadCache } from "./read-cache.js";

export function cachedUsersRepository(
  users: UsersRepository,
  cache: ReadCache<UserRow>,
  bus: InvalidationBus,
): UsersRepository {
  return {
    // a new account was never cached (missing rows are not kept), so creating needs no notice
    create: (user) => users.create(user),
    findById: (id) => cache.get(id, () => users.findById(id)),
    // login reads by email and checks the password against the stored row, uncached
    findByEmail: (email) => users.findByEmail(email),
    list: (page) => users.list(page),
    update: async (id, changes) => {
      const updated = await users.update(id, changes);
      await bus.publish(id);
      return updated;
    },
  };
}

export function cachedProfilesRepository(
  profiles: ProfilesRepository,
  cache: ReadCache<ProfileRow>,
  bus: InvalidationBus,
): ProfilesRepository {
  return {
    findByUser: (userId) => cache.get(userId, () => profiles.findByUser(userId)),
    findBySlug: (slug) => profiles.findBySlug(slug),
    save: async (profile) => {
      const saved = await profiles.save(profile);
      await bus.publish(profile.user_id);
      return saved;
    },
  };
}

/** Deleting an account removes the user and (by cascade) the profile: both are forgotten. */
export function invalidatingAccountRepository(
  accounts: AccountRepository,
  bus: InvalidationBus,
): AccountRepository {
  return {
    exportData: (userId) => accounts.exportData(userId),
    deleteAccount: async (userId) => {
      const deleted = await accounts.deleteAccount(userId);
      await bus.publish(userId);
      return deleted;
    },
  };
}
