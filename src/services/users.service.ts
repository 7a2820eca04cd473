/** Admin management of users: list, change role, disable and enable. */
import { DevladderError, notFound } from "../errors.js";
import type { Role, UserRow } from "../store/database.types.js";
import type { UsersRepository } from "../store/users.repository.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";
import { pageOf, pageQuery, type Page, type PageRequest } from "./pagination.js";

export interface UsersServiceDeps {
  readonly users: UsersRepository;
  readonly clock: Clock;
}

export interface UserChanges {
  readonly role?: Role | undefined;
  readonly disabled?: boolean | undefined;
}

export function requireAdmin(caller: Caller): void {
  if (caller.role !== "admin") throw new DevladderError("forbidden", "only an admin may do this");
}

export function usersService({ users, clock }: UsersServiceDeps) {
  return {
    async me(caller: Caller): Promise<UserRow> {
      const user = await users.findById(caller.id);
      if (!user) throw notFound("the signed-in account no longer exists");
      return user;
    },

    async list(caller: Caller, request: PageRequest): Promise<Page<UserRow>> {
      requireAdmin(caller);
      return pageOf(await users.list(pageQuery(request)), request, (u) => u.id);
    },

    async update(caller: Caller, userId: string, changes: UserChanges): Promise<UserRow> {
      requireAdmin(caller);
      // An admin locking themselves out (or demoting the last admin by accident) is never wanted.
      if (
        userId === caller.id &&
        (changes.disabled === true || (changes.role ?? "admin") !== "admin")
      ) {
        throw new DevladderError("conflict", "an admin cannot disable or demote their own account");
      }
      const now = clock.now().toISOString();
      const updated = await users.update(userId, {
        ...(changes.role !== undefined && { role: changes.role }),
        ...(changes.disabled !== undefined && { disabled_at: changes.disabled ? now : null }),
      });
      // the repository revokes a disabled account's refresh tokens in the same transaction
      if (!updated) throw notFound("no such user");
      return updated;
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
