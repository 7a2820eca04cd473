/** The learner's readiness per career level: what is met, with evidence, and what is missing. */
import { ownReadiness } from "../api/devladder-api.js";
import { useApi } from "../auth/auth-context.js";
import { ResourceStatus } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { ReadinessLevels } from "../readiness/readiness-levels.js";

export function ReadinessPage() {
  usePageTitle("Readiness");
  const api = useApi();
  const { resource, reload } = useResource(() => ownReadiness(api), [api]);
  return (
    <section className="page readiness-page" aria-labelledby="readiness-title">
      <h1 id="readiness-title">Readiness</h1>
      <p className="lead">
        Each career level and what it asks for, measured against your analysed repositories,
        endorsements, growth log and certifications.
      </p>
      <ResourceStatus
        resource={resource}
        loading="Weighing your evidence"
        failed="Your readiness could not be worked out"
        onRetry={reload}
      />
      {resource.status === "ready" && <ReadinessLevels readiness={resource.data} />}
    </section>
  );
}
