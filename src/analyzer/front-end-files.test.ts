import { describe, expect, it } from "vitest";
import { secretsDetector } from "./detectors/signals/detect-secrets.js";
import { frontEndFiles } from "./front-end-files.js";
import { scanContextFrom } from "./test-support/scan-context-from.js";

const pkg = (deps: Record<string, string>, devDeps: Record<string, string> = {}): string =>
  JSON.stringify({ dependencies: deps, devDependencies: devDeps });

/** The front-end files among the given ones, sorted. */
const frontEnd = (files: Record<string, string>): string[] =>
  [...frontEndFiles(scanContextFrom(files))].sort();

describe("frontEndFiles", () => {
  it("takes a web client's package whole, and no file of the backend beside it", () => {
    expect(
      frontEnd({
        "backend/pyproject.toml": '[project]\nname = "api"\n',
        "backend/app/main.py": "from fastapi import FastAPI\n",
        "backend/app/settings.js": "module.exports = { port: process.env.PORT };\n",
        "frontend/package.json": pkg({ react: "^18.3.1", "react-dom": "^18.3.1" }),
        "frontend/.env": "VITE_API_URL=http://localhost:8000\n",
        "frontend/nginx.conf": "server { listen 80; }\n",
        "frontend/src/api.ts": "export const base = import.meta.env.VITE_API_URL;\n",
        "frontend/src/App.tsx": "export const App = () => <main />;\n",
        // a server language is never front-end, even inside a web client's folder
        "frontend/scripts/gen_icons.py": "import os\n",
        // test files are test code, whatever package they lie in
        "frontend/src/App.test.tsx": "it('renders', () => {});\n",
      }),
    ).toEqual([
      "frontend/.env",
      "frontend/nginx.conf",
      "frontend/package.json",
      "frontend/src/App.tsx",
      "frontend/src/api.ts",
    ]);
  });

  it("keeps a server package's files, and takes only its .jsx/.tsx components", () => {
    expect(
      frontEnd({
        "package.json": pkg({ express: "^4.21.0" }, { react: "^18.3.1" }),
        "src/server.ts": "import express from 'express';\n",
        "src/client/SignupForm.tsx": "export const SignupForm = () => <form />;\n",
        "src/client/main.jsx": "render(<SignupForm />);\n",
      }),
    ).toEqual(["src/client/SignupForm.tsx", "src/client/main.jsx"]);
  });

  it("keeps the .tsx of Hono, which renders JSX on the server", () => {
    expect(
      frontEnd({
        "package.json": pkg({ hono: "^4.6.0", react: "^18.3.1" }),
        "src/index.tsx": "import { Hono } from 'hono';\n",
      }),
    ).toEqual([]);
  });

  it("leaves a full-stack framework's package as it is, but for components and test configs", () => {
    for (const framework of ["next", "nuxt", "@sveltejs/kit", "@remix-run/node", "astro"]) {
      expect(
        frontEnd({
          "web/package.json": pkg({ [framework]: "1.0.0", react: "^18.3.1", vue: "^3.5.0" }),
          "web/app/api/users/route.ts": "export async function POST(req) {}\n",
          "web/app/page.tsx": "export default function Page() { return <main />; }\n",
          "web/server/api/users.post.ts": "export default defineEventHandler(() => ({}));\n",
          "web/src/routes/+page.svelte": "<script>let name = '';</script>\n",
          "web/components/UserForm.vue": "<template><form /></template>\n",
          "web/playwright.config.ts": "export default { retries: process.env.CI ? 2 : 0 };\n",
        }),
        framework,
      ).toEqual([
        "web/components/UserForm.vue",
        "web/playwright.config.ts",
        "web/src/routes/+page.svelte",
      ]);
    }
  });

  it("takes a full-stack framework's package that handles no request itself for a web client", () => {
    const pages = {
      // express among devDependencies runs the mock API the e2e tests use
      "web/package.json": pkg({ next: "15.0.0", react: "^19.0.0" }, { express: "^4.19.2" }),
      "web/src/app/admin/page.tsx": "export default function Admin() { return <main />; }\n",
      "web/src/lib/authorization.ts": "export const isAdmin = (u) => u.role === 'ADMIN';\n",
      "web/src/features/users/api/get-users.ts":
        "export const getUsers = () => api.get('/users');\n",
      "web/src/pages/post.tsx":
        "export const getServerSideProps = async () => ({ props: {} });\nexport default Post;\n",
    };
    expect(frontEnd(pages)).toEqual([
      "web/package.json",
      "web/src/app/admin/page.tsx",
      "web/src/features/users/api/get-users.ts",
      "web/src/lib/authorization.ts",
      "web/src/pages/post.tsx",
    ]);
    // One route handler, server action, API route or loader makes it a server's again.
    for (const [path, text] of [
      ["web/src/app/api/users/route.ts", "export async function GET() {}\n"],
      ["web/src/app/actions.ts", "'use server';\nexport async function save() {}\n"],
      ["web/pages/api/hello.ts", "export default function handler(req, res) {}\n"],
      ["web/app/routes/users.tsx", "export async function loader() { return null; }\n"],
    ] as const) {
      expect(frontEnd({ ...pages, [path]: text }), path).toEqual([]);
    }
  });

  it("finds components and browser-test configs in a repository without package.json", () => {
    expect(
      frontEnd({
        "cypress.config.js": "module.exports = { e2e: { baseUrl: process.env.BASE_URL } };\n",
        "static/Widget.vue": "<template><div /></template>\n",
        "static/widget.jsx": "export const Widget = () => <div />;\n",
        "app.py": "import os\n",
      }),
    ).toEqual(["cypress.config.js", "static/Widget.vue"]);
  });

  it("does not take a folder whose nearest manifest is a server's for a web client", () => {
    expect(
      frontEnd({
        "package.json": pkg({ react: "^18.3.1" }),
        "src/App.tsx": "export const App = () => <main />;\n",
        "api/go.mod": "module example.com/api\n",
        "api/tools/seed.js": "console.log(process.env.DATABASE_URL);\n",
        // a server manifest beside the package.json makes the folder a server's too
        "tools/requirements.txt": "flask\n",
        "tools/package.json": pkg({ react: "^18.3.1" }),
        "tools/build.js": "console.log(process.env.OUT_DIR);\n",
        "tools/Preview.tsx": "export const Preview = () => <main />;\n",
      }),
    ).toEqual(["package.json", "src/App.tsx", "tools/Preview.tsx"]);
  });

  it("leaves committed secrets in front-end code reported: a leaked key is leaked anywhere", () => {
    const token = `ghp_${"a1B2c3D4e5".repeat(3)}Zy98Xw`;
    const ctx = scanContextFrom({
      "frontend/package.json": pkg({ react: "^18.3.1" }),
      "frontend/src/github.ts": `export const token = "${token}";\n`,
    });
    expect(frontEndFiles(ctx).has("frontend/src/github.ts")).toBe(true);
    expect(secretsDetector.detect(ctx).signals?.committed_secrets?.evidence).toEqual([
      { file: "frontend/src/github.ts", line: 1, note: "github-token" },
    ]);
  });
});
