import { describe, expect, it } from "vitest";
import { ConstantTable } from "./jvm-constants.js";

/** A table of other files' constants that counts how often it is asked for. */
function projectTable() {
  const project = new ConstantTable();
  project.addFile(
    'public final class ApiPaths {\n  public static final String USERS = "/api/users";\n}\n',
  );
  const asked = { count: 0 };
  return {
    asked,
    fallback: () => {
      asked.count++;
      return project;
    },
  };
}

describe("ConstantTable", () => {
  it("resolves its own file's constants, then another file's by class or static import", () => {
    const { fallback } = projectTable();
    const table = new ConstantTable(fallback);
    table.addFile('class UserTests {\n  static final String BASE = "/base";\n}\n');
    expect(table.evaluate('BASE + "/x"')).toEqual({ value: "/base/x", resolved: true });
    expect(table.evaluate('ApiPaths.USERS + "/me"')).toEqual({
      value: "/api/users/me",
      resolved: true,
    });
    expect(table.evaluate("USERS")).toEqual({ value: "/api/users", resolved: true });
  });

  it("asks for other files' constants only for names written as constants are", () => {
    const { asked, fallback } = projectTable();
    const table = new ConstantTable(fallback);
    table.addFile("class UserTests {}\n");
    table.evaluate('relativeUri + "/x"');
    table.evaluate("url");
    expect(asked.count).toBe(0);
    table.evaluate("USERS");
    expect(asked.count).toBe(1);
  });
});
