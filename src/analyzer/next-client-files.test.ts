import { describe, expect, it } from "vitest";
import { authDetector } from "./detectors/signals/detect-auth.js";
import { validationDetector } from "./detectors/signals/detect-validation.js";
import { frontEndFiles } from "./front-end-files.js";
import { leadingDirectives } from "./next-client-files.js";
import { scanContextFrom } from "./test-support/scan-context-from.js";

const nextPackage = JSON.stringify({
  dependencies: { next: "14.2.0", react: "18.3.1", "next-auth": "4.24.0", zod: "3.23.0" },
});
const tsconfig = JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } });

/** The front-end files among the given ones, sorted. */
const frontEnd = (files: Record<string, string>): string[] =>
  [...frontEndFiles(scanContextFrom(files))].sort();

describe("client modules of a Next.js package", () => {
  it("takes modules that start with the use client directive, whatever comes before it", () => {
    expect(
      frontEnd({
        "package.json": nextPackage,
        "app/api/posts/route.ts": "export async function GET() { return Response.json([]); }\n",
        "app/admin/users-table.tsx":
          '// the admin table\n/* sortable */\n"use client";\nimport { z } from "zod";\n',
        "app/admin/page.tsx": "import { UsersTable } from './users-table';\nexport default Page;\n",
        // the directive must come first: a later string is no directive
        "lib/labels.ts": 'import { z } from "zod";\n"use client";\n',
        "app/not-a-directive.ts": '"use client".length;\n',
      }),
    ).toEqual(["app/admin/users-table.tsx"]);
  });

  it("takes Pages Router pages without a data function, not API routes, _document or a page with getServerSideProps", () => {
    expect(
      frontEnd({
        "package.json": nextPackage,
        "pages/api/posts.ts": "export default function handler(req, res) { res.json([]); }\n",
        "pages/posts/new.tsx": "import * as yup from 'yup';\nexport default NewPost;\n",
        "src/pages/settings.jsx": "export default function Settings() { return <main />; }\n",
        "pages/_document.tsx": "export default class Doc extends Document {}\n",
        "pages/admin.tsx":
          "export async function getServerSideProps(ctx) { return { props: {} }; }\nexport default Admin;\n",
        "pages/_app.tsx": "App.getInitialProps = async (ctx) => ({});\nexport default App;\n",
      }),
    ).toEqual(["pages/posts/new.tsx", "src/pages/settings.jsx"]);
  });

  it("takes a module calling a client-only hook, and modules only client modules import", () => {
    expect(
      frontEnd({
        "package.json": nextPackage,
        "tsconfig.json": tsconfig,
        "pages/api/account.ts":
          "import { accountSchema } from '@/lib/schemas/account';\nexport default handler;\n",
        "pages/index.tsx":
          "import { Menu } from '../components/menu';\nimport { AccountForm } from '@/components/account-form';\n",
        // a hook React's server build lacks: the module is a component, wherever it lies
        "app/guard.js":
          "import { useSession } from 'next-auth/react';\nexport const Guard = () => { const { data } = useSession(); };\n",
        // imported by a page only: in the client bundle only
        "components/menu.tsx": "import { isAdmin } from '@/lib/roles';\nexport const Menu = 1;\n",
        "lib/roles.ts": "export const isAdmin = (user) => user.role === 'ADMIN';\n",
        // imported by an API route too: server code, whoever else imports it
        "lib/schemas/account.ts":
          "import { z } from 'zod';\nexport const accountSchema = z.object({});\n",
        "components/account-form.tsx": "import { accountSchema } from '@/lib/schemas/account';\n",
        // imported by nobody: kept where it was
        "lib/unused.ts": "export const unused = 1;\n",
        // a hook named in a comment is no call
        "lib/db.ts": "// never useEffect( here\nexport const db = {};\n",
      }),
    ).toEqual([
      "app/guard.js",
      "components/account-form.tsx",
      "components/menu.tsx",
      "lib/roles.ts",
      "pages/index.tsx",
    ]);
  });

  it("keeps server components, server actions, middleware and what they import on the server", () => {
    expect(
      frontEnd({
        "package.json": nextPackage,
        "tsconfig.json": tsconfig,
        "middleware.ts":
          "import { roleOf } from './lib/session';\nexport function middleware() {}\n",
        "lib/session.ts": "export const roleOf = (t) => t.role;\n",
        // a server component checks the role before rendering the client table
        "app/admin/page.tsx":
          "import { requireAdmin } from '@/lib/guards';\nimport { Table } from './table';\nexport default Page;\n",
        "lib/guards.ts": "export const requireAdmin = (user) => user.role !== 'ADMIN';\n",
        "app/admin/table.tsx": "'use client';\nimport { format } from '@/lib/format';\n",
        "lib/format.ts": "export const format = (s) => s;\n",
        // server actions, imported by a client form: the form is the client's, the actions are not
        "app/actions.ts":
          "'use server';\nimport { z } from 'zod';\nexport async function save() {}\n",
        "app/signup-form.tsx": "'use client';\nimport { save } from './actions';\n",
        // an inline server action in a server component, and a module marked server-only
        "app/posts/page.tsx":
          "export default function P() { async function go() { 'use server'; } }\n",
        "lib/admin.ts": "import 'server-only';\nexport const x = () => useRef(null);\n",
      }),
    ).toEqual(["app/admin/table.tsx", "app/signup-form.tsx", "lib/format.ts"]);
  });

  it("does not count a client component's role check or form schema for the backend", () => {
    const ctx = scanContextFrom({
      "package.json": nextPackage,
      "tsconfig.json": tsconfig,
      "pages/api/posts.ts": "export default function handler(req, res) { res.json([]); }\n",
      "pages/admin.tsx":
        "import { AdminOnly } from '@/components/admin-only';\nexport default function Admin() {}\n",
      "components/admin-only.tsx":
        "'use client';\nexport function AdminOnly({ user }) {\n  if (user.role !== 'ADMIN') return null;\n}\n",
      "components/post-form.tsx":
        "'use client';\nimport { z } from 'zod';\nconst schema = z.object({ title: z.string() });\n",
    });
    expect(authDetector.detect(ctx).signals?.authorization?.value).toBe(false);
    expect(validationDetector.detect(ctx).signals?.input_validation?.value).toBe(false);
  });
});

describe("leadingDirectives", () => {
  it("reads the prologue's directives past comments and a byte-order mark, up to the first statement", () => {
    expect(
      leadingDirectives("\ufeff// header\n'use strict';\n\"use client\"\nimport x from 'x';\n"),
    ).toEqual(["use strict", "use client"]);
    expect(leadingDirectives("import x from 'x';\n'use client';\n")).toEqual([]);
    expect(leadingDirectives("/* unclosed")).toEqual([]);
  });
});
