import type { PracticeQuestion } from "../../services/practice.service.js";

export const presentPracticeQuestion = (q: PracticeQuestion) => ({
  skillId: q.skillId,
  questionIndex: q.questionIndex,
  question: q.question,
  answer: q.answer,
  dueOn: q.dueOn,
  schedule: q.card && {
    repetitions: q.card.repetitions,
    intervalDays: q.card.interval_days,
    easeFactor: q.card.ease_factor,
    lastGrade: q.card.last_grade,
    reviewedAt: q.card.reviewed_at,
  },
});
