/** The roadmap skills the learner's analysed repositories prove, each with where it was shown. */
import { Link } from "react-router-dom";
import { verifiedSkills } from "../api/analyses-api.js";
import { useApi } from "../auth/auth-context.js";
import { ResourceStatus } from "../components/status-views.js";
import { useResource } from "../components/use-resource.js";

/** `version` changes when an analysis finishes, which may verify new skills. */
export function VerifiedSkills({ version }: { version: number }) {
  const api = useApi();
  const { resource, reload } = useResource(() => verifiedSkills(api), [api, version]);
  return (
    <section className="report-section" aria-labelledby="verified-title">
      <h2 id="verified-title">Verified skills</h2>
      <ResourceStatus
        resource={resource}
        loading="Loading your verified skills"
        failed="Your verified skills could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" &&
        (resource.data.length === 0 ? (
          <p className="muted">
            None yet. A skill counts as verified when the latest analysis of one of your
            repositories shows every evidence signal the roadmap names for it.
          </p>
        ) : (
          <ul className="verified-skills" data-testid="verified-skills">
            {resource.data.map((skill) => (
              <li key={skill.skillId}>
                <span className="badge badge-pass">Verified</span> <strong>{skill.title}</strong>
                <span className="muted">
                  {" "}
                  in{" "}
                  {skill.evidence.map((e, i) => (
                    <span key={e.analysisId}>
                      {i > 0 && ", "}
                      <Link to={`/analyses/${e.analysisId}`}>{e.repository}</Link>
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
