/** Schema pieces every resource shares: pagination, ids, and the error responses. */
import { z } from "zod";
import { PAGE_SIZE } from "../services/pagination.js";
import { problemSchema } from "./plugins/error-handler.js";

export const idSchema = z.uuid().describe("a UUID");

/** Links users give (evidence, credentials): web URLs only, never `javascript:` or `file:`. */
export const webUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe("an http(s) URL");

export const pageQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(200).optional().describe("nextCursor from the previous page"),
  limit: z.coerce
    .number()
    .int()
    .min(PAGE_SIZE.min)
    .max(PAGE_SIZE.max)
    .default(PAGE_SIZE.default)
    .describe(`page size, ${PAGE_SIZE.min} to ${PAGE_SIZE.max}`),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("null on the last page"),
  });
}

/** Problem responses documented on routes that need a signed-in caller. */
export const authErrors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
} as const;

export const userSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
});
