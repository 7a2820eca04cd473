import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { detectPythonStack } from "./index.js";

const frameworkIds = (files: Record<string, string>) =>
  (detectPythonStack(scanContextFrom(files)).frameworks ?? []).map((f) => f.id);

describe("Python frameworks", () => {
  it("finds Flask-smorest beside Flask, from its import or its declaration", () => {
    expect(
      frameworkIds({
        "requirements.txt": "flask==3.0.0\n",
        "app.py":
          "from flask import Flask\nfrom flask_smorest import Api, Blueprint\n\napp = Flask(__name__)\napi = Api(app)\n",
      }),
    ).toEqual(["flask", "flask-smorest"]);
    expect(
      frameworkIds({
        "requirements.txt": "Flask==3.0.0\nflask-smorest==0.44.0\n",
        "app.py": "from flask import Flask\n\napp = Flask(__name__)\n",
      }),
    ).toEqual(["flask", "flask-smorest"]);
    expect(
      frameworkIds({ "app.py": "from flask import Flask\nfrom flask_restx import Api\n" }),
    ).toEqual(["flask"]);
  });
});
