/**
 * /api/v1/practice: interview questions with SM-2 scheduling of your self-graded answers: what
 * is due today for the skills you are learning, a skill's questions, and grading an answer.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import type { Services } from "../../composition.js";
import { authErrors } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { presentPracticeQuestion } from "./practice.presenter.js";
import {
  practiceListSchema,
  practiceQuestionSchema,
  questionParamsSchema,
  reviewBodySchema,
  skillParamsSchema,
} from "./practice.schema.js";

export const practiceRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["practice"];
  const security = [{ bearer: [] }];

  app.get(
    "/practice/due",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "questions due today (UTC) for the skills you are learning, oldest due first",
        response: { 200: practiceListSchema, ...authErrors },
      },
    },
    async (request) => ({
      items: (await services.practice.due(callerOf(request))).map(presentPracticeQuestion),
    }),
  );

  app.get(
    "/practice/:skillId",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "a skill's interview questions with your schedule for each",
        params: skillParamsSchema,
        response: { 200: practiceListSchema, ...authErrors },
      },
    },
    async (request) => ({
      items: (await services.practice.skill(callerOf(request), request.params.skillId)).map(
        presentPracticeQuestion,
      ),
    }),
  );

  app.post(
    "/practice/:skillId/:questionIndex/review",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "grade your answer (0-5); returns when the question is due next",
        params: questionParamsSchema,
        body: reviewBodySchema,
        response: { 200: practiceQuestionSchema, ...authErrors },
      },
    },
    async (request) =>
      presentPracticeQuestion(
        await services.practice.review(
          callerOf(request),
          request.params.skillId,
          request.params.questionIndex,
          request.body.grade,
        ),
      ),
  );
  done();
};
