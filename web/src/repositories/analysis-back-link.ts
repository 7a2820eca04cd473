/**
 * Where the analysis page leads back to. A page linking to an analysis passes one as router
 * state (a mentor comes from a mentee's page); without it (a reload, a shared URL) the page
 * falls back to where the reader's role keeps analyses.
 */
export interface AnalysisBackLink {
  readonly to: string;
  readonly label: string;
}

export function analysisBackLink(routerState: unknown, role: string): AnalysisBackLink {
  if (isBackLink(routerState)) return routerState;
  return role === "mentor"
    ? { to: "/mentor", label: "Mentees" }
    : { to: "/repositories", label: "All repositories" };
}

function isBackLink(value: unknown): value is AnalysisBackLink {
  if (typeof value !== "object" || value === null) return false;
  const { to, label } = value as Record<string, unknown>;
  // only a path inside the app: router state is not a way to send the reader elsewhere
  return typeof to === "string" && /^\/(?!\/)/.test(to) && typeof label === "string";
}
