/** Builds a FrameworkFinding from what the manifests declare and what the source uses. */
import type { Evidence, FrameworkCategory, FrameworkFinding } from "../../report.js";

/** Enough evidence to check a claim by hand without flooding the report. */
const MAX_EVIDENCE = 5;

export interface FrameworkSighting {
  readonly declared: Evidence[];
  readonly used: Evidence[];
}

export function newSighting(): FrameworkSighting {
  return { declared: [], used: [] };
}

/** Records sightings per framework id in insertion order. */
export class FrameworkSightings {
  private readonly byId = new Map<string, FrameworkSighting>();

  declared(id: string, ev: Evidence): void {
    this.get(id).declared.push(ev);
  }

  used(id: string, ev: Evidence): void {
    this.get(id).used.push(ev);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  isUsed(id: string): boolean {
    return (this.byId.get(id)?.used.length ?? 0) > 0;
  }

  findings(category: (id: string) => FrameworkCategory): FrameworkFinding[] {
    return [...this.byId.entries()].map(([id, s]) => frameworkFinding(id, category(id), s));
  }

  private get(id: string): FrameworkSighting {
    let s = this.byId.get(id);
    if (!s) {
      s = newSighting();
      this.byId.set(id, s);
    }
    return s;
  }
}

export function frameworkFinding(
  id: string,
  category: FrameworkCategory,
  sighting: FrameworkSighting,
): FrameworkFinding {
  const declared = sighting.declared.length > 0;
  const used = sighting.used.length > 0;
  const confidence = declared && used ? "declared+used" : used ? "used" : "declared";
  return {
    id,
    category,
    confidence,
    evidence: [...sighting.declared.slice(0, 2), ...sighting.used.slice(0, MAX_EVIDENCE - 2)],
  };
}
