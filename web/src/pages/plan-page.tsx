/**
 * The plan: how the learner stands (ahead or behind), the stage timeline chart, the skills with
 * their dates and a marker at today, and the calendar download.
 */
import { lazy, Suspense, useState } from "react";
import { Link, Navigate } from "react-router-dom";
import { ApiError } from "../api/api-error.js";
import type { LearnerPlan, Plan, ProgressEntry } from "../api/api-types.js";
import { allProgress, learnerPlan, planCalendar } from "../api/devladder-api.js";
import { useApi } from "../auth/auth-context.js";
import { saveBlob } from "../components/save-blob.js";
import { EmptyState, FormError, Loading, ResourceStatus } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { useSubmission } from "../components/use-submission.js";
import { formatDate, formatHours, standingText } from "../plan/plan-dates.js";
import { statusLookup } from "../roadmap/progress-summary.js";
import { StatusBadge } from "../roadmap/status-badge.js";

const PlanChart = lazy(() => import("../plan/plan-chart.js"));

interface Loaded {
  readonly plan: LearnerPlan;
  readonly progress: ProgressEntry[];
}

export function PlanPage() {
  usePageTitle("Plan");
  const api = useApi();
  const { resource, reload } = useResource<Loaded | null>(async () => {
    try {
      const [plan, progress] = await Promise.all([learnerPlan(api), allProgress(api)]);
      return { plan, progress };
    } catch (error) {
      // no profile yet: the plan starts with onboarding
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }, [api]);

  if (resource.status === "ready" && resource.data === null) {
    return <Navigate to="/onboarding" replace />;
  }
  return (
    <section className="page plan-page" aria-labelledby="plan-title">
      <h1 id="plan-title">Your plan</h1>
      <ResourceStatus
        resource={resource}
        loading="Working out your plan"
        failed="The plan could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" && resource.data && <PlanView {...resource.data} />}
    </section>
  );
}

function PlanView({ plan, progress }: Loaded) {
  const [view, setView] = useState<"replanned" | "original">("replanned");
  const statusOf = statusLookup(progress);
  const left = plan.replanned.items.length;
  const shown = view === "replanned" ? plan.replanned : plan.original;

  return (
    <>
      <div className={`standing standing-${plan.standing}`} data-testid="standing">
        <p className="standing-headline">
          You are <strong>{standingText(plan.daysAhead)}</strong>.
        </p>
        <dl className="figures">
          <div>
            <dt>Done</dt>
            <dd data-testid="completed-hours">{formatHours(plan.completedHours)}</dd>
          </div>
          <div>
            <dt>Expected by today</dt>
            <dd>{formatHours(plan.expectedHours)}</dd>
          </div>
          <div>
            <dt>Skills left</dt>
            <dd>{left}</dd>
          </div>
          <div>
            <dt>Finish at this pace</dt>
            <dd>{left === 0 ? "finished" : formatDate(plan.replanned.end)}</dd>
          </div>
          <div>
            <dt>First planned finish</dt>
            <dd>{formatDate(plan.original.end)}</dd>
          </div>
        </dl>
        <CalendarDownload disabled={left === 0} />
      </div>

      {left === 0 ? (
        <EmptyState
          title="Nothing left to schedule"
          action={<Link to="/roadmap">Back to the roadmap</Link>}
        >
          <p>Every skill on your track is done or skipped. Well done.</p>
        </EmptyState>
      ) : (
        <>
          <h2>Stages over time</h2>
          <Suspense fallback={<Loading label="Drawing the timeline" />}>
            <PlanChart
              plan={plan}
              label={`Stage timeline: as first planned the roadmap ends ${formatDate(plan.original.end)}; from today it ends ${formatDate(plan.replanned.end)}.`}
            />
          </Suspense>
          <div className="timeline-head">
            <h2>Skills by date</h2>
            <div className="segmented" role="group" aria-label="Which schedule">
              <button
                type="button"
                className="button"
                aria-pressed={view === "replanned"}
                onClick={() => setView("replanned")}
              >
                From today
              </button>
              <button
                type="button"
                className="button"
                aria-pressed={view === "original"}
                onClick={() => setView("original")}
              >
                As first planned
              </button>
            </div>
          </div>
          <Timeline plan={shown} today={plan.today} statusOf={statusOf} />
        </>
      )}
    </>
  );
}

function Timeline({
  plan,
  today,
  statusOf,
}: {
  plan: Plan;
  today: string;
  statusOf: ReturnType<typeof statusLookup>;
}) {
  const stages = [...plan.stages].sort((a, b) => a.order - b.order).filter((s) => s.skills > 0);
  // the marker goes before the first skill not yet over: the one under way today, or the next
  const firstFuture = plan.items.findIndex((item) => item.end >= today);
  const markerBefore = firstFuture === -1 ? null : plan.items[firstFuture]?.skillId;
  const marker = (
    <li className="today-marker" key="today">
      <span>Today · {formatDate(today)}</span>
    </li>
  );
  return (
    <ol className="timeline">
      {stages.map((stage) => (
        <li key={stage.id} className="timeline-stage">
          <h3>
            {stage.title}{" "}
            <span className="muted">
              {stage.start && stage.end && `${formatDate(stage.start)} – ${formatDate(stage.end)}`}{" "}
              · {formatHours(stage.hours)}
            </span>
          </h3>
          <ol className="timeline-items">
            {plan.items
              .filter((item) => item.stage === stage.id)
              .flatMap((item) => {
                const row = (
                  <li
                    key={item.skillId}
                    className={`timeline-item status-${statusOf(item.skillId)}`}
                  >
                    <span className="dates">
                      {formatDate(item.start)} – {formatDate(item.end)}
                    </span>
                    <span className="item-title">{item.title}</span>
                    <span className="item-meta">
                      <StatusBadge status={statusOf(item.skillId)} /> {item.hours} h
                    </span>
                  </li>
                );
                return item.skillId === markerBefore ? [marker, row] : [row];
              })}
          </ol>
        </li>
      ))}
      {markerBefore === null && marker}
    </ol>
  );
}

function CalendarDownload({ disabled }: { disabled: boolean }) {
  const api = useApi();
  const calendar = useSubmission();
  const download = () =>
    calendar.run(async () => saveBlob(await planCalendar(api), "devladder-plan.ics"));
  return (
    <div className="calendar-download">
      <button
        type="button"
        className="button"
        disabled={disabled || calendar.busy}
        onClick={() => void download()}
      >
        {calendar.busy ? "Preparing…" : "Download calendar (.ics)"}
      </button>
      <FormError error={calendar.error} />
    </div>
  );
}
