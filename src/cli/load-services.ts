/**
 * Builds the service layer for a command that needs it. Imported on demand so that the database
 * drivers and the HTTP stack are not loaded by commands that never use them (roadmap, plan…).
 */
import type { Services } from "../composition.js";

export async function loadServices(
  env: Readonly<Record<string, string | undefined>>,
): Promise<Services> {
  const [{ createServices }, { loadConfig }] = await Promise.all([
    import("../composition.js"),
    import("../config.js"),
  ]);
  return createServices(loadConfig(env));
}
