import { describe, expect, it } from "vitest";
import { centralFirst } from "./evidence-order.js";

const at = (file: string) => ({ file, line: 1 });

describe("centralFirst", () => {
  it("cites the application before its scripts, console commands, data migrations and seeds", () => {
    const evidence = [
      at("app/Console/Commands/ImportProducts.php"),
      at("app/Http/Controllers/ProductController.php"),
      at("prisma/migrations/20240101_hash_passwords/migration.ts"),
      at("experiments/try_pydantic.py"),
      at("src/routes/users.ts"),
    ];
    expect(centralFirst(evidence).map((e) => e.file)).toEqual([
      "app/Http/Controllers/ProductController.php",
      "src/routes/users.ts",
      "app/Console/Commands/ImportProducts.php",
      "prisma/migrations/20240101_hash_passwords/migration.ts",
      "experiments/try_pydantic.py",
    ]);
  });

  it("keeps the order when every place is of one kind", () => {
    const migrations = [at("db/migrations/002.sql"), at("db/migrations/001.sql")];
    expect(centralFirst(migrations)).toBe(migrations);
    const app = [at("src/b.ts"), at("src/a.ts")];
    expect(centralFirst(app)).toBe(app);
  });
});
