/**
 * caching: the app caches data or responses: a cache library or framework cache, Redis written
 * with an expiry, or HTTP caching headers with a positive max-age set by the app.
 *
 * Decisions: `functools.lru_cache`, `useMemo` and similar in-process memoisation are not service
 * caching and do not count; neither does Redis used only as a queue or session store, nor
 * `Cache-Control: no-store` (which turns caching off).
 */
import type { Detector } from "../../scan-context.js";
import {
  CONFIG_EXTS,
  CS_EXTS,
  GO_EXTS,
  JS_EXTS,
  JVM_EXTS,
  PHP_EXTS,
  PY_EXTS,
  RB_EXTS,
  boolSignal,
  code,
  compileRules,
  flatEvidence,
  goImport,
  jsImport,
  jvmImport,
  pyImport,
  runBackendRules,
  type Rule,
} from "./signal-kit.js";

const HTTP_CACHE =
  /Cache-Control['"]?\s*[,:=]\s*['"`][^'"`]*(?:max-age=[1-9]|s-maxage=[1-9]|public)/i;

/** A value stored, then given a time to live within the next few lines (`set(k, v)`, `expire(k, ttl)`). */
const SET_THEN_EXPIRE = /\.set\s*\([^\n]*\n(?:[^\n]*\n){0,3}?[^\n]*?\.expire\s*\(/;

const RULES: readonly Rule[] = [
  {
    id: "node",
    deps: [
      "npm:node-cache",
      "npm:lru-cache",
      "npm:cache-manager",
      "npm:@nestjs/cache-manager",
      "npm:apicache",
      "npm:keyv",
      "npm:@fastify/caching",
    ],
    uses: [
      jsImport("node-cache"),
      jsImport("lru-cache"),
      jsImport("cache-manager"),
      jsImport("@nestjs/cache-manager"),
      jsImport("apicache"),
      jsImport("keyv"),
      jsImport("@fastify/caching"),
      jsImport("memory-cache"),
      code(JS_EXTS, "CacheModule", undefined, "NestJS CacheModule"),
      code(
        JS_EXTS,
        "EX",
        /\.set\s*\([^)]*['"]EX['"]|\.set\s*\([^)]*\{\s*EX\s*:/,
        "Redis with expiry",
      ),
      code(JS_EXTS, ".set", /\.(?:setex|setEx)\s*\(/, "Redis with expiry"),
      code(JS_EXTS, "expire", SET_THEN_EXPIRE, "Redis with expiry"),
      code(JS_EXTS, "ache-", HTTP_CACHE, "HTTP cache headers"),
    ],
  },
  {
    id: "python",
    deps: [
      "pypi:cachetools",
      "pypi:flask-caching",
      "pypi:fastapi-cache2",
      "pypi:aiocache",
      "pypi:django-redis",
    ],
    uses: [
      code(PY_EXTS, "CACHES", /^CACHES\s*=\s*\{(?![^}]*DummyCache)/m, "Django CACHES"),
      code(
        PY_EXTS,
        "cache",
        /\bcache_page\s*\(|^\s*from\s+django\.core\.cache\s+import\s+cache\b|\bcache\.(?:get_or_set|set)\s*\(/m,
        "Django cache",
      ),
      pyImport("cachetools"),
      pyImport("flask_caching"),
      pyImport("fastapi_cache"),
      pyImport("aiocache"),
      code(
        PY_EXTS,
        "ex",
        /\.(?:setex)\s*\(|\.set\s*\((?:[^()]|\([^()]*\))*\bex\s*=/,
        "Redis with expiry",
      ),
      code(PY_EXTS, "expire", SET_THEN_EXPIRE, "Redis with expiry"),
      code(PY_EXTS, "ache-", HTTP_CACHE, "HTTP cache headers"),
    ],
  },
  {
    id: "jvm",
    deps: ["maven:spring-boot-starter-cache", "maven:caffeine", "maven:ehcache"],
    uses: [
      // "Cach" is in every alternative, where "@" is in nearly every Java file.
      code(JVM_EXTS, "Cach", /@(?:Cacheable|EnableCaching|CachePut|CacheEvict)\b/, "Spring cache"),
      jvmImport("com.github.benmanes.caffeine"),
      jvmImport("org.ehcache"),
      jvmImport("javax.cache"),
      code(JVM_EXTS, "CacheControl", /\bCacheControl\.maxAge\s*\(/, "HTTP cache headers"),
      code(
        CONFIG_EXTS,
        "spring.cache",
        /spring\.cache\.type\s*[=:]\s*(?!none)\w/,
        "Spring cache config",
      ),
    ],
  },
  {
    id: "go",
    deps: [
      "go:github.com/patrickmn/go-cache",
      "go:github.com/dgraph-io/ristretto",
      "go:github.com/allegro/bigcache",
      "go:github.com/hashicorp/golang-lru",
      "go:github.com/eko/gocache",
    ],
    uses: [
      goImport("github.com/patrickmn/go-cache"),
      goImport("github.com/dgraph-io/ristretto"),
      goImport("github.com/allegro/bigcache"),
      goImport("github.com/hashicorp/golang-lru"),
      goImport("github.com/eko/gocache"),
      code(
        GO_EXTS,
        ".Set",
        /\.Set(?:EX|Ex|NX)\s*\(|\.Set\s*\(\s*(?:ctx|c|context\.\w+\(\s*\)|\w*[Cc]tx)\s*,[^,]+,[^,]+,\s*(?!0\s*\))[\w.*]+\s*\)/,
        "Redis with expiry",
      ),
      code(GO_EXTS, "ache-", HTTP_CACHE, "HTTP cache headers"),
    ],
  },
  {
    id: "ruby",
    uses: [
      code(
        RB_EXTS,
        "cache",
        /\bRails\.cache\.|\bcaches_action\b|\bfresh_when\b|\bstale\?\s*\(/,
        "Rails cache",
      ),
      // A controller's Cache-Control helper (`expires_in 1.day, public: true`), not the
      // `expires_in:` option of a cache or token call.
      code(
        RB_EXTS,
        "expires_in",
        /^[ \t]*expires_in[ \t(]+\d|\bhttp_cache_forever\b/m,
        "HTTP cache headers",
      ),
      // A cache store set for real: not commented out, not :null_store, not Rails 8's
      // generated :solid_cache_store line, and not in the development and test environments,
      // where `rails new` writes one (the dev:cache toggle). Real use shows in Rails.cache calls.
      {
        ...code(
          RB_EXTS,
          "cache_store",
          /^[ \t]*config\.cache_store[ \t]*=[ \t]*(?![ \t]|:(?:null|solid_cache)_store\b)/m,
          "Rails cache store",
        ),
        skipNames: ["development.rb", "test.rb"],
      },
    ],
  },
  {
    id: "php",
    uses: [
      code(
        PHP_EXTS,
        "ache",
        /\bCache::\w+\s*\(|\bcache\(\)->\w+\s*\(|->remember(?:Forever)?\s*\(/,
        "Laravel cache",
      ),
    ],
  },
  {
    id: "dotnet",
    deps: [
      "nuget:microsoft.extensions.caching.stackexchangeredis",
      "nuget:microsoft.extensions.caching.hybrid",
    ],
    uses: [
      code(
        CS_EXTS,
        "Cache",
        /\bI(?:Memory|Distributed)Cache\b|\bAdd(?:MemoryCache|DistributedMemoryCache|StackExchangeRedisCache|OutputCache|ResponseCaching|HybridCache)\s*\(|\[(?:OutputCache|ResponseCache)\b|\bHybridCache\b/,
        "ASP.NET cache",
      ),
    ],
  },
];

const compiled = compileRules(RULES);

export const cachingDetector: Detector = {
  id: "signals/caching",
  detect(ctx) {
    return { signals: { caching: boolSignal(flatEvidence(runBackendRules(ctx, compiled))) } };
  },
};
