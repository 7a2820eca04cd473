/**
 * A learner's profile opened through their share link (/p/<slug>): no sign-in needed, the link
 * is the permission. It shows what the API lets a link holder see: the headline, the track, the
 * study rhythm, the skills the learner's analysed repositories verify with their score badges,
 * readiness per career level (without the learner's private records), and the endorsements
 * mentors gave that the learner has not hidden. A link whose profile went back to private, or
 * never existed, answers 404; both look the same here so the page does not reveal which.
 */
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../api/api-error.js";
import type { VerifiedSkill } from "../api/analysis-types.js";
import type { Endorsement, PublicProfile, Readiness } from "../api/api-types.js";
import {
  roadmap,
  sharedEndorsements,
  sharedProfile,
  sharedReadiness,
  sharedVerifiedSkills,
} from "../api/devladder-api.js";
import { useApi } from "../auth/auth-context.js";
import { EmptyState, ResourceStatus } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { formatDate } from "../plan/plan-dates.js";
import { EndorsementList } from "../profile/endorsement-list.js";
import { SharedVerifiedSkills } from "../profile/shared-verified-skills.js";
import { ReadinessLevels } from "../readiness/readiness-levels.js";

interface Loaded {
  readonly profile: PublicProfile;
  readonly trackTitle: string;
  readonly trackSummary: string;
  readonly verifiedSkills: readonly VerifiedSkill[];
  readonly readiness: Readiness;
  readonly endorsements: readonly Endorsement[];
  readonly titleOf: (skillId: string) => string;
}

export function SharedProfilePage() {
  usePageTitle("Shared profile");
  const api = useApi();
  const { slug = "" } = useParams();
  const { resource, reload } = useResource<Loaded | null>(async () => {
    try {
      const [profile, verifiedSkills, readiness, endorsements] = await Promise.all([
        sharedProfile(api, slug),
        sharedVerifiedSkills(api, slug),
        sharedReadiness(api, slug),
        sharedEndorsements(api, slug),
      ]);
      const map = await roadmap(api, profile.track);
      return {
        profile,
        trackTitle: map.track.title,
        trackSummary: map.track.summary,
        verifiedSkills,
        readiness,
        endorsements,
        titleOf: (skillId: string) => map.skills.find((s) => s.id === skillId)?.title ?? skillId,
      };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }, [api, slug]);

  return (
    <section className="page" aria-labelledby="shared-profile-title">
      <h1 id="shared-profile-title">Shared learner profile</h1>
      <ResourceStatus
        resource={resource}
        loading="Loading the profile"
        failed="The profile could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" && resource.data === null && (
        <EmptyState
          title="This share link does not lead to a profile"
          action={<Link to="/">Go to devladder</Link>}
        >
          <p>
            The learner may have made their profile private again, or the link is mistyped. Ask them
            for a fresh link.
          </p>
        </EmptyState>
      )}
      {resource.status === "ready" && resource.data !== null && (
        <SharedProfileView data={resource.data} />
      )}
    </section>
  );
}

function SharedProfileView({ data }: { data: Loaded }) {
  const { profile } = data;
  return (
    <>
      {profile.headline !== "" && <p className="lead">{profile.headline}</p>}
      <dl className="figures">
        <div>
          <dt>Track</dt>
          <dd>{data.trackTitle}</dd>
        </div>
        <div>
          <dt>Learning since</dt>
          <dd>{formatDate(profile.startDate)}</dd>
        </div>
        <div>
          <dt>Hours per week</dt>
          <dd>{profile.hoursPerWeek}</dd>
        </div>
      </dl>
      <h2>About the track</h2>
      <p>{data.trackSummary}</p>
      <SharedVerifiedSkills skills={data.verifiedSkills} />
      <section className="report-section" aria-labelledby="shared-readiness-title">
        <h2 id="shared-readiness-title">Readiness</h2>
        <p className="hint">
          Each career level and what it asks for, measured against the learner&apos;s analysed
          repositories, endorsements, growth log and certifications. Growth-log entries are counted
          but kept private.
        </p>
        <ReadinessLevels readiness={data.readiness} />
      </section>
      <h2>Endorsements</h2>
      <EndorsementList endorsements={data.endorsements} titleOf={data.titleOf} />
      <p className="muted">Profile last updated {formatDate(profile.updatedAt.slice(0, 10))}.</p>
    </>
  );
}
