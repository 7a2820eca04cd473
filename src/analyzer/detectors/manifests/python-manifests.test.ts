import { describe, expect, it } from "vitest";
import { scanContextFrom, sourceFile } from "../../test-support/scan-context-from.js";
import type { DeclaredDependency } from "./declared-dependency.js";
import {
  pythonProjectNames,
  parseRequirementsTxt,
  parseSetupPy,
  parseTomlManifest,
  readPythonDependencies,
} from "./python-manifests.js";

const brief = (deps: readonly DeclaredDependency[]) => deps.map((d) => [d.name, d.scope, d.line]);

describe("Python manifests", () => {
  it("reads requirement names, skipping comments, options and URLs", () => {
    const file = sourceFile(
      "requirements.txt",
      `# web
Django>=5.0,<6  # the framework
-r base.txt
--index-url https://pypi.example.com/simple
djangorestframework[markdown]==3.15.2
git+https://github.com/example/lib.git#egg=lib
psycopg_binary ; python_version >= "3.11"
`,
    );
    expect(brief(parseRequirementsTxt(file))).toEqual([
      ["django", "prod", 2],
      ["djangorestframework", "prod", 5],
      ["psycopg-binary", "prod", 7],
    ]);
  });

  it("treats requirements files named for development as dev dependencies", () => {
    const file = sourceFile("requirements/dev.txt", "pytest==8.3.3\n");
    expect(brief(parseRequirementsTxt(file))).toEqual([["pytest", "dev", 1]]);
  });

  it("reads PEP 621 dependencies across lines and optional groups", () => {
    const file = sourceFile(
      "pyproject.toml",
      `[project]
name = "svc"
dependencies = [
    "fastapi>=0.115",  # web
    'SQLAlchemy[asyncio]>=2',
]

[project.optional-dependencies]
dev = ["pytest>=8", "httpx"]
postgres = ["asyncpg"]

[tool.ruff]
line-length = 100
`,
    );
    expect(brief(parseTomlManifest(file))).toEqual([
      ["fastapi", "prod", 4],
      ["sqlalchemy", "prod", 5],
      ["pytest", "dev", 9],
      ["httpx", "dev", 9],
      ["asyncpg", "prod", 10],
    ]);
  });

  it("reads Poetry dependency tables and groups, leaving out python itself", () => {
    const file = sourceFile(
      "pyproject.toml",
      `[tool.poetry.dependencies]
python = "^3.12"
Flask = "^3.0"
flask-sqlalchemy = { version = "^3.1" }

[tool.poetry.group.dev.dependencies]
pytest = "^8.0"
`,
    );
    expect(brief(parseTomlManifest(file))).toEqual([
      ["flask", "prod", 3],
      ["flask-sqlalchemy", "prod", 4],
      ["pytest", "dev", 7],
    ]);
  });

  it("reads Pipfile packages and dev-packages", () => {
    const file = sourceFile(
      "Pipfile",
      `[[source]]
url = "https://pypi.org/simple"

[packages]
django = "*"

[dev-packages]
black = "*"
`,
    );
    expect(brief(parseTomlManifest(file))).toEqual([
      ["django", "prod", 5],
      ["black", "dev", 8],
    ]);
  });

  it("reads install_requires from setup.py", () => {
    const file = sourceFile(
      "setup.py",
      `from setuptools import setup

setup(
    name="tool",
    install_requires=[
        "flask>=2",
        "requests",
    ],
)
`,
    );
    expect(brief(parseSetupPy(file))).toEqual([
      ["flask", "prod", 6],
      ["requests", "prod", 7],
    ]);
  });

  it("collects the application's manifests and ignores those of examples", () => {
    const ctx = scanContextFrom({
      "requirements.txt": "flask\n",
      "backend/pyproject.toml": '[project]\ndependencies = ["django"]\n',
      "examples/demo/requirements.txt": "fastapi\n",
      "README.md": "flask\n",
    });
    expect(
      readPythonDependencies(ctx)
        .map((d) => `${d.file.path}:${d.name}`)
        .sort(),
    ).toEqual(["backend/pyproject.toml:django", "requirements.txt:flask"]);
  });

  it("names the projects the repository publishes, normalised", () => {
    const ctx = scanContextFrom({
      "pyproject.toml": '[build-system]\nrequires = ["flit_core"]\n\n[project]\nname = "Flask"\n',
      "plugins/setup.py": 'from setuptools import setup\nsetup(name="flask_extra")\n',
    });
    expect([...pythonProjectNames(ctx)].sort()).toEqual(["flask", "flask-extra"]);
  });
});
