/**
 * Interview practice: the questions of a roadmap skill, each a card scheduled by SM-2 from the
 * learner's own grade of their answer (domain/sm2.ts). "Due today" covers the skills the learner
 * is currently learning (progress status `learning`): a question never practised is due at once,
 * a practised one on its `due_on` day (UTC) or after. Practice is the learner's own business:
 * nobody else reads it.
 */
import type { Roadmap, Skill } from "../content/content.schema.js";
import { addDays, utcDateOf } from "../domain/calendar-date.js";
import { NEW_CARD, reviewCard, type Sm2State } from "../domain/sm2.js";
import { invalidInput } from "../errors.js";
import type { PracticeCardRow } from "../store/database.types.js";
import type { PracticeRepository } from "../store/practice.repository.js";
import type { ProgressRepository } from "../store/progress.repository.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";
import { requireKnownId } from "./roadmap-ids.js";

export interface PracticeQuestion {
  readonly skillId: string;
  readonly questionIndex: number;
  readonly question: string;
  readonly answer: string;
  /** null: never practised */
  readonly card: PracticeCardRow | null;
  /** the day it is due: today for a new question */
  readonly dueOn: string;
}

export interface PracticeServiceDeps {
  readonly practice: PracticeRepository;
  readonly progress: Pick<ProgressRepository, "listForUser">;
  readonly roadmap: Roadmap;
  readonly clock: Clock;
}

const stateOf = (card: PracticeCardRow | undefined): Sm2State =>
  card
    ? {
        repetitions: card.repetitions,
        intervalDays: card.interval_days,
        easeFactor: card.ease_factor,
      }
    : NEW_CARD;

export function practiceService({ practice, progress, roadmap, clock }: PracticeServiceDeps) {
  const skills = new Map(roadmap.skills.map((s) => [s.id, s]));

  function questionsOf(
    skill: Skill,
    cards: ReadonlyMap<string, PracticeCardRow>,
    today: string,
  ): PracticeQuestion[] {
    return skill.questions.map((q, questionIndex) => {
      const card = cards.get(`${skill.id}#${questionIndex}`) ?? null;
      return {
        skillId: skill.id,
        questionIndex,
        question: q.question,
        answer: q.answer,
        card,
        dueOn: card?.due_on ?? today,
      };
    });
  }
  const byKey = (cards: readonly PracticeCardRow[]) =>
    new Map(cards.map((c) => [`${c.skill_id}#${c.question_index}`, c]));

  function skillOf(skillId: string): Skill {
    requireKnownId(skillId, [...skills.keys()], "params.skillId", "skill");
    const skill = skills.get(skillId);
    if (!skill) throw invalidInput(`unknown skill '${skillId}'`);
    return skill;
  }

  return {
    /** Due today or overdue, for the skills being learned: oldest due first, then roadmap order. */
    async due(caller: Caller): Promise<PracticeQuestion[]> {
      const today = utcDateOf(clock.now());
      const learning = (await progress.listForUser(caller.id))
        .filter((p) => p.status === "learning")
        .map((p) => p.skill_id);
      const cards = byKey(await practice.cards(caller.id, learning));
      const order = new Map(roadmap.skills.map((s, i) => [s.id, i]));
      return learning
        .flatMap((id) => {
          const skill = skills.get(id);
          return skill ? questionsOf(skill, cards, today) : [];
        })
        .filter((q) => q.dueOn <= today)
        .sort(
          (a, b) =>
            a.dueOn.localeCompare(b.dueOn) ||
            (order.get(a.skillId) ?? 0) - (order.get(b.skillId) ?? 0) ||
            a.questionIndex - b.questionIndex,
        );
    },

    async skill(caller: Caller, skillId: string): Promise<PracticeQuestion[]> {
      const skill = skillOf(skillId);
      const today = utcDateOf(clock.now());
      return questionsOf(skill, byKey(await practice.cards(caller.id, [skillId])), today);
    },

    async review(
      caller: Caller,
      skillId: string,
      questionIndex: number,
      grade: number,
    ): Promise<PracticeQuestion> {
      const skill = skillOf(skillId);
      const question = skill.questions[questionIndex];
      if (!question) {
        throw invalidInput("no such question", [
          {
            where: "params.questionIndex",
            problem: `${questionIndex} is out of range`,
            accepted: `0 to ${skill.questions.length - 1}`,
          },
        ]);
      }
      const now = clock.now();
      const today = utcDateOf(now);
      const [current] = await practice
        .cards(caller.id, [skillId])
        .then((cards) => cards.filter((c) => c.question_index === questionIndex));
      const next = reviewCard(stateOf(current), grade);
      const card = await practice.save({
        user_id: caller.id,
        skill_id: skillId,
        question_index: questionIndex,
        repetitions: next.repetitions,
        interval_days: next.intervalDays,
        ease_factor: next.easeFactor,
        due_on: addDays(today, next.intervalDays),
        last_grade: grade,
        reviewed_at: now.toISOString(),
      });
      return {
        skillId,
        questionIndex,
        question: question.question,
        answer: question.answer,
        card,
        dueOn: card.due_on,
      };
    },
  };
}

export type PracticeService = ReturnType<typeof practiceService>;
