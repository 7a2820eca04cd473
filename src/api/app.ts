/**
 * The Fastify application, built from the services and never listening by itself (server.ts
 * does that), so tests drive it through `inject`. Routes validate with zod and the same schemas
 * produce the OpenAPI 3.1 document at /docs/json (Swagger UI at /docs).
 */
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { toolVersion } from "../cli/version.js";
import { DEFAULT_AUTH_RATE_LIMIT, DEFAULT_BODY_LIMIT, type AppDeps } from "./app-deps.js";
import { analysesRoutes } from "./analyses/analyses.routes.js";
import { authRoutes } from "./auth/auth.routes.js";
import { endorsementsRoutes } from "./endorsements/endorsements.routes.js";
import { growthRoutes } from "./growth/growth.routes.js";
import { certificationsRoutes } from "./certifications/certifications.routes.js";
import { practiceRoutes } from "./practice/practice.routes.js";
import { readinessRoutes } from "./readiness/readiness.routes.js";
import { candidatesRoutes } from "./candidates/candidates.routes.js";
import { catalogRoutes } from "./catalog/catalog.routes.js";
import { meRoutes } from "./me/me.routes.js";
import { grantsRoutes } from "./grants/grants.routes.js";
import { healthRoutes } from "./health/health.routes.js";
import { planRoutes } from "./plan/plan.routes.js";
import { registerErrorHandler } from "./plugins/error-handler.js";
import { responseSerializerCompiler } from "./plugins/response-serializer.js";
import { profilesRoutes } from "./profiles/profiles.routes.js";
import { progressRoutes } from "./progress/progress.routes.js";
import { repositoriesRoutes } from "./repositories/repositories.routes.js";
import { roadmapRoutes } from "./roadmap/roadmap.routes.js";
import { verifiedSkillsRoutes } from "./skills/verified-skills.routes.js";
import { usersRoutes } from "./users/users.routes.js";
import { WEB_ASSETS_DIR, hasWebApp, webAppPlugin } from "./plugins/web-app.js";

export const API_PREFIX = "/api/v1";

export function buildApp(deps: AppDeps): FastifyInstance {
  const { services } = deps;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // lets the graceful shutdown finish in-flight requests while refusing new connections
    return503OnClosing: true,
    forceCloseConnections: "idle",
  });
  app.setValidatorCompiler(validatorCompiler);
  // checks every response against its schema like the library's compiler, by the faster path
  app.setSerializerCompiler(responseSerializerCompiler);
  app.decorateRequest("caller", null);
  // a JSON API: a text/plain body is refused with 415 instead of failing validation as a string
  app.removeContentTypeParser("text/plain");
  registerErrorHandler(app);

  void app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "devladder API",
        description:
          "The backend-developer roadmap as a service: accounts, profile, progress, plan.",
        version: toolVersion(),
      },
      components: {
        securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  void app.register(swaggerUi, { routePrefix: "/docs" });
  // global: false — only the routes that opt in (login, register) are limited
  void app.register(rateLimit, { global: false });

  void app.register(healthRoutes, { services });
  const rateLimitSettings = deps.authRateLimit ?? DEFAULT_AUTH_RATE_LIMIT;
  void app.register(
    async (api) => {
      await api.register(authRoutes, { prefix: "/auth", services, rateLimit: rateLimitSettings });
      await api.register(usersRoutes, { services });
      await api.register(grantsRoutes, { services });
      await api.register(profilesRoutes, { services });
      await api.register(roadmapRoutes, { services });
      await api.register(catalogRoutes, { services });
      await api.register(progressRoutes, { services });
      await api.register(planRoutes, { services });
      await api.register(repositoriesRoutes, { services });
      await api.register(analysesRoutes, { services });
      await api.register(verifiedSkillsRoutes, { services });
      await api.register(endorsementsRoutes, { services });
      await api.register(growthRoutes, { services });
      await api.register(certificationsRoutes, { services });
      await api.register(practiceRoutes, { services });
      await api.register(readinessRoutes, { services });
      await api.register(candidatesRoutes, { services });
      await api.register(meRoutes, { services });
    },
    { prefix: API_PREFIX },
  );
  // the web app, when it has been built (npm run build); the API works the same without it
  if (hasWebApp(WEB_ASSETS_DIR)) void app.register(webAppPlugin, { root: WEB_ASSETS_DIR });
  return app;
}
