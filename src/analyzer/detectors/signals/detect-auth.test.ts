import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { authDetector } from "./detect-auth.js";

const detect = (files: Record<string, string>) =>
  authDetector.detect(scanContextFrom(files)).signals;

describe("authDetector", () => {
  it("counts verifying Firebase ID tokens (signed JWTs) on the server as JWT auth", () => {
    const signals = detect({
      "internal/auth/middleware.go":
        "func (m *Auth) Check(ctx context.Context, raw string) error {\n\t_, err := m.client.VerifyIDToken(ctx, raw)\n\treturn err\n}\n",
      "functions/auth.py": "def user_of(token):\n    return auth.verify_id_token(token)['uid']\n",
    });
    expect(signals?.auth_jwt).toEqual({
      value: true,
      evidence: [
        { file: "functions/auth.py", line: 2, note: "verifies Firebase ID tokens" },
        { file: "internal/auth/middleware.go", line: 2, note: "verifies Firebase ID tokens" },
      ],
    });
  });

  it("cites a line that two authorization patterns match once", () => {
    expect(
      detect({
        "src/middleware/admin.ts":
          "export const adminOnly = (c, next) => {\n  const user = c.get('user');\n  if (user.role !== 'ADMIN') return c.json({}, 403);\n  return next();\n};\n",
      })?.authorization,
    ).toEqual({
      value: true,
      evidence: [{ file: "src/middleware/admin.ts", line: 3, note: "role check" }],
    });
  });

  it("does not take FastAPI's OAuth2PasswordBearer alone for OAuth", () => {
    const signals = detect({
      "app/auth.py":
        "from fastapi.security import OAuth2PasswordBearer\nfrom jose import jwt\nfrom passlib.context import CryptContext\n\noauth2_scheme = OAuth2PasswordBearer(tokenUrl='token')\n",
    });
    expect(signals?.oauth).toEqual({ value: false, evidence: [] });
    expect(signals?.auth_jwt?.value).toBe(true);
    expect(signals?.password_hashing?.value).toBe(true);
  });

  it("recognises a real OAuth client flow", () => {
    const signals = detect({
      "package.json": '{ "dependencies": { "passport-github2": "^0.1.12" } }',
      "src/auth/github.ts": "import { Strategy as GitHubStrategy } from 'passport-github2';\n",
    });
    expect(signals?.oauth?.value).toBe(true);
    expect(signals?.oauth?.evidence).toEqual([
      { file: "src/auth/github.ts", line: 1, note: "imports passport-github2" },
      { file: "package.json", line: 1, note: "declares passport-github2" },
    ]);
  });

  it("recognises a hand-written authorization-code exchange and Sign in with Google", () => {
    const exchange = detect({
      "accounts/google.py":
        'import requests\n\ndef tokens(code):\n    data = {\n        "code": code,\n        "grant_type": "authorization_code",\n    }\n    return requests.post(TOKEN_URL, data=data)\n',
      "src/github.php": "<?php\n$form = ['grant_type' => 'authorization_code', 'code' => $code];\n",
    });
    expect(exchange?.oauth?.evidence).toEqual([
      { file: "accounts/google.py", line: 6, note: "authorization-code exchange" },
      { file: "src/github.php", line: 2, note: "authorization-code exchange" },
    ]);
    const idToken = detect({
      "src/auth-google.service.ts":
        "import { OAuth2Client } from 'google-auth-library';\nconst ticket = await this.google.verifyIdToken({ idToken, audience });\n",
    });
    expect(idToken?.oauth?.evidence).toEqual([
      { file: "src/auth-google.service.ts", line: 2, note: "OIDC ID token check" },
    ]);
    // A refresh grant alone is not a sign-in flow.
    expect(
      detect({ "src/refresh.ts": "const body = { grant_type: 'refresh_token' };\n" })?.oauth?.value,
    ).toBe(false);
  });

  it("recognises pwdlib, the hashing library FastAPI's template uses", () => {
    const signals = detect({
      "backend/app/core/security.py":
        "import jwt\nfrom pwdlib import PasswordHash\n\npassword_hash = PasswordHash.recommended()\n",
      "backend/pyproject.toml": '[project]\ndependencies = ["pwdlib[argon2]>=0.2"]\n',
    });
    expect(signals?.password_hashing).toEqual({
      value: true,
      evidence: [
        { file: "backend/app/core/security.py", line: 2, note: "imports pwdlib" },
        { file: "backend/pyproject.toml", line: 2, note: "declares pwdlib" },
      ],
    });
  });

  it("recognises scrypt-kdf hashing, OPA policies and a superuser check on a dict", () => {
    const signals = detect({
      "package.json": '{ "dependencies": { "scrypt-kdf": "^2.0.0" } }',
      "handlers/login.js":
        "import Scrypt from 'scrypt-kdf';\nconst ok = await Scrypt.verify(hash, password);\n",
      "pkg/authz/opa.go":
        'package authz\n\nimport (\n\t"github.com/open-policy-agent/opa/rego"\n)\n',
      "app/api/dependencies.py":
        'async def get_current_superuser(current_user: dict) -> dict:\n    if not current_user["is_superuser"]:\n        raise ForbiddenException()\n    return current_user\n',
    });
    expect(signals?.password_hashing?.evidence).toEqual([
      { file: "handlers/login.js", line: 1, note: "imports scrypt-kdf" },
      { file: "package.json", line: 1, note: "declares scrypt-kdf" },
    ]);
    expect(signals?.authorization?.evidence).toEqual([
      { file: "app/api/dependencies.py", line: 2, note: "role check" },
      { file: "pkg/authz/opa.go", line: 4, note: "imports github.com/open-policy-agent/opa/rego" },
    ]);
    expect(
      detect({
        "api/employers.py":
          "from ninja.security import django_auth_superuser\n\n@router.get('', auth=django_auth_superuser)\ndef employers(request):\n    return []\n",
      })?.authorization?.evidence,
    ).toEqual([{ file: "api/employers.py", line: 1, note: "Django Ninja superuser auth" }]);
    // Setting the flag on a new user's row grants the role; it checks nothing.
    expect(
      detect({ "app/crud.py": 'def make_admin(user):\n    user["is_superuser"] = True\n' })
        ?.authorization?.value,
    ).toBe(false);
  });

  it("takes a Rails lookup among the current user's own records for authorization", () => {
    const scoped = detect({
      "app/controllers/api/v1/notes_controller.rb":
        "class NotesController < ApiController\n  def create\n    note = current_user.notes.new(note_params)\n  end\n\n  def show\n    render json: current_user.notes.find(params[:id])\n  end\nend\n",
    });
    expect(scoped?.authorization?.evidence).toEqual([
      {
        file: "app/controllers/api/v1/notes_controller.rb",
        line: 7,
        note: "query scoped to the user",
      },
    ]);
    // Building a record for the user checks nothing.
    expect(
      detect({
        "app/controllers/notes_controller.rb": "note = current_user.notes.new(note_params)\n",
      })?.authorization?.value,
    ).toBe(false);
  });

  it("recognises Bun's built-in password hashing", () => {
    const signals = detect({
      "src/user.service.ts": "const hash = await Bun.password.hash(password, 'argon2id');\n",
    });
    expect(signals?.password_hashing?.value).toBe(true);
  });

  it("recognises Go's alexedwards/argon2id password hashing", () => {
    const signals = detect({
      "internal/domain/authentication/handler.go":
        'package authentication\n\nimport (\n\t"net/http"\n\n\t"github.com/alexedwards/argon2id"\n)\n\nfunc hash(p string) (string, error) {\n\treturn argon2id.CreateHash(p, argon2id.DefaultParams)\n}\n',
    });
    expect(signals?.password_hashing?.evidence).toEqual([
      {
        file: "internal/domain/authentication/handler.go",
        line: 6,
        note: "imports github.com/alexedwards/argon2id",
      },
    ]);
  });

  it("recognises Quarkus JWT and Elytron hashing, and Go role middleware", () => {
    const signals = detect({
      "src/main/java/a/Tokens.java": "import io.smallrye.jwt.build.Jwt;\n",
      "src/main/java/a/Hasher.java":
        "import org.wildfly.security.password.interfaces.BCryptPassword;\nclass Hasher {}\n",
      "api/admin/api.go":
        "package admin\n\nfunc (a *API) Router() {\n\tr.Use(authorize.RequiresRole(auth.RoleAdmin))\n}\n",
    });
    expect(signals?.auth_jwt?.value).toBe(true);
    expect(signals?.password_hashing?.value).toBe(true);
    expect(signals?.authorization?.value).toBe(true);
  });

  it("recognises Ruby's include BCrypt and an Octokit code exchange", () => {
    const signals = detect({
      "app/models/user.rb":
        "class User < ApplicationRecord\n  include BCrypt\n  def password=(pw)\n    self.encrypted_password = Password.create(pw)\n  end\nend\n",
      "app/lib/user_authenticator/oauth.rb":
        "token = client.exchange_code_for_token(code)\nuser_data = Octokit::Client.new(access_token: token).user\n",
    });
    expect(signals?.password_hashing?.value).toBe(true);
    expect(signals?.oauth?.value).toBe(true);
  });

  it("does not take Devise's comment listing :omniauthable for OAuth, but the module itself", () => {
    const model = (modules: string) =>
      "class User < ApplicationRecord\n  # Include default devise modules. Others available are:\n" +
      "  # :confirmable, :lockable, :timeoutable, :trackable and :omniauthable\n" +
      `  devise ${modules}\nend\n`;
    const gemfile = "gem 'devise'\ngem 'omniauth'\n";
    const commented = detect({
      Gemfile: gemfile,
      "app/models/user.rb": model(":database_authenticatable, :registerable"),
    });
    expect(commented?.oauth?.value).toBe(false);
    const enabled = detect({
      Gemfile: gemfile,
      "app/models/user.rb": model(":database_authenticatable, :omniauthable"),
    });
    expect(enabled?.oauth?.value).toBe(true);
  });

  it("recognises djangorestframework-jwt (rest_framework_jwt) as JWT authentication", () => {
    const signals = detect({
      "accounts/api/urls.py":
        "from django.conf.urls import url\nfrom rest_framework_jwt.views import obtain_jwt_token\n\nurlpatterns = [url(r'^jwt/$', obtain_jwt_token)]\n",
    });
    expect(signals?.auth_jwt?.value).toBe(true);
  });

  it("recognises koa-jwt as JWT authentication", () => {
    const signals = detect({
      "src/server.ts": 'import jwt from "koa-jwt";\napp.use(jwt({ secret: config.jwtSecret }));\n',
    });
    expect(signals?.auth_jwt?.value).toBe(true);
  });

  it("does not take Laravel's Gate alias, dashboard gates, comments or CORS policies for authorization", () => {
    const none = detect({
      "config/app.php":
        "<?php\nreturn ['aliases' => [\n  'Gate' => Illuminate\\Support\\Facades\\Gate::class,\n]];\n",
      "app/Providers/TelescopeServiceProvider.php":
        "<?php\nGate::define('viewTelescope', function ($user) {\n  return in_array($user->email, []);\n});\n",
      "config/permission.php":
        "<?php\n// e.g. $user->can('edit articles')\n    /*\n     * `$user->can('view-posts')` would be 'name'.\n     */\nreturn [];\n",
      "Api/CorsExtensions.cs":
        'services.AddCors(o => o.AddPolicy("web", b => b.WithOrigins("https://app.example").AllowAnyHeader()));\n',
    });
    expect(none?.authorization?.value).toBe(false);
    const gates = detect({
      "app/Providers/AuthServiceProvider.php":
        "<?php\nGate::define('update-post', fn (User $user, Post $post) => $user->id === $post->user_id);\n",
      "app/Http/Controllers/ProjectController.php":
        "<?php\nclass ProjectController extends Controller\n{\n    public function index(Organization $organization)\n    {\n        $this->checkPermission($organization, 'projects:view');\n    }\n}\n",
      "Api/Program.cs":
        'builder.Services.AddAuthorization(o =>\n  o.AddPolicy("Admins", p => p\n    .RequireRole("admin")));\n',
    });
    expect(gates?.authorization?.evidence?.map((e) => `${e.file} ${e.note ?? ""}`)).toEqual([
      "app/Providers/AuthServiceProvider.php Gate",
      "app/Http/Controllers/ProjectController.php permission check",
      "Api/Program.cs RequireRole",
      "Api/Program.cs authorization policy",
    ]);
  });

  it("needs JWT use in app code, not just a declared dependency", () => {
    expect(
      detect({ "package.json": '{ "dependencies": { "jsonwebtoken": "^9.0.0" } }' })?.auth_jwt
        ?.value,
    ).toBe(false);
  });

  it("treats 'is logged in' as authentication, and roles or ownership as authorization", () => {
    const loggedIn = detect({
      "views.py":
        "from rest_framework.permissions import IsAuthenticated\n\nclass V(APIView):\n    permission_classes = [IsAuthenticated]\n",
    });
    expect(loggedIn?.authorization?.value).toBe(false);
    const owner = detect({
      "src/articles.ts": "if (article.authorId !== req.user.id) return res.status(403).end();\n",
    });
    expect(owner?.authorization).toEqual({
      value: true,
      evidence: [{ file: "src/articles.ts", line: 1, note: "ownership check" }],
    });
    const roles = detect({
      "Controllers/AdminController.cs":
        '[Authorize(Roles = "Admin")]\npublic class AdminController {}\n',
    });
    expect(roles?.authorization?.value).toBe(true);
  });

  it("recognises Laravel permission and role middleware, but not the auth guard middleware", () => {
    const one = (text: string) =>
      detect({ "app/Http/Controllers/UsersController.php": text })?.authorization;
    expect(
      one(
        "<?php\nclass UsersController {\n  public function __construct() {\n    $this->middleware('permission:List users')->only('index');\n  }\n}\n",
      ),
    ).toEqual({
      value: true,
      evidence: [
        {
          file: "app/Http/Controllers/UsersController.php",
          line: 4,
          note: "permission middleware",
        },
      ],
    });
    expect(
      one("<?php\nRoute::group(['middleware' => ['auth:api', 'role:admin']], function () {});\n")
        ?.value,
    ).toBe(true);
    expect(
      one("<?php\nRoute::middleware(['auth', 'can:update,post'])->put('/posts/{post}', $h);\n")
        ?.value,
    ).toBe(true);
    expect(
      one(
        "<?php\nRoute::group(['middleware' => ['auth:api']], function () {});\n$this->middleware('auth:sanctum');\n",
      ),
    ).toEqual({ value: false, evidence: [] });
  });

  it("reads Django queries scoped to the requesting user as ownership, and a granted role as no check", () => {
    const one = (text: string) => detect({ "app/recipe/views.py": text })?.authorization;
    expect(
      one(
        "class RecipeViewSet(viewsets.ModelViewSet):\n    def get_queryset(self):\n        return self.queryset.filter(\n            user=self.request.user\n        ).order_by('-id')\n",
      ),
    ).toEqual({
      value: true,
      evidence: [{ file: "app/recipe/views.py", line: 3, note: "query scoped to the user" }],
    });
    expect(
      one("def note(request, pk):\n    return get_object_or_404(Note, pk=pk, owner=request.user)\n")
        ?.value,
    ).toBe(true);
    expect(
      one(
        "class UserManager(BaseUserManager):\n    def create_superuser(self, email, password):\n        user = self.create_user(email, password)\n        user.is_staff = True\n        user.is_superuser = True\n        return user\n\n    def perform_create(self, serializer):\n        serializer.save(user=self.request.user)\n",
      ),
    ).toEqual({ value: false, evidence: [] });
    expect(one("if not request.user.is_staff:\n    raise PermissionDenied\n")?.value).toBe(true);
  });

  it("recognises ownership and role checks on values kept in variables, in JS and PHP", () => {
    const one = (file: string, text: string) => detect({ [file]: text })?.authorization?.value;
    expect(
      one(
        "src/use-cases/delete-comment.ts",
        "export async function deleteComment(userId: string, id: string) {\n  const comment = await repo.find(id);\n  if (userId !== comment.userId) return false;\n}\n",
      ),
    ).toBe(true);
    expect(
      one(
        "server/routes/admin.js",
        "const role = jwt.verify(token, SECRET).role;\nif (role !== 'admin') return res.sendStatus(401);\n",
      ),
    ).toBe(true);
    expect(
      one(
        "app/Http/Controllers/PostController.php",
        "<?php\nif (Auth::id() !== $post->user_id) {\n    return response()->json(['message' => 'Forbidden'], 403);\n}\n",
      ),
    ).toBe(true);
    expect(
      one("src/users.ts", "const userId = req.params.id;\nconst user = await find(userId);\n"),
    ).toBe(false);
  });

  it("recognises rights looked up by role, self-only user routes and NestJS permission guards", () => {
    const authz = (file: string, text: string) => detect({ [file]: text })?.authorization;
    expect(
      authz(
        "src/middlewares/auth.js",
        "const granted = roleRights.get(user.role);\nif (!needed.every((r) => granted.includes(r))) throw forbidden();\n",
      ),
    ).toEqual({
      value: true,
      evidence: [{ file: "src/middlewares/auth.js", line: 1, note: "rights by role" }],
    });
    expect(
      authz(
        "src/middlewares/self.js",
        "if (req.params.accountId !== req.user.id) return next(new Forbidden());\n",
      ),
    ).toEqual({
      value: true,
      evidence: [{ file: "src/middlewares/self.js", line: 1, note: "ownership check" }],
    });
    expect(
      authz(
        "src/guards/access.guard.ts",
        "@Injectable()\nexport class AccessPermissionGuard implements CanActivate {\n  canActivate() { return true }\n}\n",
      ),
    ).toEqual({
      value: true,
      evidence: [{ file: "src/guards/access.guard.ts", line: 2, note: "authorization guard" }],
    });
    expect(
      authz(
        "src/orders/controller.ts",
        "@Controller('orders')\nexport class OrdersController {\n  @Delete(':id')\n  @Permission('order:delete')\n  remove() {}\n}\n",
      )?.evidence,
    ).toEqual([{ file: "src/orders/controller.ts", line: 4, note: "@Permissions" }]);
    // Logging a role, an auth guard and reading a route id are not authorization.
    expect(
      authz(
        "src/auth/jwt.guard.ts",
        "export class JwtAuthGuard extends AuthGuard('jwt') {}\nlogger.info(user.role);\nconst id = req.params.userId;\n",
      ),
    ).toEqual({ value: false, evidence: [] });
  });

  it("recognises a C# lookup of a record by its id and its owner as an ownership check", () => {
    const authz = (text: string) => detect({ "Apis/NotesApi.cs": text })?.authorization;
    expect(
      authz(
        "var userId = user.GetUserId();\nvar note = await db.Notes.SingleOrDefaultAsync(n => n.Id == id && n.OwnerId == userId);\n",
      ),
    ).toEqual({
      value: true,
      evidence: [{ file: "Apis/NotesApi.cs", line: 2, note: "ownership check" }],
    });
    expect(
      authz("var mine = db.Notes.Where(n => n.UserId == currentUser.Id && n.Id == noteId);\n")
        ?.value,
    ).toBe(true);
    // A lookup by id alone, or two ids that are not an owner's, is not.
    expect(
      authz(
        "var note = db.Notes.Find(id);\nvar tag = db.Tags.First(t => t.Id == tagId && t.NoteId == id);\n",
      ),
    ).toEqual({ value: false, evidence: [] });
  });

  it("recognises hand-written role gates in a Rails app without a policy gem", () => {
    const gated = detect({
      "app/controllers/reports_controller.rb":
        "class ReportsController < ApplicationController\n  before_action :require_logged_in_admin, only: [:destroy]\nend\n",
      "app/controllers/invites_controller.rb":
        "class InvitesController < ApplicationController\n  def create\n    head :forbidden unless Current.user.admin?\n  end\nend\n",
    });
    expect(gated?.authorization?.evidence).toEqual([
      { file: "app/controllers/reports_controller.rb", line: 2, note: "role filter" },
      { file: "app/controllers/invites_controller.rb", line: 3, note: "role check" },
    ]);
    const loginOnly = detect({
      "app/controllers/notes_controller.rb":
        "class NotesController < ApplicationController\n  before_action :require_login\n  def admin_tools?; false; end\nend\n",
    });
    expect(loginOnly?.authorization).toEqual({ value: false, evidence: [] });
  });

  it("recognises zitadel's OIDC relying party as OAuth in Go", () => {
    const signals = detect({
      "api/oidc.go":
        'package api\n\nimport (\n\t"github.com/zitadel/oidc/v3/pkg/client/rp"\n)\n\nvar _ rp.RelyingParty\n',
    });
    expect(signals?.oauth?.evidence).toEqual([
      { file: "api/oidc.go", line: 4, note: "imports github.com/zitadel/oidc" },
    ]);
  });

  it("does not take Spring checks for a signed-in user or the default USER role for authorization", () => {
    const controller = (annotation: string) => ({
      "src/main/java/app/UserController.java": `@RestController\nclass UserController {\n    ${annotation}\n    @GetMapping("/user/me")\n    User me() { return null; }\n}\n`,
    });
    for (const signedIn of [
      "@PreAuthorize(\"hasRole('USER')\")",
      '@PreAuthorize("isAuthenticated()")',
      '@Secured("ROLE_USER")',
      '@RolesAllowed("user")',
    ])
      expect(detect(controller(signedIn))?.authorization?.value).toBe(false);
    expect(
      detect({
        "src/main/java/app/SecurityConfig.java":
          'http.authorizeHttpRequests(a -> a.requestMatchers("/api/**").hasRole("USER").anyRequest().authenticated());\n',
      })?.authorization?.value,
    ).toBe(false);
    for (const role of [
      "@PreAuthorize(\"hasRole('ADMIN')\")",
      '@PreAuthorize("isAuthenticated() and #id == principal.id")',
      '@RolesAllowed("admin")',
      '@Secured({"ROLE_USER", "ROLE_ADMIN"})',
    ])
      expect(detect(controller(role))?.authorization?.evidence).toHaveLength(1);
    expect(
      detect({
        "src/main/java/app/SecurityConfig.java":
          'http.authorizeHttpRequests(a -> a.requestMatchers("/admin/**").hasRole("ADMIN"));\n',
      })?.authorization?.evidence,
    ).toEqual([{ file: "src/main/java/app/SecurityConfig.java", line: 1, note: "role rule" }]);
  });

  it("recognises Go role checks on a claim, a context value or the granted roles", () => {
    const roleCheck = (body: string) =>
      detect({ "middleware/auth.go": `package middleware\n\nfunc check() {\n${body}}\n` })
        ?.authorization?.evidence;
    const at = (line: number) => [{ file: "middleware/auth.go", line, note: "role check" }];
    expect(
      roleCheck(
        "\tfor _, gotRole := range granted {\n\t\tif gotRole == wantRole {\n\t\t\treturn\n\t\t}\n\t}\n",
      ),
    ).toEqual(at(5));
    expect(roleCheck('\tif claims["role"] != "admin" {\n\t\treturn\n\t}\n')).toEqual(at(4));
    expect(roleCheck('\tif c.GetString("role") != "admin" {\n\t\treturn\n\t}\n')).toEqual(at(4));
    expect(roleCheck("\tif user.Role == models.RoleAdmin {\n\t\treturn\n\t}\n")).toEqual(at(4));
    // A missing role is no check of one.
    expect(roleCheck('\tif role == "" {\n\t\trole = "member"\n\t}\n')).toEqual([]);
  });

  it("recognises Casbin in Python and role membership tests on the current user", () => {
    expect(
      detect({
        "api/main.py":
          "import casbin\nfrom fastapi_authz import CasbinMiddleware\n\nenforcer = casbin.Enforcer('model.conf', 'policy.csv')\napi.add_middleware(CasbinMiddleware, enforcer=enforcer)\n",
      })?.authorization?.evidence,
    ).toEqual([
      { file: "api/main.py", line: 1, note: "imports casbin" },
      { file: "api/main.py", line: 2, note: "imports fastapi_authz" },
    ]);
    expect(
      detect({
        "app/deps.py":
          "class RoleChecker:\n    def __call__(self, user = Depends(get_current_user)):\n        if user['role'] not in self.allowed_roles:\n            raise HTTPException(403)\n",
      })?.authorization?.evidence,
    ).toEqual([{ file: "app/deps.py", line: 3, note: "role check" }]);
  });

  it("recognises OmniAuth set up in an initializer or read in a callback, not Devise's generated links", () => {
    expect(
      detect({
        "config/initializers/omniauth.rb":
          'Rails.application.config.middleware.use OmniAuth::Builder do\n  provider :github, ENV["GITHUB_ID"], ENV["GITHUB_SECRET"]\nend\n',
        "app/controllers/sessions_controller.rb":
          'class SessionsController < ApplicationController\n  def create\n    @user = User.from_omniauth(request.env["omniauth.auth"])\n  end\nend\n',
      })?.oauth?.evidence,
    ).toEqual([
      { file: "config/initializers/omniauth.rb", line: 1, note: "OmniAuth provider" },
      { file: "app/controllers/sessions_controller.rb", line: 3, note: "OmniAuth provider" },
    ]);
    expect(
      detect({
        "config/initializers/devise.rb":
          "Devise.setup do |config|\n  config.omniauth :github, ENV['GITHUB_ID'], ENV['GITHUB_SECRET']\nend\n",
      })?.oauth?.value,
    ).toBe(true);
    expect(
      detect({
        "app/views/devise/shared/_links.html.erb":
          '<%- if devise_mapping.omniauthable? %>\n  <%- resource_class.omniauth_providers.each do |provider| %>\n    <%= link_to "Sign in", omniauth_authorize_path(resource_name, provider) %>\n  <% end %>\n<% end %>\n',
      })?.oauth,
    ).toEqual({ value: false, evidence: [] });
  });

  it("counts a Keycloak adapter as JWT auth, and as OAuth only when it is not bearer-only", () => {
    const app = (settings: string) =>
      detect({
        "src/main/java/app/SecurityConfig.java":
          "import org.keycloak.adapters.springsecurity.KeycloakConfiguration;\n",
        "src/main/resources/application.yml": settings,
      });
    const bearer = app(
      "keycloak:\n  realm: demo\n  auth-server-url: http://localhost:8180/auth\n  resource: api\n  bearer-only: true\n",
    );
    expect(bearer?.auth_jwt?.evidence).toEqual([
      {
        file: "src/main/java/app/SecurityConfig.java",
        line: 1,
        note: "imports org.keycloak.adapters",
      },
    ]);
    expect(bearer?.oauth?.value).toBe(false);
    const login = app(
      "keycloak:\n  realm: demo\n  auth-server-url: http://localhost:8180/auth\n  resource: web\n",
    );
    expect(login?.oauth?.evidence).toEqual([
      { file: "src/main/resources/application.yml", line: 3, note: "Keycloak OIDC login" },
    ]);
  });

  it("recognises Laravel's authorizeResource and a Rails comparison of a record's owner", () => {
    expect(
      detect({
        "app/Http/Controllers/PostController.php":
          "<?php\nclass PostController extends Controller\n{\n    public function __construct()\n    {\n        $this->authorizeResource(Post::class, 'post');\n    }\n}\n",
      })?.authorization?.evidence,
    ).toEqual([{ file: "app/Http/Controllers/PostController.php", line: 6, note: "authorize()" }]);
    expect(
      detect({
        "app/controllers/gemfiles_controller.rb":
          "class GemfilesController < ApplicationController\n  def authorize_user!\n    unless @gemfile.user == current_user\n      redirect_to root_path\n    end\n  end\nend\n",
      })?.authorization?.evidence,
    ).toEqual([
      { file: "app/controllers/gemfiles_controller.rb", line: 3, note: "ownership check" },
    ]);
  });

  it("recognises an ASP.NET policy named first or on a minimal API, not a sign-in or a scheme alone", () => {
    const controller = (attribute: string) =>
      detect({
        "Controllers/SquadsController.cs": `[ApiController]\npublic class SquadsController : ControllerBase\n{\n    ${attribute}\n    [HttpPost]\n    public IActionResult Add() => Ok();\n}\n`,
      })?.authorization?.value;
    expect(controller("[Authorize(Policies.RequiredAdminRole)]")).toBe(true);
    expect(controller('[Authorize("AdminOnly")]')).toBe(true);
    expect(
      controller(
        '[Authorize(AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme, Roles = "Admin")]',
      ),
    ).toBe(true);
    expect(controller("[Authorize]")).toBe(false);
    expect(controller("[Authorize()]")).toBe(false);
    expect(
      controller("[Authorize(AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme)]"),
    ).toBe(false);
    const minimal = (call: string) =>
      detect({ "Program.cs": `app.MapDelete("/todos/{id}", Delete)${call};\n` })?.authorization
        ?.value;
    expect(minimal('.RequireAuthorization("AdminOnly")')).toBe(true);
    expect(minimal(".RequireAuthorization(Policies.Admin)")).toBe(true);
    expect(minimal(".RequireAuthorization()")).toBe(false);
  });

  it("recognises Django's staff_member_required and UserCreationForm", () => {
    const signals = detect({
      "administration/views.py":
        "from django.contrib.admin.views.decorators import staff_member_required\n\n@staff_member_required\ndef dashboard(request):\n    return render(request, 'dashboard.html')\n",
      "accounts/forms.py":
        "from django.contrib.auth.forms import UserCreationForm\n\nclass SignUpForm(UserCreationForm):\n    pass\n",
    });
    expect(signals?.authorization?.evidence).toEqual([
      { file: "administration/views.py", line: 1, note: "staff_member_required" },
    ]);
    expect(signals?.password_hashing?.evidence).toEqual([
      { file: "accounts/forms.py", line: 1, note: "Django password hasher (UserCreationForm)" },
    ]);
  });

  it("recognises passport-local-mongoose hashing and skips a Rails role check left in a comment", () => {
    expect(
      detect({
        "app.js":
          'const passportLocalMongoose = require("passport-local-mongoose");\nuserSchema.plugin(passportLocalMongoose);\n',
      })?.password_hashing?.evidence,
    ).toEqual([{ file: "app.js", line: 1, note: "imports passport-local-mongoose" }]);
    expect(
      detect({
        "app/controllers/application_controller.rb":
          "class ApplicationController < ActionController::Base\n  def profile\n    # Rack::MiniProfiler.authorize_request if current_user.admin?\n  end\nend\n",
      })?.authorization,
    ).toEqual({ value: false, evidence: [] });
  });

  it("recognises Flask OAuth clients from Authlib before 0.12, Flask-OAuthlib and loginpass", () => {
    expect(
      detect({
        "spaceship/google_auth.py":
          "from authlib.flask.client import OAuth\nfrom loginpass import create_flask_blueprint, Google\n\noauth = OAuth(app)\n",
        "app/auth.py":
          "from flask_oauthlib.client import OAuth\n\ngoogle = OAuth().remote_app('google', app_key='GOOGLE')\n",
      })?.oauth?.evidence,
    ).toEqual([
      { file: "spaceship/google_auth.py", line: 1, note: "imports authlib.flask" },
      { file: "spaceship/google_auth.py", line: 2, note: "imports loginpass" },
      { file: "app/auth.py", line: 1, note: "imports flask_oauthlib" },
    ]);
  });

  it("takes a Python guard that turns away anyone but a record's owner for authorization", () => {
    const evidence = (line: string) =>
      detect({
        "spaceship/views/misc.py": `def edit(team):\n  ${line}\n    return jsonify({'ok': False})\n`,
      })?.authorization?.evidence;
    const found = [{ file: "spaceship/views/misc.py", line: 2, note: "ownership check" }];
    expect(evidence("if current_user.id != team.captain.id:")).toEqual(found);
    expect(evidence("if mission.team.captain != current_user:")).toEqual(found);
    // Loading the requester's own row, or comparing their e-mail with a form's, checks no owner.
    expect(evidence("me = User.query.filter(User.id == current_user.id).first()")).toEqual([]);
    expect(evidence("if form.email.data != current_user.email:")).toEqual([]);
  });

  it("names Werkzeug, not Django, for a Flask model's set_password and check_password", () => {
    const flask = {
      "spaceship/models/user.py":
        "from werkzeug.security import generate_password_hash, check_password_hash\n\nclass User(db.Model):\n  def set_password(self, password):\n    self.password_hash = generate_password_hash(password)\n\n  def check_password(self, password):\n    return check_password_hash(self.password_hash, password)\n",
      "spaceship/login.py":
        "if user.check_password(password):\n  login_user(user)\nu.set_password(password)\n",
    };
    expect(detect(flask)?.password_hashing?.evidence).toEqual([
      { file: "spaceship/models/user.py", line: 1, note: "Werkzeug password hash" },
    ]);
    // A model that keeps the password as given hashes nothing, whatever its methods are called.
    expect(
      detect({
        "app/models.py":
          "class User(db.Model):\n  def set_password(self, pw):\n    self.password = pw\n",
        "app/views.py": "user.set_password(form.password.data)\n",
      })?.password_hashing?.value,
    ).toBe(false);
    // In a Django project the same call is Django's hasher.
    expect(
      detect({
        "requirements.txt": "Django==5.1\n",
        "accounts/serializers.py":
          "def create(self, data):\n    user.set_password(data['password'])\n",
      })?.password_hashing?.evidence,
    ).toEqual([{ file: "accounts/serializers.py", line: 2, note: "Django password hasher" }]);
  });

  it("counts Quarkus OIDC as JWT auth, and as OAuth only for a code-flow sign-in or an OIDC client", () => {
    const service = {
      "src/main/resources/application.properties":
        "quarkus.http.port=8081\n%prod.quarkus.oidc.auth-server-url=https://sso.example.org/realms/todo\nquarkus.oidc.client-id=todo-api\n",
    };
    expect(detect(service)?.auth_jwt?.evidence).toEqual([
      {
        file: "src/main/resources/application.properties",
        line: 2,
        note: "Quarkus OIDC bearer tokens",
      },
    ]);
    expect(detect(service)?.oauth?.value).toBe(false);
    // a commented-out setting configures nothing
    expect(
      detect({ "application.properties": "# quarkus.oidc.auth-server-url=http://localhost\n" })
        ?.auth_jwt?.value,
    ).toBe(false);
    const webApp = detect({
      "src/main/resources/application.properties":
        "quarkus.oidc.auth-server-url=https://sso.example.org/realms/shop\nquarkus.oidc.application-type=web-app\n",
      "src/main/java/shop/Profile.java":
        "import io.quarkus.oidc.IdToken;\nimport org.eclipse.microprofile.jwt.JsonWebToken;\n",
    });
    expect(webApp?.oauth?.evidence).toEqual([
      { file: "src/main/resources/application.properties", line: 2, note: "Quarkus OIDC login" },
      { file: "src/main/java/shop/Profile.java", line: 1, note: "Quarkus OIDC login" },
    ]);
    expect(
      detect({
        "billing/application.properties":
          "quarkus.oidc-client.auth-server-url=https://sso.example.org/realms/ops\nquarkus.oidc-client.grant.type=client\n",
      })?.oauth?.evidence,
    ).toEqual([{ file: "billing/application.properties", line: 1, note: "Quarkus OIDC client" }]);
  });
});
