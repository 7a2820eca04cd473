import { z } from "zod";
import { ROLES } from "../../store/database.types.js";
import { SELF_SERVICE_ROLES } from "../../services/auth.service.js";

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    createdAt: z.string(),
    disabled: z.boolean(),
  })
  .meta({ id: "User" });

export const registerBodySchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(10, "must be at least 10 characters").max(200),
  displayName: z.string().trim().min(1).max(100),
  role: z.enum(SELF_SERVICE_ROLES).default("learner"),
});

export const registerResponseSchema = z.object({ message: z.string() });

export const loginBodySchema = z.strictObject({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const refreshBodySchema = z.strictObject({
  refreshToken: z.string().min(1).max(200),
});

export const sessionSchema = z
  .object({
    tokenType: z.literal("Bearer"),
    accessToken: z.string(),
    expiresIn: z.number().int().describe("seconds until the access token expires"),
    refreshToken: z.string().describe("single use: each refresh returns a new one"),
    user: userSchema,
  })
  .meta({ id: "Session" });
