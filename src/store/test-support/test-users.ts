/** For store tests: an account written through the users repository, with a unique email. */
import type { Store } from "../database.js";
import type { Role, UserRow } from "../database.types.js";
import { newId } from "../ids.js";
import { usersRepository } from "../users.repository.js";

export async function insertTestUser(
  store: Store,
  overrides: { readonly role?: Role; readonly email?: string; readonly createdAt?: string } = {},
): Promise<UserRow> {
  const id = newId();
  const user = await usersRepository(store.db, store.dialect).create({
    id,
    email: overrides.email ?? `${id}@example.test`,
    password_hash: "hash",
    role: overrides.role ?? "learner",
    display_name: "Test User",
    created_at: overrides.createdAt ?? new Date().toISOString(),
    disabled_at: null,
  });
  if (!user) throw new Error(`user ${id} was not created`);
  return user;
}
