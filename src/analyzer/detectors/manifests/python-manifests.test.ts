import { describe, expect, it } from "vitest";
import { scanContextFrom, sourceFile } from "../../test-support/scan-context-from.js";
import type { DeclaredDependency } from "./declared-dependency.js";
import {
  pythonProjectNames,
  parseRequirementsTxt,
  parseSetupCfg,
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

  it("keeps reading an array after a requirement with extras", () => {
    const file = sourceFile(
      "pyproject.toml",
      `[project]
dependencies = [
    "uvicorn[standard]>=0.30",
    "pydantic-settings>=2.5",
]
`,
    );
    expect(brief(parseTomlManifest(file))).toEqual([
      ["uvicorn", "prod", 3],
      ["pydantic-settings", "prod", 4],
    ]);
  });

  it("reads a requirement given by direct reference, but no bare URL or VCS link", () => {
    const file = sourceFile(
      "requirements.txt",
      `mysqlclient @ https://example.com/mysqlclient-2.2.4.tar.gz
git+https://github.com/example/lib.git#egg=lib
https://example.com/wheels/tool-1.0-py3-none-any.whl
./vendor/local-package
`,
    );
    expect(brief(parseRequirementsTxt(file))).toEqual([["mysqlclient", "prod", 1]]);
  });

  it("reads PEP 735 groups and the uv, Hatch and PDM development lists as dev", () => {
    const file = sourceFile(
      "pyproject.toml",
      `[project]
name = "svc"
dependencies = ["fastapi"]

[dependency-groups]
test = ["pytest>=8", { include-group = "lint" }]
lint = [
    "ruff",
]

[tool.uv]
dev-dependencies = ["pytest-cov"]

[tool.hatch.envs.types]
extra-dependencies = ["mypy"]

[tool.pdm.dev-dependencies]
docs = ["mkdocs"]

[build-system]
requires = ["hatchling"]
`,
    );
    expect(brief(parseTomlManifest(file))).toEqual([
      ["fastapi", "prod", 3],
      ["pytest", "dev", 6],
      ["ruff", "dev", 8],
      ["pytest-cov", "dev", 12],
      ["mypy", "dev", 15],
      ["mkdocs", "dev", 18],
    ]);
  });

  it("reads a Poetry dependency with several constraints once, by its name", () => {
    const file = sourceFile(
      "pyproject.toml",
      `[tool.poetry.dependencies]
redis = [
    { version = "5.0", python = ">=3.12" },
    { version = "4.6", python = "<3.12" },
]
flask = "^3.0"
`,
    );
    expect(brief(parseTomlManifest(file))).toEqual([
      ["redis", "prod", 2],
      ["flask", "prod", 6],
    ]);
  });

  it("reads tests_require and the extras_require groups of setup.py, and no other strings", () => {
    const file = sourceFile(
      "setup.py",
      `from setuptools import setup

setup(
    name="svc",
    install_requires=["uvicorn[standard]", "sqlalchemy"],
    tests_require=["pytest"],
    extras_require={
        "postgres": ["psycopg2"],
        "dev": ["black"],
    },
    classifiers=["License :: OSI Approved :: MIT License"],
    entry_points={"console_scripts": ["svc=svc.cli:main"]},
)
`,
    );
    expect(brief(parseSetupPy(file))).toEqual([
      ["uvicorn", "prod", 5],
      ["sqlalchemy", "prod", 5],
      ["pytest", "dev", 6],
      ["psycopg2", "prod", 8],
      ["black", "dev", 9],
    ]);
  });

  it("reads setup.cfg install_requires, tests_require and extras", () => {
    const file = sourceFile(
      "setup.cfg",
      `[metadata]
name = svc

[options]
packages = find:
install_requires =
    Django>=5.0
    # the cache
    django-redis ; python_version >= "3.11"
tests_require = pytest

[options.extras_require]
postgres =
    psycopg2
docs = sphinx
`,
    );
    expect(brief(parseSetupCfg(file))).toEqual([
      ["django", "prod", 7],
      ["django-redis", "prod", 9],
      ["pytest", "dev", 10],
      ["psycopg2", "prod", 14],
      ["sphinx", "dev", 15],
    ]);
  });

  it("reads every text file with requirements in its path as a requirements file", () => {
    const ctx = scanContextFrom({
      "dev-requirements.txt": "black\n",
      "tools/lint_requirements.txt": "ruff\n",
      "requirements/base.txt": "django\n",
      "constraints.txt": "urllib3<2\n",
    });
    expect(
      brief(readPythonDependencies(ctx)).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ["black", "dev", 1],
      ["django", "prod", 1],
      ["ruff", "dev", 1],
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
