import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { databasesDetector } from "./detect-databases.js";

const detect = (files: Record<string, string>) =>
  databasesDetector.detect(scanContextFrom(files)).signals;

describe("databasesDetector", () => {
  it("takes a Go repository package running parameterised database/sql queries for a data-access layer", () => {
    const repo = {
      "go.mod": "module todo\n\nrequire github.com/go-sql-driver/mysql v1.9.3\n",
      "internal/config/database.go":
        'package config\n\nimport (\n\t"database/sql"\n\t_ "github.com/go-sql-driver/mysql"\n)\n\nfunc Open() (*sql.DB, error) { return sql.Open("mysql", dsn) }\n',
      "internal/repository/todo_repository.go":
        "package repository\n\nfunc (r *TodoRepository) Get(ctx context.Context, id uint64) error {\n\tquery := `SELECT id FROM todos WHERE id = ?`\n\treturn r.DB.QueryRowContext(ctx, query, id).Scan(&t.ID)\n}\n",
    };
    expect(detect(repo)?.orms).toEqual({
      value: ["sql-repositories"],
      evidence: [
        {
          file: "internal/repository/todo_repository.go",
          line: 5,
          note: "parameterised SQL in a data-access module",
        },
      ],
    });
    // SQL built into a handler, or run without arguments, is no data-access layer
    expect(
      detect({
        ...repo,
        "internal/repository/todo_repository.go":
          'package repository\n\nfunc (r *TodoRepository) All() { r.DB.Query("SELECT * FROM todos") }\n',
        "internal/handlers/todo.go":
          'package handlers\n\nfunc Get(c *gin.Context) { db.QueryRow("SELECT * FROM todos WHERE id = " + id, nil) }\n',
      })?.orms?.value,
    ).toEqual([]);
  });

  it("takes pgx queries given a context.Background() or a request's context first for a data-access layer", () => {
    for (const call of [
      "t.db.QueryRow(context.Background(), sql,\n\t\t&todo.UserId, &todo.Todo)",
      "t.db.Query(c.Request.Context(), sql, userId)",
    ]) {
      const found = detect({
        "go.mod": "module todo\n\nrequire github.com/jackc/pgx/v5 v5.5.0\n",
        "src/shared/databases/database.go":
          'package databases\n\nimport "github.com/jackc/pgx/v5"\n\ntype DB interface{ Query() }\n',
        "src/todo/repositories/todo_repository.go": `package repositories\n\nfunc (t *todoRepository) Find(userId int64) error {\n\tvar sql = \`SELECT id FROM todos WHERE user_id = $1\`\n\t_, err := ${call}\n\treturn err\n}\n`,
      });
      expect(found?.orms?.value, call).toEqual(["sql-repositories"]);
    }
  });

  it("does not take TypeORM schema auto-sync for migrations", () => {
    const signals = detect({
      "package.json": '{ "dependencies": { "typeorm": "^0.3.20", "pg": "^8.11.0" } }',
      "src/data-source.ts":
        "import { DataSource } from 'typeorm';\nexport const db = new DataSource({ type: 'postgres', synchronize: true });\n",
    });
    expect(signals?.migrations).toEqual({ value: false, evidence: [] });
    expect(signals?.orms?.value).toEqual(["typeorm"]);
    expect(signals?.sql_engines?.value).toEqual(["postgresql"]);
    expect(signals?.sql_database?.value).toBe(true);
  });

  it("counts repository classes that send parameterised SQL as a data-access layer", () => {
    const signals = detect({
      "package.json": '{ "dependencies": { "pg": "^8.11.0" } }',
      "src/repositories/PostRepository.ts": [
        "export class PostRepository {",
        "  async getById(id: number) {",
        "    const res = await this.db.query(",
        "      'SELECT * FROM posts WHERE id = $1',",
        "      [id],",
        "    );",
        "    return res.rows[0];",
        "  }",
        "}",
        "",
      ].join("\n"),
      "src/dao/UserDao.java":
        'class UserDao {\n  User find(long id) {\n    return jdbc.queryForObject("SELECT * FROM users WHERE id = ?", mapper, id);\n  }\n}\n',
      // SQL in a route handler, or without bound parameters, is no data-access layer
      "src/routes/posts.ts":
        "router.get('/', (req, res) => db.query('SELECT * FROM posts WHERE id = $1', [1]));\n",
      "src/repositories/stats.ts":
        "export const count = () => db.query('SELECT count(*) FROM posts');\n",
    });
    expect(signals?.orms).toEqual({
      value: ["sql-repositories"],
      evidence: [
        {
          file: "src/repositories/PostRepository.ts",
          line: 4,
          note: "parameterised SQL in a data-access module",
        },
        {
          file: "src/dao/UserDao.java",
          line: 3,
          note: "parameterised SQL in a data-access module",
        },
      ],
    });
    expect(signals?.sql_database?.value).toBe(true);
  });

  it("counts Node models, db and services modules that send parameterised SQL, not route handlers or statement constants", () => {
    const repo = {
      "package.json": '{ "dependencies": { "pg": "^8.11.0", "mysql2": "^3.9.0" } }',
      "src/models/userModel.js":
        "const pool = require('../db');\nexports.findById = async (id) => {\n  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);\n  return rows[0];\n};\n",
      // mysql2's named placeholders, lower-case SQL
      "src/services/todo.service.ts":
        "export const remove = (id: number) =>\n  db.execute('delete from todos where id = :id', { id });\n",
      "src/db/queries.js":
        "export const save = (t) =>\n  pool.execute(\n    `UPDATE todos SET title = ? WHERE id = ?`,\n    [t.title, t.id],\n  );\n",
    };
    expect(detect(repo)?.orms).toEqual({
      value: ["sql-repositories"],
      evidence: [
        {
          file: "src/models/userModel.js",
          line: 3,
          note: "parameterised SQL in a data-access module",
        },
        {
          file: "src/services/todo.service.ts",
          line: 2,
          note: "parameterised SQL in a data-access module",
        },
        { file: "src/db/queries.js", line: 3, note: "parameterised SQL in a data-access module" },
      ],
    });
    expect(
      detect({
        "package.json": repo["package.json"],
        // SQL in a route handler or controller is no data-access layer
        "src/controllers/userController.js":
          "exports.get = async (req, res) => res.json(await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]));\n",
        "src/db/userRoutes.js":
          "router.get('/:id', (req, res) => pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]));\n",
        // statement constants that the controllers run: the access is still in the handlers
        "src/services/songs.services.ts":
          "export const SongsServices = {\n  GET_SONG: 'SELECT * FROM songs WHERE id = $1',\n};\n",
        // interpolated values are not bound parameters; a UI string is not SQL
        "src/models/report.js":
          "exports.byUser = (id) => pool.query(`SELECT * FROM reports WHERE user_id = ${id}`);\nconst label = 'Delete from cart?';\n",
        "src/services/sizes.js":
          "export const ask = () => ({ prompt: 'select a size?', sizes: api.get('/sizes') });\n",
      })?.orms?.value,
    ).toEqual([]);
  });

  it("does not take a database setup script (migration runner, seeding, init-db) for a data-access layer", () => {
    expect(
      detect({
        "package.json": '{ "dependencies": { "pg": "^8.11.0", "mysql2": "^3.9.0" } }',
        "db/migrate.js":
          "const insertPatchRan = `INSERT INTO migrations (filename) VALUES ($1)`;\nawait db.none(insertPatchRan, [file]);\n",
        "server/src/config/init-db.js":
          "await pool.query(`INSERT INTO clients (id, email) VALUES (?, ?)`, [adminId, email]);\n",
        "src/db/seeds/users.js":
          "await pool.query('INSERT INTO users (email) VALUES ($1)', ['admin@example.com']);\n",
      })?.orms?.value,
    ).toEqual([]);
  });

  it("counts Python data-access modules that run parameterised SQL with sqlite3, psycopg or asyncpg", () => {
    const signals = detect({
      "requirements.txt": "flask\npsycopg2-binary\nasyncpg\n",
      "db.py":
        'import sqlite3\n\ndef get_task(task_id):\n    conn = sqlite3.connect("tasks.db")\n    return conn.execute("SELECT * FROM tasks WHERE id = ?", (task_id,)).fetchone()\n',
      "app/modelos/usuario.py":
        'def por_id(db, id_usuario):\n    cursor = db.cursor()\n    consulta = """\n        SELECT id_usuario, nombre FROM usuarios WHERE id_usuario=%s\n    """\n    cursor.execute(consulta, (id_usuario,))\n',
      "app/repository.py":
        'async def get_user(conn, id):\n    return await conn.fetchrow("SELECT id::text, email FROM users WHERE id = $1", id)\n',
    });
    expect(signals?.orms).toEqual({
      value: ["sql-repositories"],
      evidence: [
        { file: "db.py", line: 5, note: "parameterised SQL in a data-access module" },
        {
          file: "app/modelos/usuario.py",
          line: 3,
          note: "parameterised SQL in a data-access module",
        },
        { file: "app/repository.py", line: 2, note: "parameterised SQL in a data-access module" },
      ],
    });
    expect(signals?.sql_engines?.value).toEqual(["postgresql", "sqlite"]);
    // SQL run in a Flask route or a FastAPI router is no data-access layer
    expect(
      detect({
        "requirements.txt": "flask\npsycopg2-binary\n",
        "app.py":
          '@app.get("/tasks/<int:id>")\ndef get_task(id):\n    cur.execute("SELECT * FROM tasks WHERE id = %s", (id,))\n',
        "app/routers/todos.py":
          '@router.get("/{id}")\ndef get(id: int):\n    return cur.execute("select * from todos where id=%s", [id]).fetchone()\n',
        "controllers/base_controller.py":
          'def get_by_id(self, record_id):\n    cursor.execute("SELECT * FROM records WHERE id = %s", (record_id,))\n',
      })?.orms?.value,
    ).toEqual([]);
  });

  it("does not add hand-written repositories beside an ORM", () => {
    const signals = detect({
      "package.json": '{ "dependencies": { "typeorm": "^0.3.20" } }',
      "src/user.repository.ts":
        "import { Repository } from 'typeorm';\nexport const raw = (r: Repository<User>) => r.query('SELECT * FROM users WHERE id = $1', [1]);\n",
    });
    expect(signals?.orms?.value).toEqual(["typeorm"]);
  });

  it("takes a Slonik repository's tagged SQL templates for a data-access layer, and umzug's timestamped migrations", () => {
    const repo = {
      "package.json":
        '{ "dependencies": { "slonik": "^31.0.0", "@slonik/migrator": "^0.11.0" } }\n',
      "src/libs/db/sql-repository.base.ts":
        "import { DatabasePool, sql } from 'slonik';\n\nexport abstract class SqlRepositoryBase {\n  async findOneById(id: string) {\n    const query = sql.type(this.schema)`SELECT * FROM ${sql.identifier([this.tableName])} WHERE id = ${id}`;\n    return this.pool.query(query);\n  }\n}\n",
      "database/migrations/2022.10.07T13.49.19.users.sql": 'CREATE TABLE "users" ("id" uuid);\n',
    };
    const signals = detect(repo);
    expect(signals?.orms).toEqual({
      value: ["sql-repositories"],
      evidence: [
        {
          file: "src/libs/db/sql-repository.base.ts",
          line: 5,
          note: "tagged SQL template in a data-access module",
        },
      ],
    });
    expect(signals?.migrations?.evidence).toEqual([
      {
        file: "database/migrations/2022.10.07T13.49.19.users.sql",
        line: 0,
        note: "versioned migration",
      },
    ]);
    // an untagged template pastes the value into the SQL: no bound parameter
    expect(
      detect({
        "src/db/users.ts":
          "export const find = (id: string) => pool.query(`SELECT * FROM users WHERE id = ${id}`);\n",
      })?.orms?.value,
    ).toEqual([]);
  });

  it("takes numbered SQL files in a migrations folder named for its database for versioned migrations", () => {
    const signals = detect({
      "requirements.txt": "fastapi\nasyncpg\n",
      "db_migrations/001_create_homes.sql": "CREATE TABLE homes (id serial PRIMARY KEY);\n",
      "db_migrations/002_create_users.sql": "CREATE TABLE users (id serial PRIMARY KEY);\n",
    });
    expect(signals?.migrations).toEqual({
      value: true,
      evidence: [
        { file: "db_migrations/001_create_homes.sql", line: 0, note: "versioned migration" },
        { file: "db_migrations/002_create_users.sql", line: 0, note: "versioned migration" },
      ],
    });
    // a schema dump, or a folder that only ends in "migrations" as part of a word, is not one
    expect(
      detect({
        "sql/schema.sql": "CREATE TABLE users (id serial);\n",
        "nomigrations/001_x.sql": "CREATE TABLE x (id serial);\n",
      })?.migrations?.value,
    ).toBe(false);
  });

  it("takes Android's Room for an ORM, not its DAOs' @Query SQL for hand-written repositories", () => {
    const signals = detect({
      "core-database/src/main/kotlin/app/database/PokemonDao.kt": [
        "package app.database",
        "",
        "import androidx.room.Dao",
        "import androidx.room.Query",
        "",
        "@Dao",
        "interface PokemonDao {",
        '  @Query("SELECT * FROM Pokemon WHERE page = :page_")',
        "  suspend fun getPokemonList(page_: Int): List<PokemonEntity>",
        "}",
        "",
      ].join("\n"),
    });
    expect(signals?.orms).toEqual({
      value: ["room"],
      evidence: [
        {
          file: "core-database/src/main/kotlin/app/database/PokemonDao.kt",
          line: 3,
          note: "imports androidx.room",
        },
      ],
    });
  });

  it("points a declared driver at its manifest line", () => {
    const signals = detect({
      "package.json": '{\n  "dependencies": {\n    "mysql2": "^3.9.0"\n  }\n}\n',
    });
    expect(signals?.sql_engines).toEqual({
      value: ["mysql"],
      evidence: [{ file: "package.json", line: 3, note: "declares mysql2" }],
    });
  });

  it("finds engines, ORMs and migrations across stacks", () => {
    const signals = detect({
      "go.mod":
        "module example.com/shop\n\nrequire (\n\tgorm.io/gorm v1.25.0\n\tgorm.io/driver/postgres v1.5.0\n)\n",
      "internal/db.go": 'package db\n\nimport "gorm.io/gorm"\n',
      "migrations/000001_create_orders.up.sql": "CREATE TABLE orders (id serial);\n",
      Gemfile: "gem 'rails'\ngem 'sqlite3'\n",
      "app/models/post.rb": "class Post < ApplicationRecord\nend\n",
    });
    expect(signals?.sql_engines?.value).toEqual(["postgresql", "sqlite"]);
    expect(signals?.orms?.value).toEqual(["activerecord", "gorm"]);
    expect(signals?.migrations?.value).toBe(true);
  });

  it("finds the embedded JVM engines a Spring app runs on: H2, HSQLDB and Derby", () => {
    const signals = detect({
      "pom.xml": `<project><dependencies>
  <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><scope>runtime</scope></dependency>
</dependencies></project>
`,
      "src/main/resources/application-hsql.properties":
        "spring.datasource.url=jdbc:hsqldb:mem:petclinic\n",
      "src/main/java/shop/DataConfig.java":
        "class DataConfig {\n  DataSource ds() {\n    return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.DERBY).build();\n  }\n}\n",
    });
    expect(signals?.sql_engines).toEqual({
      value: ["derby", "h2", "hsqldb"],
      evidence: [
        { file: "src/main/java/shop/DataConfig.java", line: 3, note: "embedded Derby" },
        { file: "pom.xml", line: 2, note: "declares com.h2database:h2" },
        {
          file: "src/main/resources/application-hsql.properties",
          line: 1,
          note: "HSQLDB JDBC URL",
        },
      ],
    });
    expect(signals?.sql_database?.value).toBe(true);
  });

  it("does not take an embedded engine from a commented-out URL", () => {
    const signals = detect({
      "src/main/resources/META-INF/microprofile-config.properties":
        "#ds.url=jdbc:h2:mem:test\nds.url=jdbc:hsqldb:mem:petclinic\n",
      "src/main/java/shop/Db.java":
        "// new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)\n",
    });
    expect(signals?.sql_engines).toEqual({
      value: ["hsqldb"],
      evidence: [
        {
          file: "src/main/resources/META-INF/microprofile-config.properties",
          line: 2,
          note: "HSQLDB JDBC URL",
        },
      ],
    });
  });

  it("does not take any engine from a commented-out URL or setting", () => {
    const signals = detect({
      "src/main/resources/application.properties":
        "#spring.datasource.url=jdbc:postgresql://localhost/shop\nspring.datasource.url=jdbc:mysql://localhost/shop\n",
      "config/database.ts": "export default {\n  // client: 'sqlite3',\n  client: 'pg',\n};\n",
    });
    expect(signals?.sql_engines).toEqual({
      value: ["mysql", "postgresql"],
      evidence: [
        { file: "src/main/resources/application.properties", line: 2, note: "MySQL configured" },
        { file: "config/database.ts", line: 3, note: "knex PostgreSQL client" },
      ],
    });
  });

  it("takes Rails' trilogy adapter for MySQL", () => {
    const signals = detect({
      "config/database.yml": "default: &default\n  adapter: trilogy\n  pool: 5\n",
    });
    expect(signals?.sql_engines?.value).toEqual(["mysql"]);
  });

  it("does not take a test-scoped driver for the application's engine", () => {
    const maven = detect({
      "pom.xml": `<project><dependencies>
  <dependency>
    <groupId>com.h2database</groupId>
    <artifactId>h2</artifactId>
    <scope>test</scope>
  </dependency>
</dependencies></project>
`,
      "src/test/resources/application.properties": "spring.datasource.url=jdbc:h2:mem:test\n",
    });
    expect(maven?.sql_engines).toEqual({ value: [], evidence: [] });
    expect(maven?.sql_database).toEqual({ value: false, evidence: [] });

    const gradle = detect({
      "build.gradle":
        "dependencies {\n  runtimeOnly 'org.postgresql:postgresql'\n  testRuntimeOnly 'com.h2database:h2'\n}\n",
      "package.json": '{ "devDependencies": { "better-sqlite3": "^11.0.0" } }',
    });
    expect(gradle?.sql_engines?.value).toEqual(["postgresql"]);
  });

  it("finds Alembic revisions and Liquibase changelogs wherever their tools keep them", () => {
    const revision =
      '"""add incidents"""\nfrom alembic import op\n\nrevision = "3f9a1c2d"\ndown_revision = None\n';
    expect(
      detect({ "src/app/database/revisions/core/versions/2024-01-02_3f9a1c2d.py": revision })
        ?.migrations,
    ).toEqual({
      value: true,
      evidence: [
        {
          file: "src/app/database/revisions/core/versions/2024-01-02_3f9a1c2d.py",
          line: 0,
          note: "Alembic revision",
        },
      ],
    });
    // JHipster keeps Liquibase changelogs under config/liquibase/.
    expect(
      detect({
        "src/main/resources/config/liquibase/changelog/00000000000000_initial_schema.xml":
          "<databaseChangeLog/>\n",
      })?.migrations?.value,
    ).toBe(true);
    // An API package's versions/ folder holds modules, not migrations.
    expect(
      detect({ "src/api/versions/v2.py": "from fastapi import APIRouter\n" })?.migrations?.value,
    ).toBe(false);
  });

  it("finds Postgrator's numbered do/undo scripts, and not other numbered SQL files", () => {
    expect(
      detect({
        "migrations/001.do.accounts.sql": "CREATE TABLE accounts (id INT);\n",
        "migrations/001.undo.accounts.sql": "DROP TABLE accounts;\n",
      })?.migrations,
    ).toEqual({
      value: true,
      evidence: [
        { file: "migrations/001.do.accounts.sql", line: 0, note: "Postgrator migration" },
        { file: "migrations/001.undo.accounts.sql", line: 0, note: "Postgrator migration" },
      ],
    });
    expect(
      detect({ "sql/001.seed.accounts.sql": "INSERT INTO accounts VALUES (1);\n" })?.migrations
        ?.value,
    ).toBe(false);
  });

  it("takes Dapper for a data-access library, also after a byte order mark and as a global using", () => {
    const found = detect({
      "src/Api/Api.csproj":
        '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Dapper" Version="2.1.35" />\n    <PackageReference Include="Microsoft.Data.Sqlite" Version="8.0.0" />\n  </ItemGroup>\n</Project>\n',
      "src/Api/GlobalUsing.cs": "\uFEFFglobal using Dapper;\n",
      "src/Api/Data/UserRepository.cs":
        'public sealed class UserRepository\n{\n    public Task<User?> Find(IDbConnection db, string name) =>\n        db.QuerySingleOrDefaultAsync<User>("SELECT * FROM users WHERE username = @name", new { name });\n}\n',
    });
    expect(found?.orms?.value).toEqual(["dapper"]);
    expect(found?.orms?.evidence[0]).toEqual({
      file: "src/Api/GlobalUsing.cs",
      line: 1,
      note: "uses Dapper",
    });
  });

  it("does not call EF Core's in-memory provider a relational database", () => {
    const context =
      "using Microsoft.EntityFrameworkCore;\npublic class ShopContext : DbContext\n{\n}\n";
    const inMemory = detect({
      "Data/ShopContext.cs": context,
      "Program.cs":
        'builder.Services.AddDbContext<ShopContext>(o => o.UseInMemoryDatabase("Shop"));\n',
    });
    expect(inMemory?.sql_database).toEqual({ value: false, evidence: [] });
    expect(inMemory?.orms?.value).toEqual(["ef-core"]);
    // In-memory for tests, SQL Server in the app: a relational database.
    const sqlServer = detect({
      "Data/ShopContext.cs": context,
      "Program.cs":
        'builder.Services.AddDbContext<ShopContext>(o => o.UseSqlServer(cs));\nif (testing) o.UseInMemoryDatabase("t");\n',
    });
    expect(sqlServer?.sql_database?.value).toBe(true);
    expect(sqlServer?.sql_engines?.value).toEqual(["mssql"]);
  });

  it("counts Fastify's MongoDB and Redis plugins as NoSQL clients", () => {
    const signals = detect({
      "index.js":
        "fastify.register(require('@fastify/mongodb'), { url });\nfastify.register(require('fastify-redis'), { host });\n",
    });
    expect(signals?.nosql_databases?.value).toEqual(["mongodb", "redis"]);
  });

  it("finds Go's bun, go-pg and ent, and EF Core migrations renamed without a timestamp", () => {
    const signals = detect({
      "db/bun.go": 'package db\n\nimport "github.com/uptrace/bun"\n',
      "db/pg.go": 'package db\n\nimport "github.com/go-pg/pg/v10"\n',
      "ent/client.go": 'package ent\n\nimport "entgo.io/ent/dialect"\n',
      "Infrastructure/Migrations/InitialCreate.cs":
        "public partial class InitialCreate : Migration\n{\n    protected override void Up(MigrationBuilder migrationBuilder) { }\n}\n",
    });
    expect(signals?.orms?.value).toEqual(["bun", "ent", "go-pg"]);
    expect(signals?.migrations?.value).toBe(true);
  });

  it("finds Doctrine ORM entities and Doctrine Migrations' versioned classes", () => {
    const signals = detect({
      "api/composer.json": '{\n  "require": {\n    "doctrine/orm": "^3.1"\n  }\n}\n',
      "api/src/Entity/Book.php":
        "<?php\nnamespace App\\Entity;\n\nuse Doctrine\\ORM\\Mapping as ORM;\n\n#[ORM\\Entity]\nclass Book {}\n",
      "api/migrations/Version20230906094949.php":
        "<?php\nuse Doctrine\\Migrations\\AbstractMigration;\n\nfinal class Version20230906094949 extends AbstractMigration {}\n",
      // a class named like a migration that is none
      "api/src/Migrations/Version20230906094950.php":
        "<?php\nfinal class Version20230906094950 {}\n",
    });
    expect(signals?.orms?.value).toEqual(["doctrine"]);
    expect(signals?.orms?.evidence[0]).toEqual({
      file: "api/src/Entity/Book.php",
      line: 4,
      note: "Doctrine ORM",
    });
    expect(signals?.migrations?.evidence).toEqual([
      { file: "api/migrations/Version20230906094949.php", line: 0, note: "Doctrine migration" },
    ]);
  });

  it("finds Go's query builders squirrel and goqu", () => {
    const signals = detect({
      "go.mod":
        "module example.com/app\n\nrequire (\n\tgithub.com/Masterminds/squirrel v1.5.4\n\tgithub.com/doug-martin/goqu/v9 v9.19.0\n)\n",
      "repositories/org.go":
        'package repositories\n\nimport (\n\tsq "github.com/Masterminds/squirrel"\n)\n',
      "repositories/user.go": 'package repositories\n\nimport "github.com/doug-martin/goqu/v9"\n',
    });
    expect(signals?.orms?.value).toEqual(["goqu", "squirrel"]);
    expect(signals?.orms?.evidence).toContainEqual({
      file: "repositories/org.go",
      line: 4,
      note: "imports github.com/Masterminds/squirrel",
    });
  });

  it("does not report an ORM that is declared but never used", () => {
    const signals = detect({
      "package.json": '{ "dependencies": { "sequelize": "^6.0.0" } }',
      "src/index.js": "console.log('hi');\n",
    });
    expect(signals?.orms?.value).toEqual([]);
    expect(signals?.sql_database?.value).toBe(false);
  });

  it("does not take the Redis URL every new Rails app's cable.yml names for Redis use", () => {
    const cable =
      'production:\n  adapter: redis\n  url: <%= ENV.fetch("REDIS_URL") { "redis://localhost:6379/1" } %>\n';
    expect(detect({ "config/cable.yml": cable })?.nosql_databases?.value).toEqual([]);
    expect(
      detect({ "config/sidekiq.yml": ":redis:\n  url: redis://cache:6379/0\n" })?.nosql_databases
        ?.value,
    ).toEqual(["redis"]);
  });

  it("does not take a commented-out Redis URL in a CI file for Redis use", () => {
    const ci = (line: string) => `jobs:\n  test:\n    env:\n      RAILS_ENV: test\n${line}\n`;
    expect(
      detect({ ".github/workflows/ci.yml": ci("      # REDIS_URL: redis://localhost:6379/0") })
        ?.nosql_databases?.value,
    ).toEqual([]);
    expect(
      detect({ ".github/workflows/ci.yml": ci("      REDIS_URL: redis://localhost:6379/0") })
        ?.nosql_databases?.value,
    ).toEqual(["redis"]);
    // `!` comments a .properties line out, as `#` does
    expect(
      detect({ "src/main/resources/application.properties": "! spring.redis.host=cache\n" })
        ?.nosql_databases?.value,
    ).toEqual([]);
  });

  it("takes Sidekiq's config.redis in a Ruby initializer for Redis use, not a commented one", () => {
    const initializer = (body: string) => `Sidekiq.configure_server do |config|\n${body}\nend\n`;
    const url = "config.redis = { url: ENV.fetch('REDIS_URL', 'redis://localhost:6379/1') }";
    expect(
      detect({ "config/initializers/sidekiq.rb": initializer(`  ${url}`) })?.nosql_databases?.value,
    ).toEqual(["redis"]);
    expect(
      detect({ "config/initializers/sidekiq.rb": initializer(`  # ${url}`) })?.nosql_databases
        ?.value,
    ).toEqual([]);
    const oneLine = `Sidekiq.configure_client { |config| ${url} }\n`;
    expect(
      detect({ "config/initializers/sidekiq.rb": oneLine })?.nosql_databases?.evidence,
    ).toContainEqual({ file: "config/initializers/sidekiq.rb", line: 1, note: "Redis configured" });
  });

  it("does not take a database seen only in a Compose file that builds nothing from the repository", () => {
    const compose = [
      "services:",
      "  jira:",
      "    image: atlassian/jira-software:9",
      "    environment:",
      "      - 'JIRA_DATABASE_URL=postgresql://jira@postgresql/jira'",
      "  postgresql:",
      "    image: postgres:12-alpine",
      "",
    ].join("\n");
    const cli = detect({ "docker-compose.yml": compose, "main.go": "package main\n" });
    expect(cli?.sql_database).toEqual({ value: false, evidence: [] });
    // Beside a service built from the repository, or a driver the code declares, it counts.
    const built = compose.replace("  postgresql:", "  api:\n    build: .\n  postgresql:");
    expect(detect({ "docker-compose.yml": built })?.sql_engines?.value).toEqual(["postgresql"]);
    expect(
      detect({
        "docker-compose.yml": compose,
        "package.json": '{"dependencies": {"pg": "^8"}}',
      })?.sql_engines?.value,
    ).toEqual(["postgresql"]);
  });

  it("needs a NoSQL client in code; a Compose image only adds evidence", () => {
    const onlyCompose = detect({
      "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n",
    });
    expect(onlyCompose?.nosql_databases?.value).toEqual([]);
    const used = detect({
      "docker-compose.yml": "services:\n  mongo:\n    image: mongo:7\n",
      "src/db.ts": "import mongoose from 'mongoose';\n",
    });
    expect(used?.nosql_databases?.value).toEqual(["mongodb"]);
    expect(used?.nosql_databases?.evidence).toContainEqual({
      file: "docker-compose.yml",
      line: 3,
      note: "mongodb service",
    });
  });

  it("does not take a commented-out Compose image for a database service", () => {
    const compose =
      "services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n#  mysql:\n#    image: mysql:8\n#  mongo:\n    # image: mongo:7\n";
    const found = detect({
      "docker-compose.yml": compose,
      "src/db.ts": "import mongoose from 'mongoose';\nimport { Pool } from 'pg';\n",
    });
    expect(found?.sql_engines?.value).toEqual(["postgresql"]);
    expect(found?.sql_engines?.evidence).toContainEqual({
      file: "docker-compose.yml",
      line: 5,
      note: "postgres service",
    });
    expect(found?.nosql_databases?.evidence).not.toContainEqual(
      expect.objectContaining({ file: "docker-compose.yml" }),
    );
  });

  it("ignores database code in examples and tests", () => {
    const signals = detect({
      "examples/todo/db.js": "const { Pool } = require('pg');\nconst knex = require('knex');\n",
      "test/db.test.ts": "import { PrismaClient } from '@prisma/client';\n",
    });
    expect(signals?.sql_database?.value).toBe(false);
    expect(signals?.orms?.value).toEqual([]);
  });

  it("takes sqlc's config for the data-access layer it generates", () => {
    expect(
      detect({
        "sqlc.yaml":
          'version: "2"\nsql:\n  - schema: "db/migration"\n    queries: "db/query"\n    engine: "postgresql"\n',
      })?.orms,
    ).toEqual({ value: ["sqlc"], evidence: [{ file: "sqlc.yaml", line: 4, note: "sqlc config" }] });
  });

  it("finds the Liquibase changelog Dropwizard's MigrationsBundle reads from migrations.xml", () => {
    const changelog =
      '<?xml version="1.0"?>\n<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">\n</databaseChangeLog>\n';
    expect(
      detect({ "server/src/main/resources/migrations.xml": changelog })?.migrations?.evidence,
    ).toEqual([
      { file: "server/src/main/resources/migrations.xml", line: 0, note: "Liquibase changelog" },
    ]);
    expect(
      detect({ "server/src/main/resources/migrations.xml": "<config><step/></config>\n" })
        ?.migrations?.value,
    ).toBe(false);
  });
});
