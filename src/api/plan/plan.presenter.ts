import type { Plan } from "../../domain/plan.types.js";
import type { LearnerPlan } from "../../services/plan.service.js";

function presentPlan(plan: Plan) {
  return {
    track: plan.track,
    hoursPerWeek: plan.hoursPerWeek,
    start: plan.start,
    end: plan.end,
    totalHours: plan.totalHours,
    totalWeeks: plan.totalWeeks,
    items: plan.items.map((item) => ({ ...item })),
    stages: plan.stages.map((stage) => ({ ...stage })),
  };
}

export function presentLearnerPlan({ today, original, comparison }: LearnerPlan) {
  const { daysAhead } = comparison;
  return {
    today,
    standing:
      daysAhead > 0
        ? ("ahead" as const)
        : daysAhead < 0
          ? ("behind" as const)
          : ("on-schedule" as const),
    daysAhead,
    completedHours: comparison.completedHours,
    expectedHours: comparison.expectedHours,
    original: presentPlan(original),
    replanned: presentPlan(comparison.replanned),
  };
}
