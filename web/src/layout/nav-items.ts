/**
 * The app's sections in the header, by role. A new page (repositories, growth, mentor, recruiter)
 * is one entry here and one route in app.tsx.
 */
import type { Role } from "../api/api-types.js";

export interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly roles: readonly Role[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/roadmap", label: "Roadmap", roles: ["learner", "mentor", "recruiter", "admin"] },
  { to: "/plan", label: "Plan", roles: ["learner"] },
  { to: "/repositories", label: "Repositories", roles: ["learner", "admin"] },
  { to: "/growth", label: "Growth", roles: ["learner"] },
  { to: "/readiness", label: "Readiness", roles: ["learner"] },
  { to: "/certifications", label: "Certifications", roles: ["learner"] },
  { to: "/practice", label: "Practice", roles: ["learner"] },
  { to: "/mentor", label: "Mentees", roles: ["mentor"] },
  { to: "/candidates", label: "Candidates", roles: ["recruiter", "admin"] },
  { to: "/onboarding", label: "Settings", roles: ["learner"] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
