/**
 * Databases: relational engines, ORMs, versioned migrations and NoSQL stores.
 *
 * Judgement, per area:
 * - sql_engines: a driver declared in a manifest is enough (drivers are often loaded by name from
 *   configuration: JDBC URLs, Django's ENGINE, Prisma's provider), and so is such configuration
 *   or a Compose service running the engine. Only a driver the application runs with counts on its
 *   own: H2 in Maven's test scope or a Gradle test configuration is the tests' database. The
 *   embedded JVM engines (H2, HSQLDB, Derby) are engines when the application runs on them, as
 *   Spring's samples do.
 * - orms: need use in application code (an import, an entity, a schema file); the manifest line is
 *   added as evidence. A declared but never used ORM is not reported. Without any, data-access
 *   modules (repositories, DAOs, models, db or query modules) that send parameterised SQL are the
 *   data-access layer ("sql-repositories").
 * - migrations: versioned migration files only. Schema auto-sync (`synchronize: true`,
 *   `sequelize.sync()`, `ddl-auto=update`) creates no files and so never counts.
 * - nosql_databases: a client used in application code or configured for the framework; a Compose
 *   image alone is only supporting evidence.
 * - sql_database: any engine or any ORM (every ORM on the list is relational), except EF Core
 *   with no engine but its in-memory provider: that is a list in the process, not a database.
 */
import type { Evidence } from "../../report.js";
import { evidence, type Detector, type ScanContext } from "../../scan-context.js";
import {
  CONFIG_EXTS,
  CS_EXTS,
  JS_EXTS,
  JVM_EXTS,
  PHP_EXTS,
  PY_EXTS,
  RB_EXTS,
  boolSignal,
  code,
  codeOnLine,
  compileRules,
  csUsing,
  esc,
  fileEvidence,
  foundEvidence,
  goImport,
  jsImport,
  jvmImport,
  listSignal,
  named,
  onUncommentedLine,
  phpUse,
  pyImport,
  runRules,
  type Rule,
  type SourcePattern,
} from "./signal-kit.js";

const COMPOSE_NAMES = ["docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"];
const ENV_NAMES = [".env", ".env.example", ".env.sample", ".env.template", ".env.dist"];
const APP_CONFIG = [
  ...CONFIG_EXTS,
  ...PY_EXTS,
  ...JS_EXTS,
  "prisma",
  "env",
  "cs",
  "php",
  "rb",
  "go",
];

/** An engine named in configuration: a URL scheme, a JDBC URL, a dialect or adapter setting. */
const config = (keyword: string, re: RegExp, note: string): SourcePattern =>
  codeOnLine(APP_CONFIG, keyword, onUncommentedLine(re), note);
/**
 * An embedded JVM engine named where the application sets it up: configuration or JVM code
 * (only JVM applications run on these engines, so other languages' files are not searched).
 */
const embedded = (keyword: string, note: string, re?: RegExp): SourcePattern =>
  codeOnLine(
    [...CONFIG_EXTS, ...JVM_EXTS],
    keyword,
    onUncommentedLine(re ?? new RegExp(esc(keyword))),
    note,
  );
/** A Compose service's image, not on a line commented out (`#  image: mysql:8`). */
const composeImage = (re: RegExp, note: string): SourcePattern =>
  named(COMPOSE_NAMES, "image", onUncommentedLine(re), note);

const ENGINE_RULES: readonly Rule[] = [
  {
    id: "postgresql",
    declaredCounts: "runtime",
    deps: [
      "npm:pg",
      "npm:postgres",
      "npm:pg-promise",
      "npm:@neondatabase/serverless",
      "npm:@vercel/postgres",
      "pypi:psycopg2",
      "pypi:psycopg2-binary",
      "pypi:psycopg",
      "pypi:asyncpg",
      "pypi:pg8000",
      "maven:org.postgresql:postgresql",
      "go:github.com/lib/pq",
      "go:github.com/jackc/pgx",
      "go:gorm.io/driver/postgres",
      "gem:pg",
      "nuget:npgsql",
      "nuget:npgsql.entityframeworkcore.postgresql",
    ],
    uses: [
      config(
        "postgres",
        /jdbc:postgresql:|\bpostgres(?:ql)?(?:\+\w+)?:\/\/|django\.db\.backends\.postgresql|provider\s*=\s*"postgresql"|\btype\s*:\s*['"]postgres['"]|\bdialect\s*:\s*['"]postgres['"]|\bclient\s*:\s*['"](?:postgres|postgresql)['"]|\badapter\s*:\s*['"]?postgresql|dialect\s*:\s*['"]postgresql['"]/,
        "PostgreSQL configured",
      ),
      code(JS_EXTS, "pg", /\bclient\s*:\s*['"]pg['"]/, "knex PostgreSQL client"),
      code(
        ["env", ...CONFIG_EXTS, "php"],
        "pgsql",
        /DB_CONNECTION\s*=\s*pgsql|['"]default['"]\s*=>\s*env\(\s*['"]DB_CONNECTION['"]\s*,\s*['"]pgsql['"]/,
        "PostgreSQL connection",
      ),
      named(ENV_NAMES, "pgsql", /DB_CONNECTION\s*=\s*pgsql/, "PostgreSQL connection"),
      code(CS_EXTS, "UseNpgsql", /\bUseNpgsql\s*\(/, "UseNpgsql"),
      composeImage(
        /image:\s*['"]?(?:[\w.-]+\/)*(?:postgres|postgis\/postgis)(?::|['"\s]|$)/m,
        "postgres service",
      ),
    ],
  },
  {
    id: "mysql",
    declaredCounts: "runtime",
    deps: [
      "npm:mysql",
      "npm:mysql2",
      "npm:mariadb",
      "pypi:mysqlclient",
      "pypi:pymysql",
      "pypi:mysql-connector-python",
      "pypi:aiomysql",
      "maven:com.mysql:mysql-connector-j",
      "maven:mysql:mysql-connector-java",
      "maven:org.mariadb.jdbc:mariadb-java-client",
      "go:github.com/go-sql-driver/mysql",
      "go:gorm.io/driver/mysql",
      "gem:mysql2",
      "gem:trilogy",
      "nuget:mysql.data",
      "nuget:mysqlconnector",
      "nuget:pomelo.entityframeworkcore.mysql",
    ],
    uses: [
      config(
        "mysql",
        /jdbc:mysql:|\bmysql(?:\+\w+)?:\/\/|django\.db\.backends\.mysql|provider\s*=\s*"mysql"|\btype\s*:\s*['"](?:mysql|mariadb)['"]|\bdialect\s*:\s*['"](?:mysql|mariadb)['"]|\bclient\s*:\s*['"]mysql2?['"]|\badapter\s*:\s*['"]?mysql2/,
        "MySQL configured",
      ),
      // Rails' trilogy adapter speaks MySQL's protocol; its line need not say "mysql"
      config("trilogy", /\badapter\s*:\s*['"]?trilogy\b/, "MySQL configured (trilogy)"),
      config(
        "mariadb",
        /jdbc:mariadb:|\bmariadb:\/\/|\b(?:type|dialect)\s*:\s*['"]mariadb['"]/,
        "MariaDB configured",
      ),
      named(ENV_NAMES, "mysql", /DB_CONNECTION\s*=\s*(?:mysql|mariadb)/, "MySQL connection"),
      code(CS_EXTS, "UseMySql", /\bUseMySql\s*\(/, "UseMySql"),
      composeImage(/image:\s*['"]?(?:[\w.-]+\/)*(?:mysql|mariadb)(?::|['"\s]|$)/m, "mysql service"),
    ],
  },
  {
    id: "sqlite",
    declaredCounts: "runtime",
    deps: [
      "npm:sqlite3",
      "npm:better-sqlite3",
      "npm:sqlite",
      "npm:@libsql/client",
      "pypi:aiosqlite",
      "maven:org.xerial:sqlite-jdbc",
      "go:github.com/mattn/go-sqlite3",
      "go:modernc.org/sqlite",
      "go:gorm.io/driver/sqlite",
      "go:github.com/glebarez/sqlite",
      "gem:sqlite3",
      "nuget:microsoft.data.sqlite",
      "nuget:microsoft.entityframeworkcore.sqlite",
    ],
    uses: [
      pyImport("sqlite3", "uses sqlite3"),
      config(
        "sqlite",
        /jdbc:sqlite:|\bsqlite:\/\/|django\.db\.backends\.sqlite3|provider\s*=\s*"sqlite"|\btype\s*:\s*['"](?:sqlite|better-sqlite3)['"]|\bdialect\s*:\s*['"]sqlite['"]|\bclient\s*:\s*['"](?:sqlite3|better-sqlite3)['"]|\badapter\s*:\s*['"]?sqlite3/,
        "SQLite configured",
      ),
      named(ENV_NAMES, "sqlite", /DB_CONNECTION\s*=\s*sqlite/, "SQLite connection"),
      code(CS_EXTS, "UseSqlite", /\bUseSqlite\s*\(/, "UseSqlite"),
    ],
  },
  {
    id: "mssql",
    declaredCounts: "runtime",
    deps: [
      "npm:mssql",
      "npm:tedious",
      "pypi:pymssql",
      "pypi:mssql-django",
      "maven:com.microsoft.sqlserver:mssql-jdbc",
      "go:github.com/microsoft/go-mssqldb",
      "go:github.com/denisenkom/go-mssqldb",
      "go:gorm.io/driver/sqlserver",
      "gem:tiny_tds",
      "gem:activerecord-sqlserver-adapter",
      "nuget:microsoft.data.sqlclient",
      "nuget:system.data.sqlclient",
      "nuget:microsoft.entityframeworkcore.sqlserver",
    ],
    uses: [
      config(
        "sqlserver",
        /jdbc:sqlserver:|\bsqlserver:\/\/|\btype\s*:\s*['"]mssql['"]|\bdialect\s*:\s*['"]mssql['"]|provider\s*=\s*"sqlserver"|\badapter\s*:\s*['"]?sqlserver/,
        "SQL Server configured",
      ),
      config(
        "mssql",
        /\bmssql(?:\+\w+)?:\/\/|\btype\s*:\s*['"]mssql['"]|\bdialect\s*:\s*['"]mssql['"]|\bclient\s*:\s*['"]mssql['"]/,
        "SQL Server configured",
      ),
      code(CS_EXTS, "UseSqlServer", /\bUseSqlServer\s*\(/, "UseSqlServer"),
      named(ENV_NAMES, "sqlsrv", /DB_CONNECTION\s*=\s*sqlsrv/, "SQL Server connection"),
      composeImage(/image:\s*['"]?mcr\.microsoft\.com\/mssql\//, "SQL Server service"),
    ],
  },
  {
    id: "oracle",
    declaredCounts: "runtime",
    deps: [
      "npm:oracledb",
      "pypi:cx-oracle",
      "pypi:oracledb",
      "maven:ojdbc8",
      "maven:ojdbc11",
      "maven:ojdbc10",
      "go:github.com/godror/godror",
      "go:github.com/sijms/go-ora",
      "gem:ruby-oci8",
      "gem:activerecord-oracle_enhanced-adapter",
      "nuget:oracle.manageddataaccess.core",
      "nuget:oracle.entityframeworkcore",
    ],
    uses: [
      config(
        "oracle",
        /jdbc:oracle:|\boracle(?:\+\w+)?:\/\/|django\.db\.backends\.oracle|\btype\s*:\s*['"]oracle['"]|\bclient\s*:\s*['"]oracledb['"]/,
        "Oracle configured",
      ),
      code(CS_EXTS, "UseOracle", /\bUseOracle\s*\(/, "UseOracle"),
    ],
  },
  {
    id: "h2",
    declaredCounts: "runtime",
    deps: ["maven:com.h2database:h2", "maven:io.r2dbc:r2dbc-h2"],
    uses: [
      embedded("jdbc:h2:", "H2 JDBC URL"),
      embedded("r2dbc:h2:", "H2 R2DBC URL"),
      embedded("org.h2.Driver", "H2 driver"),
      embedded("H2Dialect", "H2 dialect", /\bH2Dialect\b/),
      embedded("EmbeddedDatabaseType", "embedded H2", /\bEmbeddedDatabaseType\.H2\b/),
    ],
  },
  {
    id: "hsqldb",
    declaredCounts: "runtime",
    deps: ["maven:org.hsqldb:hsqldb", "maven:hsqldb:hsqldb"],
    uses: [
      embedded("jdbc:hsqldb:", "HSQLDB JDBC URL"),
      // org.hsqldb.jdbc.JDBCDriver, and org.hsqldb.jdbcDriver before HSQLDB 2
      embedded("org.hsqldb.jdbc", "HSQLDB driver"),
      embedded("HSQLDialect", "HSQLDB dialect", /\bHSQLDialect\b/),
      embedded("EmbeddedDatabaseType", "embedded HSQLDB", /\bEmbeddedDatabaseType\.HSQL\b/),
    ],
  },
  {
    id: "derby",
    declaredCounts: "runtime",
    deps: ["maven:org.apache.derby:derby", "maven:org.apache.derby:derbyclient"],
    uses: [
      embedded("jdbc:derby:", "Derby JDBC URL"),
      embedded("org.apache.derby.jdbc", "Derby driver"),
      embedded("EmbeddedDatabaseType", "embedded Derby", /\bEmbeddedDatabaseType\.DERBY\b/),
    ],
  },
];

const ORM_RULES: readonly Rule[] = [
  {
    id: "prisma",
    deps: ["npm:prisma", "npm:@prisma/client"],
    uses: [
      code(["prisma"], "datasource", /^\s*datasource\s+\w+\s*\{/m, "Prisma schema"),
      jsImport("@prisma/client"),
    ],
  },
  {
    id: "typeorm",
    deps: ["npm:typeorm", "npm:@nestjs/typeorm"],
    uses: [jsImport("typeorm"), jsImport("@nestjs/typeorm")],
  },
  {
    id: "sequelize",
    deps: ["npm:sequelize", "npm:sequelize-typescript", "npm:@nestjs/sequelize"],
    uses: [jsImport("sequelize"), jsImport("sequelize-typescript"), jsImport("@nestjs/sequelize")],
  },
  {
    id: "mikro-orm",
    deps: ["npm:@mikro-orm/core"],
    uses: [jsImport("@mikro-orm/core"), jsImport("@mikro-orm/nestjs")],
  },
  {
    id: "knex",
    deps: ["npm:knex"],
    uses: [
      jsImport("knex"),
      named(
        ["knexfile.js", "knexfile.ts", "knexfile.cjs", "knexfile.mjs"],
        "client",
        undefined,
        "knexfile",
      ),
    ],
  },
  { id: "drizzle", deps: ["npm:drizzle-orm"], uses: [jsImport("drizzle-orm")] },
  { id: "kysely", deps: ["npm:kysely"], uses: [jsImport("kysely")] },
  {
    id: "django-orm",
    deps: ["pypi:django"],
    uses: [
      code(
        PY_EXTS,
        "models.Model",
        /^\s*class\s+\w+\([^)]*\bmodels\.Model\b[^)]*\)\s*:/m,
        "Django model",
      ),
    ],
  },
  {
    id: "sqlalchemy",
    deps: ["pypi:sqlalchemy", "pypi:flask-sqlalchemy"],
    uses: [pyImport("sqlalchemy"), pyImport("flask_sqlalchemy")],
  },
  { id: "sqlmodel", deps: ["pypi:sqlmodel"], uses: [pyImport("sqlmodel")] },
  {
    id: "jpa-hibernate",
    deps: [
      "maven:spring-boot-starter-data-jpa",
      "maven:hibernate-core",
      "maven:jakarta.persistence-api",
      "nuget:nhibernate",
    ],
    uses: [
      jvmImport("jakarta.persistence"),
      jvmImport("javax.persistence"),
      jvmImport("org.hibernate"),
      jvmImport("org.springframework.data.jpa"),
    ],
  },
  {
    id: "mybatis",
    deps: ["maven:mybatis", "maven:mybatis-spring-boot-starter", "maven:mybatis-plus-boot-starter"],
    uses: [
      jvmImport("org.apache.ibatis"),
      jvmImport("com.baomidou.mybatisplus"),
      code(["xml"], "mybatis.org", /<!DOCTYPE mapper[^>]*mybatis\.org/, "MyBatis mapper"),
    ],
  },
  {
    // Android's SQLite object mapping: @Entity classes, and @Dao interfaces whose @Query SQL Room
    // checks and runs (its `:name` parameters are bound by Room, not hand-written data access).
    id: "room",
    deps: ["maven:androidx.room:room-runtime"],
    uses: [jvmImport("androidx.room")],
  },
  {
    id: "gorm",
    deps: ["go:gorm.io/gorm", "go:github.com/jinzhu/gorm"],
    uses: [goImport("gorm.io/gorm"), goImport("github.com/jinzhu/gorm")],
  },
  {
    id: "bun",
    deps: ["go:github.com/uptrace/bun"],
    uses: [goImport("github.com/uptrace/bun")],
  },
  {
    id: "go-pg",
    deps: ["go:github.com/go-pg/pg"],
    uses: [goImport("github.com/go-pg/pg")],
  },
  {
    id: "ent",
    deps: ["go:entgo.io/ent"],
    uses: [goImport("entgo.io/ent")],
  },
  {
    // Go's SQL query builders, as knex is for Node: queries built in code, not by hand.
    id: "squirrel",
    deps: ["go:github.com/Masterminds/squirrel"],
    uses: [goImport("github.com/Masterminds/squirrel")],
  },
  {
    id: "goqu",
    deps: ["go:github.com/doug-martin/goqu"],
    uses: [goImport("github.com/doug-martin/goqu")],
  },
  {
    // sqlc compiles SQL queries into a typed Go data-access layer. That output is skipped as
    // generated code, so the config that declares the queries is the evidence.
    id: "sqlc",
    uses: [named(["sqlc.yaml", "sqlc.yml", "sqlc.json"], "queries", undefined, "sqlc config")],
  },
  {
    id: "activerecord",
    deps: ["gem:rails", "gem:activerecord"],
    uses: [
      code(RB_EXTS, "ApplicationRecord", /<\s*ApplicationRecord\b/, "Active Record model"),
      code(RB_EXTS, "ActiveRecord::Base", /<\s*ActiveRecord::Base\b/, "Active Record model"),
    ],
  },
  {
    id: "eloquent",
    deps: ["composer:laravel/framework", "composer:illuminate/database"],
    uses: [phpUse("Illuminate\\Database\\Eloquent", "Eloquent model")],
  },
  {
    // Symfony's and API Platform's ORM: entities are mapped with ORM\ attributes or annotations.
    id: "doctrine",
    deps: ["composer:doctrine/orm"],
    uses: [phpUse("Doctrine\\ORM", "Doctrine ORM")],
  },
  {
    id: "ef-core",
    deps: [
      "nuget:microsoft.entityframeworkcore",
      "nuget:microsoft.entityframeworkcore.sqlserver",
      "nuget:npgsql.entityframeworkcore.postgresql",
    ],
    uses: [
      csUsing("Microsoft.EntityFrameworkCore"),
      code(CS_EXTS, "DbContext", /:\s*(?:Identity)?DbContext\b/, "DbContext"),
    ],
  },
  {
    // .NET's micro-ORM: queries written by hand, their parameters bound and rows mapped to objects.
    id: "dapper",
    deps: ["nuget:dapper"],
    uses: [csUsing("Dapper")],
  },
];

const NOSQL_RULES: readonly Rule[] = [
  {
    id: "mongodb",
    deps: [
      "npm:mongoose",
      "npm:mongodb",
      "npm:@nestjs/mongoose",
      "npm:@typegoose/typegoose",
      "npm:@fastify/mongodb",
      "npm:fastify-mongodb",
      "pypi:pymongo",
      "pypi:motor",
      "pypi:mongoengine",
      "pypi:beanie",
      "pypi:djongo",
      "maven:spring-boot-starter-data-mongodb",
      "maven:mongodb-driver-sync",
      "go:go.mongodb.org/mongo-driver",
      "gem:mongoid",
      "gem:mongo",
      "nuget:mongodb.driver",
      "composer:mongodb/mongodb",
    ],
    uses: [
      jsImport("mongoose"),
      jsImport("mongodb"),
      jsImport("@nestjs/mongoose"),
      jsImport("@typegoose/typegoose"),
      jsImport("@fastify/mongodb"),
      jsImport("fastify-mongodb"),
      pyImport("pymongo"),
      pyImport("motor"),
      pyImport("mongoengine"),
      pyImport("beanie"),
      jvmImport("org.springframework.data.mongodb"),
      jvmImport("com.mongodb"),
      goImport("go.mongodb.org/mongo-driver"),
      code(RB_EXTS, "Mongoid::Document", undefined, "Mongoid document"),
      csUsing("MongoDB.Driver"),
      code(
        CONFIG_EXTS,
        "mongodb",
        /spring\.data\.mongodb\.|\bmongodb(?:\+srv)?:\/\//,
        "MongoDB configured",
      ),
    ],
  },
  {
    id: "redis",
    deps: [
      "npm:ioredis",
      "npm:redis",
      "npm:@upstash/redis",
      "npm:@fastify/redis",
      "npm:fastify-redis",
      "pypi:redis",
      "pypi:django-redis",
      "pypi:aioredis",
      "maven:spring-boot-starter-data-redis",
      "maven:jedis",
      "maven:lettuce-core",
      "go:github.com/redis/go-redis",
      "go:github.com/go-redis/redis",
      "go:github.com/gomodule/redigo",
      "gem:redis",
      "nuget:stackexchange.redis",
      "nuget:microsoft.extensions.caching.stackexchangeredis",
      "composer:predis/predis",
    ],
    uses: [
      jsImport("ioredis"),
      jsImport("redis"),
      jsImport("@upstash/redis"),
      jsImport("@fastify/redis"),
      jsImport("fastify-redis"),
      pyImport("redis"),
      pyImport("aioredis"),
      code(PY_EXTS, "django_redis", undefined, "django-redis"),
      jvmImport("org.springframework.data.redis"),
      jvmImport("redis.clients.jedis"),
      jvmImport("io.lettuce"),
      goImport("github.com/redis/go-redis"),
      goImport("github.com/go-redis/redis"),
      goImport("github.com/gomodule/redigo"),
      code(RB_EXTS, "Redis.new", undefined, "Redis client"),
      code(RB_EXTS, "redis_cache_store", undefined, "Redis cache store"),
      // Sidekiq's (or another client's) `config.redis = { url: … }` in an initializer.
      codeOnLine(
        RB_EXTS,
        "config.redis",
        onUncommentedLine(/\bconfig\.redis\s*=/),
        "Redis configured",
      ),
      csUsing("StackExchange.Redis"),
      code(CS_EXTS, "AddStackExchangeRedisCache", undefined, "Redis cache"),
      code(PHP_EXTS, "Redis::", /\bRedis::\w+\(/, "Redis facade"),
      {
        ...code(
          CONFIG_EXTS,
          "redis",
          // Not on a comment line (a CI file's commented-out Redis service).
          onUncommentedLine(/spring\.(?:data\.)?redis\.|\brediss?:\/\//),
          "Redis configured",
        ),
        // Every new Rails app's Action Cable config names a Redis URL for production.
        skipNames: ["cable.yml"],
      },
      named(
        ENV_NAMES,
        "redis",
        /^(?:CACHE_DRIVER|CACHE_STORE|SESSION_DRIVER|QUEUE_CONNECTION)\s*=\s*redis/m,
        "Redis configured",
      ),
    ],
  },
  {
    id: "dynamodb",
    deps: [
      "npm:@aws-sdk/client-dynamodb",
      "npm:@aws-sdk/lib-dynamodb",
      "npm:dynamoose",
      "pypi:pynamodb",
      "maven:dynamodb",
      "maven:dynamodb-enhanced",
      "go:github.com/aws/aws-sdk-go-v2/service/dynamodb",
      "nuget:awssdk.dynamodbv2",
    ],
    uses: [
      jsImport("@aws-sdk/client-dynamodb"),
      jsImport("@aws-sdk/lib-dynamodb"),
      jsImport("dynamoose"),
      pyImport("pynamodb"),
      code(PY_EXTS, "dynamodb", /\.(?:resource|client)\(\s*['"]dynamodb['"]/, "boto3 DynamoDB"),
      jvmImport("software.amazon.awssdk.services.dynamodb"),
      jvmImport("com.amazonaws.services.dynamodbv2"),
      goImport("github.com/aws/aws-sdk-go-v2/service/dynamodb"),
      goImport("github.com/aws/aws-sdk-go/service/dynamodb"),
      csUsing("Amazon.DynamoDBv2"),
    ],
  },
  {
    id: "cassandra",
    deps: [
      "npm:cassandra-driver",
      "pypi:cassandra-driver",
      "maven:spring-boot-starter-data-cassandra",
      "maven:java-driver-core",
      "go:github.com/gocql/gocql",
    ],
    uses: [
      jsImport("cassandra-driver"),
      pyImport("cassandra"),
      jvmImport("com.datastax"),
      jvmImport("org.springframework.data.cassandra"),
      goImport("github.com/gocql/gocql"),
    ],
  },
  {
    id: "elasticsearch",
    deps: [
      "npm:@elastic/elasticsearch",
      "pypi:elasticsearch",
      "pypi:elasticsearch-dsl",
      "maven:spring-boot-starter-data-elasticsearch",
      "maven:elasticsearch-java",
      "go:github.com/elastic/go-elasticsearch",
      "gem:elasticsearch",
      "gem:searchkick",
      "nuget:elastic.clients.elasticsearch",
      "nuget:nest",
    ],
    uses: [
      jsImport("@elastic/elasticsearch"),
      pyImport("elasticsearch"),
      pyImport("elasticsearch_dsl"),
      jvmImport("org.springframework.data.elasticsearch"),
      jvmImport("co.elastic.clients"),
      goImport("github.com/elastic/go-elasticsearch"),
      code(RB_EXTS, "searchkick", undefined, "searchkick"),
      csUsing("Elastic.Clients.Elasticsearch"),
      csUsing("Nest"),
    ],
  },
];

const NOSQL_IMAGES: Readonly<Record<string, RegExp>> = {
  mongodb: onUncommentedLine(/image:\s*['"]?(?:[\w.-]+\/)*mongo(?:db)?(?::|['"\s]|$)/),
  redis: onUncommentedLine(/image:\s*['"]?(?:[\w.-]+\/)*(?:redis|valkey)(?::|['"\s]|$)/),
  cassandra: onUncommentedLine(/image:\s*['"]?(?:[\w.-]+\/)*cassandra(?::|['"\s]|$)/),
  elasticsearch: onUncommentedLine(/image:\s*['"]?(?:[\w.-]+\/)*elasticsearch(?::|['"\s]|$)/),
  dynamodb: onUncommentedLine(/image:\s*['"]?amazon\/dynamodb-local/),
};

/**
 * Versioned migration files, by tool: a path pattern on application files and, where the path
 * alone could be something else, a word the file must hold.
 */
const MIGRATION_PATHS: readonly (readonly [RegExp, string, string?])[] = [
  [/(^|\/)prisma\/migrations\/[^/]+\/migration\.sql$/, "Prisma migration"],
  [/(^|\/)migrations\/\d{4}_\w+\.py$/, "Django migration"],
  // Alembic's script_location can be any folder (alembic.ini names it); revisions sit in versions/.
  [/(^|\/)versions\/[\w-]+\.py$/, "Alembic revision", "down_revision"],
  [/(^|\/)V\d+(?:[._]\d+)*__\w[^/]*\.(?:sql|java|kt)$/, "Flyway migration"],
  [
    /(^|\/)(?:db|liquibase)\/changelog\/[^/]+\.(?:xml|ya?ml|json|sql)$|(^|\/)db\.changelog-master\.(?:xml|ya?ml|json)$|(^|\/)liquibase\/master\.xml$/,
    "Liquibase changelog",
  ],
  // Dropwizard's MigrationsBundle reads its Liquibase changelog from migrations.xml by default.
  [/(^|\/)resources\/migrations\.(?:xml|ya?ml|json)$/, "Liquibase changelog", "databaseChangeLog"],
  [/(^|\/)db\/migrate\/\d+_\w+\.rb$/, "Rails migration"],
  [/(^|\/)database\/migrations\/\d{4}_\d{2}_\d{2}_\d{6}_\w+\.php$/, "Laravel migration"],
  // Doctrine Migrations: migrations/Version20240101120000.php, classes extending AbstractMigration.
  [/(^|\/)[Mm]igrations\/Version\d{14}\.php$/, "Doctrine migration", "AbstractMigration"],
  [/(^|\/)Migrations\/\d{14}_\w+\.cs$/, "EF Core migration"],
  // EF Core migrations renamed without their timestamp: the class says what it is.
  [/(^|\/)Migrations\/\w+\.cs$/, "EF Core migration", "MigrationBuilder"],
  [/(^|\/)\d+_[\w-]+\.(?:up|down)\.sql$/, "golang-migrate migration"],
  // Postgrator (Fastify's demo, Platformatic): 001.do.users.sql, and 001.undo.users.sql to revert.
  [/(^|\/)\d+\.(?:do|undo)(?:\.[\w-]+)*\.(?:sql|js|cjs|mjs)$/, "Postgrator migration"],
  [/(^|\/)drizzle\/\d{4}_[\w-]+\.sql$|(^|\/)drizzle\/meta\/_journal\.json$/, "Drizzle migration"],
  // Numbered files in a migrations folder, also one named for its database (db_migrations/,
  // sql-migrations/): 001_create_homes.sql, 2024-01-05_add_index.sql, and umzug's
  // ISO-timestamped 2022.10.07T13.49.19.users.sql (Slonik's migrator).
  [
    /(^|\/)(?:[\w-]*[_-])?migrations?\/(?:(?:V?\d{3,}|\d{4}-\d{2}-\d{2})[_-]|\d{4}\.\d{2}\.\d{2}T\d{2}\.\d{2}\.\d{2}\.)[\w.-]*\.(?:sql|ts|js|mjs|cjs|py|go)$/,
    "versioned migration",
  ],
];

const engines = compileRules(ENGINE_RULES);
const orms = compileRules(ORM_RULES);
const nosql = compileRules(NOSQL_RULES);

export const databasesDetector: Detector = {
  id: "signals/databases",
  detect(ctx) {
    const engineFound = foundEvidence(runRules(ctx, engines));
    dropOtherImagesDatabases(ctx, engineFound);
    const ormFound = foundEvidence(runRules(ctx, orms));
    if (ormFound.size === 0) {
      const repositories = sqlRepositories(ctx);
      if (repositories.length > 0) ormFound.set(SQL_REPOSITORIES, repositories);
    }
    const nosqlResults = runRules(ctx, nosql);
    const nosqlFound = foundEvidence(nosqlResults);
    addComposeSupport(ctx, nosqlFound);

    const sqlEngines = listSignal(engineFound);
    const ormList = listSignal(ormFound);
    const sqlEvidence: Evidence[] = onlyEfCoreInMemory(ctx, engineFound, ormFound)
      ? []
      : [...sqlEngines.evidence, ...ormList.evidence];
    const migrations = findMigrations(ctx);
    return {
      signals: {
        sql_database: boolSignal(sqlEvidence),
        sql_engines: sqlEngines,
        orms: ormList,
        migrations: boolSignal(migrations),
        nosql_databases: listSignal(nosqlFound),
      },
    };
  },
};

/**
 * Without an ORM or query builder, a hand-written data-access layer counts (as
 * "sql-repositories"): SQL statements with bound parameters sent from a module whose job is data
 * access, not from route handlers. One rule for every language:
 * - the module is named for data access by a folder along its path or by its own name
 *   (`repositories/`, `UserDao.java`, `models/user.js`, `db.py`, `queries.ts`, `crud.py`,
 *   `services/`, which hold the queries when there is no repository layer), and nothing in its
 *   path names a route handler (`routes/`, `controllers/`, `handlers/`, `views/`, `endpoints/`)
 *   or a database setup script (`db/migrate.js`, `seeds/`, `init-db.js`);
 * - JavaScript/TypeScript, JVM and Python: the module holds a statement string that reaches a
 *   placeholder (`$1`, `?`, `%s`, `%(name)s`, `:name`) and sends SQL itself (`.query(`,
 *   `.execute(`, `.fetchrow(`, `@Query(`). A module of statement constants that route handlers
 *   run is not the layer: the database access is still in the handlers.
 * - Go, whose usual data-access layer is no ORM: a query or statement run with arguments
 *   (`db.QueryRow(q, id)`), in a repository that uses database/sql, pgx or sqlx.
 */
const SQL_REPOSITORIES = "sql-repositories";
/** Folder or file names, split on `/ . _ -`, and camel-case names (`UserDao.java`, `userModel.js`). */
const DATA_ACCESS_PATH = [
  /repositor(?:y|ies)|(?:^|[/._-])(?:daos?|dal|repos?|models?|modelos?|quer(?:y|ies)|db|database|data|store|stores|storage|persistence|services?|crud|postgres|postgresql|mysql|sqlite)(?:[/._-]|$)/i,
  /[a-z](?:Dao|Model|Queries|Service|Store)s?\./,
];
/**
 * Route handlers, and the scripts that set the database up (a migration runner, seeding, an
 * init-db script that creates the tables and inserts an admin): neither is the layer the
 * application reads and writes its data through.
 */
const NOT_DATA_ACCESS_PATH = [
  /(?:^|[/._-])(?:routes?|routers?|controllers?|handlers?|views?|endpoints?|migrat\w*|seed\w*|init[-_]?db|db[-_]?init|setup)(?:[/._-]|$)/i,
  /[a-z](?:Routes?|Router|Controller|Handler|View|Endpoint)s?\./,
];
const namedFor = (path: string, res: readonly RegExp[]) => res.some((re) => re.test(path));
/**
 * A string that starts with an SQL statement (its keyword in capitals or in lower case, not "Delete
 * from cart?"; a lower-case `select` only with its `from`, not "select a size?") and reaches a
 * placeholder: `$1`, `?`, `%s`, `%(name)s` or `:name` (a `::int` cast is not one).
 */
const PARAMETERISED_SQL =
  /['"`]\s*(?:SELECT|select\s[^'"`$?%:]*?\bfrom|INSERT\s+INTO|insert\s+into|UPDATE|update\s+\w+\s+set|DELETE\s+FROM|delete\s+from|WITH)\s(?:[^'"`$?%:]|::|%(?![s(])|:(?![A-Za-z_:]))*(?:\$\d|\?|%s|%\(\w+\)s|:[A-Za-z_])/g;
/**
 * A statement in an `sql` tagged template, whose `${value}`s the tag binds as parameters
 * (Slonik's sql`…` and sql.type(schema)`…`, postgres.js, @vercel/postgres); an untagged template
 * would paste the values into the SQL.
 */
const TAGGED_SQL =
  /\bsql(?:\.\w+\([^()`]{0,80}\))?`\s*(?:SELECT|select|INSERT|insert|UPDATE|update|DELETE|delete|WITH|with)\s[^`]{0,400}?\$\{/;
/** postgres.js and @vercel/postgres send the tagged statement themselves: `await sql`…``. */
const SENDS_TAGGED_SQL = /\bawait\s+sql`/;
/** A call that sends a statement: pg/mysql2/sqlite, psycopg/sqlite3/asyncpg, JDBC, Spring Data. */
const SENDS_SQL =
  /(?:\.|@)(?:[Qq]uery\w*|execute\w*|exec|prepare\w*|run|all|get|one|many|any|none|oneOrNone|manyOrNone|fetch\w*|update|batchUpdate)\s*\(/;
/**
 * A database/sql (or pgx, sqlx) query or statement run with arguments: db.QueryRow(q, id), or
 * with a context first, as pgx always takes one: db.Query(ctx, q, id),
 * db.QueryRow(context.Background(), q, id), db.Exec(r.Context(), q, id).
 */
const GO_PARAMETERISED_QUERY =
  /\.(?:Query|QueryRow|Exec)(?:Context)?\s*\(\s*(?:(?:ctx|context\.(?:Background|TODO)\(\)|[\w.]{1,60}\.Context\(\))\s*,\s*)?(?:[\w.]+|"[^"\n]*"|`[^`]*`)\s*,\s*[\w&.]/;
const SQL_MODULE_EXTS = [...JS_EXTS, ...JVM_EXTS, ...PY_EXTS];
const MAX_REPOSITORY_EVIDENCE = 3;

function sqlRepositories(ctx: ScanContext): Evidence[] {
  const out: Evidence[] = [];
  const goDriver = ctx.files.some(
    (f) =>
      f.role === "app" &&
      f.ext === "go" &&
      (f.text.includes('"database/sql"') ||
        f.text.includes('"github.com/jackc/pgx') ||
        f.text.includes('"github.com/jmoiron/sqlx"')),
  );
  for (const file of ctx.files) {
    if (out.length >= MAX_REPOSITORY_EVIDENCE) break;
    if (file.role !== "app") continue;
    const isGo = file.ext === "go";
    if (isGo ? !goDriver : !SQL_MODULE_EXTS.includes(file.ext)) continue;
    if (!namedFor(file.path, DATA_ACCESS_PATH) || namedFor(file.path, NOT_DATA_ACCESS_PATH))
      continue;
    if (isGo) {
      const m = GO_PARAMETERISED_QUERY.exec(file.text);
      if (m) out.push(evidence(file, m.index + 1, "parameterised SQL in a data-access module"));
      continue;
    }
    PARAMETERISED_SQL.lastIndex = 0;
    const m = PARAMETERISED_SQL.exec(file.text);
    if (m && SENDS_SQL.test(file.text)) {
      out.push(evidence(file, m.index, "parameterised SQL in a data-access module"));
      continue;
    }
    const tagged =
      JS_EXTS.includes(file.ext) && file.text.includes("sql") ? TAGGED_SQL.exec(file.text) : null;
    if (tagged && (SENDS_SQL.test(file.text) || SENDS_TAGGED_SQL.test(file.text))) {
      out.push(evidence(file, tagged.index, "tagged SQL template in a data-access module"));
    }
  }
  return out;
}

/**
 * EF Core is the only ORM, no engine is configured, and the context uses the in-memory provider
 * (`UseInMemoryDatabase("TestDb")`, common in tutorials and samples).
 */
function onlyEfCoreInMemory(
  ctx: ScanContext,
  engineFound: ReadonlyMap<string, Evidence[]>,
  ormFound: ReadonlyMap<string, Evidence[]>,
): boolean {
  if (engineFound.size > 0 || ormFound.size !== 1 || !ormFound.has("ef-core")) return false;
  return ctx.files.some(
    (file) =>
      file.role === "app" &&
      file.ext === "cs" &&
      file.text.includes("UseInMemoryDatabase") &&
      /\bUseInMemoryDatabase\s*\(/.test(file.text),
  );
}

/**
 * A Compose file that builds nothing from the repository (no `build:`) runs other people's
 * images: a CLI's test Jira server with its PostgreSQL, say. An engine seen only there, with no
 * driver, URL or setting in the repository itself, is that image's database, not the code's. (A
 * Compose file that only starts the database for local development still counts beside the
 * driver the application declares.)
 */
function dropOtherImagesDatabases(ctx: ScanContext, found: Map<string, Evidence[]>): void {
  const foreign = new Set<string>();
  for (const file of ctx.files) {
    if (
      file.role === "app" &&
      COMPOSE_NAMES.includes(file.name) &&
      !/^\s+build\s*:/m.test(file.text)
    )
      foreign.add(file.path);
  }
  if (foreign.size === 0) return;
  for (const [id, list] of found) {
    if (list.every((e) => foreign.has(e.file))) found.delete(id);
  }
}

/** A Compose service running a store the code already uses adds that service as evidence. */
function addComposeSupport(ctx: ScanContext, found: Map<string, Evidence[]>): void {
  for (const file of ctx.files) {
    if (file.role !== "app" || !COMPOSE_NAMES.includes(file.name)) continue;
    for (const [id, re] of Object.entries(NOSQL_IMAGES)) {
      const list = found.get(id);
      if (!list) continue;
      const m = re.exec(file.text);
      if (m) list.push(evidence(file, m.index, `${id} service`));
    }
  }
}

function findMigrations(ctx: ScanContext): Evidence[] {
  const out: Evidence[] = [];
  for (const file of ctx.files) {
    if (file.role !== "app") continue;
    const hit = MIGRATION_PATHS.find(
      ([re, , word]) => re.test(file.path) && (word === undefined || file.text.includes(word)),
    );
    if (hit) out.push(fileEvidence(file, hit[1]));
    if (out.length >= 5) break;
  }
  return out;
}
