/** /api/v1/skills/verified: the skills your analysed repositories prove, with their evidence. */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import type { Services } from "../../composition.js";
import { authErrors } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { presentVerifiedSkill } from "./verified-skills.presenter.js";
import { verifiedSkillListSchema } from "./verified-skills.schema.js";

export const verifiedSkillsRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);

  app.get(
    "/skills/verified",
    {
      onRequest,
      schema: {
        tags: ["analyses"],
        security: [{ bearer: [] }],
        summary:
          "your verified skills: those whose every evidence signal an analysed repository shows " +
          "(bounded by the roadmap's skills, so not paged)",
        response: { 200: verifiedSkillListSchema, ...authErrors },
      },
    },
    async (request) => ({
      items: (await services.analyses.verified(callerOf(request))).map(presentVerifiedSkill),
    }),
  );
  done();
};
