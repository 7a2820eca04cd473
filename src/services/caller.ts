/** Who is asking: the signed-in user as the API's authentication found them. */
import type { Role } from "../store/database.types.js";

export interface Caller {
  readonly id: string;
  readonly role: Role;
}
