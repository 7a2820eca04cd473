/**
 * Interview practice: the questions due today for the skills being learned, one at a time. The
 * learner answers in their head (or aloud), reveals the model answer, and grades themselves 0–5;
 * the server's SM-2 schedule decides when the question comes back.
 */
import { useState } from "react";
import { Link } from "react-router-dom";
import type { PracticeQuestion } from "../api/api-types.js";
import { duePractice, ownProfile, reviewPractice, roadmap } from "../api/devladder-api.js";
import { useApi } from "../auth/auth-context.js";
import { EmptyState, FormError, ResourceStatus } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useResource } from "../components/use-resource.js";
import { useSubmission } from "../components/use-submission.js";
import { localToday } from "../onboarding/today.js";
import { GRADES, dueText } from "../practice/grades.js";

export function PracticePage() {
  usePageTitle("Practice");
  const api = useApi();
  const { resource, reload } = useResource(async () => {
    const [questions, profile] = await Promise.all([duePractice(api), ownProfile(api)]);
    // skill titles come from the learner's roadmap; without a profile the ids have to do
    const map = profile === null ? null : await roadmap(api, profile.track);
    const titles = new Map(map?.skills.map((s) => [s.id, s.title]));
    return { questions, titleOf: (skillId: string) => titles.get(skillId) ?? skillId };
  }, [api]);
  return (
    <section className="page practice-page" aria-labelledby="practice-title">
      <h1 id="practice-title">Interview practice</h1>
      <ResourceStatus
        resource={resource}
        loading="Finding today's questions"
        failed="Today's questions could not be loaded"
        onRetry={reload}
      />
      {resource.status === "ready" && <Session {...resource.data} />}
    </section>
  );
}

function Session({
  questions,
  titleOf,
}: {
  questions: PracticeQuestion[];
  titleOf: (skillId: string) => string;
}) {
  const api = useApi();
  const [position, setPosition] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [last, setLast] = useState<PracticeQuestion | null>(null);
  const review = useSubmission();
  const current = questions[position];

  const grade = async (value: number) => {
    if (!current) return;
    // `last` outlives the next review, so its announcement stays while that one is saved
    await review.run(async () => {
      setLast(await reviewPractice(api, current, value));
      setPosition((p) => p + 1);
      setRevealed(false);
    });
  };

  const announcement =
    last === null ? "" : `Saved. That question comes back ${dueText(last.dueOn, localToday())}.`;

  if (!current) {
    return (
      <>
        <p role="status">{announcement}</p>
        <EmptyState
          title={questions.length === 0 ? "Nothing due today" : "All done for today"}
          action={<Link to="/roadmap">Back to the roadmap</Link>}
        >
          <p>
            Questions come from the skills you are learning. Mark a skill as learning on the roadmap
            to practise its interview questions.
          </p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <p className="muted">
        Question {position + 1} of {questions.length} · {titleOf(current.skillId)}
        {current.schedule === null ? " · new" : ""}
      </p>
      <p role="status" className="hint">
        {announcement}
      </p>
      <article className="card-form practice-card" aria-labelledby="practice-question">
        <h2 id="practice-question">{current.question}</h2>
        {revealed ? (
          <>
            <h3>Model answer</h3>
            <p>{current.answer}</p>
            <fieldset className="grades" disabled={review.busy}>
              <legend>How well did you answer?</legend>
              {GRADES.map(({ grade: value, label }) => (
                <button
                  key={value}
                  type="button"
                  className="button"
                  onClick={() => void grade(value)}
                >
                  {value} · {label}
                </button>
              ))}
            </fieldset>
          </>
        ) : (
          <button type="button" className="button button-primary" onClick={() => setRevealed(true)}>
            Show the answer
          </button>
        )}
        <FormError error={review.error} />
      </article>
    </>
  );
}
