import { z } from "zod";
import { ROLES } from "../../store/database.types.js";
import { idSchema } from "../common.schema.js";

export const userParamsSchema = z.strictObject({ userId: idSchema });

export const userChangesSchema = z
  .strictObject({
    role: z.enum(ROLES).optional(),
    disabled: z
      .boolean()
      .optional()
      .describe("a disabled account cannot sign in; its sessions end"),
  })
  .refine((body) => body.role !== undefined || body.disabled !== undefined, {
    message: "name at least one of role, disabled",
  });
