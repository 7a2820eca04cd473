/** All SQL about a learner's spaced-repetition cards (one per interview question practised). */
import type { Kysely } from "kysely";
import type { Database, PracticeCardRow } from "./database.types.js";

export interface PracticeRepository {
  /** the learner's cards for these skills (all skills when `skillIds` is undefined) */
  cards(userId: string, skillIds?: readonly string[]): Promise<PracticeCardRow[]>;
  save(card: PracticeCardRow): Promise<PracticeCardRow>;
}

export function practiceRepository(db: Kysely<Database>): PracticeRepository {
  return {
    async cards(userId, skillIds) {
      if (skillIds?.length === 0) return [];
      let query = db
        .selectFrom("practice_cards")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("skill_id")
        .orderBy("question_index");
      if (skillIds !== undefined) query = query.where("skill_id", "in", skillIds);
      return query.execute();
    },
    save: (card) =>
      db
        .insertInto("practice_cards")
        .values(card)
        .onConflict((oc) =>
          oc.columns(["user_id", "skill_id", "question_index"]).doUpdateSet({
            repetitions: card.repetitions,
            interval_days: card.interval_days,
            ease_factor: card.ease_factor,
            due_on: card.due_on,
            last_grade: card.last_grade,
            reviewed_at: card.reviewed_at,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow(),
  };
}
