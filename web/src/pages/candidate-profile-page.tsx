/**
 * A learner's profile as someone else sees it (a recruiter on a public profile, a granted
 * mentor): the headline and track, readiness per level and the endorsements mentors gave.
 */
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../api/api-error.js";
import type { Endorsement, PublicProfile, Readiness } from "../api/api-types.js";
import {
  learnerEndorsements,
  learnerProfile,
  learnerReadiness,
  roadmap,
} from "../api/devladder-api.js";
import { useApi } from "../auth/auth-context.js";
import { EmptyState, ResourceStatus } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { formatDate } from "../plan/plan-dates.js";
import { EndorsementList } from "../profile/endorsement-list.js";
import { ReadinessLevels } from "../readiness/readiness-levels.js";

interface Loaded {
  readonly profile: PublicProfile;
  readonly readiness: Readiness;
  readonly endorsements: Endorsement[];
  readonly titleOf: (skillId: string) => string;
  readonly trackTitle: string;
}

export function CandidateProfilePage() {
  usePageTitle("Profile");
  const api = useApi();
  const { userId = "" } = useParams();
  const { resource, reload } = useResource<Loaded | null>(async () => {
    try {
      const [profile, readiness, endorsements] = await Promise.all([
        learnerProfile(api, userId),
        // whoever may see the profile sees readiness: in full if they may see the learner's
        // records, otherwise as the profile shows it (no growth titles, no self-marked skills)
        learnerReadiness(api, userId),
        learnerEndorsements(api, userId),
      ]);
      const map = await roadmap(api, profile.track);
      const titleOf = (skillId: string) =>
        map.skills.find((s) => s.id === skillId)?.title ?? skillId;
      return { profile, readiness, endorsements, titleOf, trackTitle: map.track.title };
    } catch (error) {
      // private profiles answer 404 to those who may not see them, so nothing leaks
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }, [api, userId]);

  return (
    <section className="page" aria-labelledby="profile-title">
      <h1 id="profile-title">Learner profile</h1>
      <ResourceStatus
        resource={resource}
        loading="Loading the profile"
        failed="The profile could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" && resource.data === null && (
        <EmptyState
          title="This profile is not shared"
          action={<Link to="/candidates">Back to the search</Link>}
        >
          <p>The learner keeps it private, or it does not exist.</p>
        </EmptyState>
      )}
      {resource.status === "ready" && resource.data !== null && (
        <ProfileView data={resource.data} />
      )}
    </section>
  );
}

function ProfileView({ data }: { data: Loaded }) {
  return (
    <>
      <dl className="figures">
        <div>
          <dt>Track</dt>
          <dd>{data.trackTitle}</dd>
        </div>
        <div>
          <dt>Learning since</dt>
          <dd>{formatDate(data.profile.startDate)}</dd>
        </div>
        <div>
          <dt>Hours per week</dt>
          <dd>{data.profile.hoursPerWeek}</dd>
        </div>
      </dl>
      {data.profile.headline !== "" && <p className="lead">{data.profile.headline}</p>}
      <h2>Readiness</h2>
      <ReadinessLevels readiness={data.readiness} />
      <h2>Endorsements</h2>
      <EndorsementList endorsements={data.endorsements} titleOf={data.titleOf} />
    </>
  );
}
