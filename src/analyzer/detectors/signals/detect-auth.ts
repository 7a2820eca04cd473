/**
 * Authentication and authorization: JWT, OAuth/OIDC, password hashing, role or ownership checks.
 *
 * Every signal here needs use in application code; a library that is only declared does not
 * prove the app authenticates anyone. Manifest lines are added as supporting evidence.
 * OAuth means a real provider or client flow (social login, an OIDC client, an authorization
 * server). FastAPI's `OAuth2PasswordBearer` only reads a bearer token from a password form and is
 * deliberately not OAuth. Authorization means more than "is logged in": roles, permissions,
 * policies or an explicit ownership comparison.
 */
import { type Detector, type ScanContext } from "../../scan-context.js";
import { usesDjango } from "./uses-django.js";
import { ownRoleAnnotationEvidence } from "./jvm-own-role-annotations.js";
import {
  CONFIG_EXTS,
  CS_EXTS,
  GO_EXTS,
  JS_EXTS,
  JVM_EXTS,
  PHP_EXTS,
  PY_EXTS,
  RB_EXTS,
  boolSignal,
  code,
  codeOnLine,
  compileRules,
  flatEvidence,
  goImport,
  jsImport,
  jvmImport,
  onUncommentedLine,
  phpUse,
  pyImport,
  runBackendRules,
  type Rule,
  type RuleResult,
} from "./signal-kit.js";

/**
 * Quarkus OIDC settings (`quarkus.oidc.auth-server-url=…`, also per tenant and profile). Its
 * default application type, `service`, checks the bearer access tokens the provider issues (JWT);
 * only `web-app` and `hybrid` sign users in through the authorization code flow (OAuth/OIDC).
 */
const QUARKUS_OIDC = onUncommentedLine(/\bquarkus\.oidc\.[\w"./-]+[ \t]*[=:]/);
const QUARKUS_OIDC_LOGIN = onUncommentedLine(
  /\bquarkus\.oidc\.(?:[\w"-]+\.)?application-type[ \t]*[=:][ \t]*(?:web-app|hybrid)\b/,
);
/** `quarkus.oidc-client.*`: the app obtains tokens itself through an OAuth grant. */
const QUARKUS_OIDC_CLIENT = onUncommentedLine(/\bquarkus\.oidc-client\.[\w"./-]+[ \t]*[=:]/);

const JWT_RULES: readonly Rule[] = [
  {
    id: "node-jwt",
    deps: [
      "npm:jsonwebtoken",
      "npm:jose",
      "npm:@nestjs/jwt",
      "npm:passport-jwt",
      "npm:@fastify/jwt",
      "npm:fastify-jwt",
      "npm:express-jwt",
      "npm:koa-jwt",
      "npm:jwt-simple",
      "npm:express-oauth2-jwt-bearer",
      "npm:keycloak-connect",
    ],
    uses: [
      jsImport("jsonwebtoken"),
      jsImport("jose"),
      jsImport("@nestjs/jwt"),
      jsImport("passport-jwt"),
      jsImport("@fastify/jwt"),
      jsImport("fastify-jwt"),
      jsImport("express-jwt"),
      jsImport("koa-jwt"),
      jsImport("jwt-simple"),
      jsImport("express-oauth2-jwt-bearer"),
      jsImport("hono/jwt"),
      // Keycloak's adapter checks the signed access tokens (JWTs) its server issues
      jsImport("keycloak-connect"),
      // Firebase Admin checks the signed ID token (a JWT) a client sends with each request
      code(JS_EXTS, "verifyIdToken", /\.verifyIdToken\s*\(/, "verifies Firebase ID tokens"),
    ],
  },
  {
    id: "python-jwt",
    deps: [
      "pypi:pyjwt",
      "pypi:djangorestframework-simplejwt",
      "pypi:djangorestframework-jwt",
      "pypi:drf-jwt",
      "pypi:python-jose",
      "pypi:flask-jwt-extended",
      "pypi:authlib",
    ],
    uses: [
      pyImport("jwt"),
      code(PY_EXTS, "rest_framework_simplejwt", undefined, "simplejwt"),
      // djangorestframework-jwt and its maintained fork drf-jwt share this module name
      pyImport("rest_framework_jwt", "djangorestframework-jwt"),
      code(PY_EXTS, "jose", /^\s*from\s+jose\s+import\s+[^\n]*\bjwt\b/m, "python-jose"),
      pyImport("flask_jwt_extended"),
      pyImport("authlib.jose"),
      code(PY_EXTS, "verify_id_token", /\.verify_id_token\s*\(/, "verifies Firebase ID tokens"),
    ],
  },
  {
    id: "jvm-jwt",
    deps: [
      "maven:jjwt-api",
      "maven:jjwt",
      "maven:java-jwt",
      "maven:spring-boot-starter-oauth2-resource-server",
      "maven:spring-security-oauth2-jose",
      "maven:keycloak-spring-boot-starter",
      "maven:keycloak-spring-security-adapter",
      "maven:quarkus-oidc",
    ],
    uses: [
      jvmImport("io.jsonwebtoken"),
      jvmImport("com.auth0.jwt"),
      jvmImport("com.nimbusds.jwt"),
      jvmImport("org.springframework.security.oauth2.jwt"),
      // Quarkus and MicroProfile: SmallRye JWT, jose4j
      jvmImport("io.smallrye.jwt"),
      jvmImport("org.eclipse.microprofile.jwt"),
      jvmImport("org.jose4j.jwt"),
      // Keycloak's Spring adapter checks the signed access tokens (JWTs) its server issues
      jvmImport("org.keycloak.adapters"),
      code(CONFIG_EXTS, "quarkus.oidc.", QUARKUS_OIDC, "Quarkus OIDC bearer tokens"),
      code(
        JVM_EXTS,
        "oauth2ResourceServer",
        /oauth2ResourceServer\s*\([\s\S]{0,120}?\bjwt\b/,
        "JWT resource server",
      ),
      code(JVM_EXTS, "verifyIdToken", /\.verifyIdToken\s*\(/, "verifies Firebase ID tokens"),
    ],
  },
  {
    id: "go-jwt",
    deps: [
      "go:github.com/golang-jwt/jwt",
      "go:github.com/dgrijalva/jwt-go",
      "go:github.com/lestrrat-go/jwx",
    ],
    uses: [
      goImport("github.com/golang-jwt/jwt"),
      goImport("github.com/dgrijalva/jwt-go"),
      goImport("github.com/lestrrat-go/jwx"),
      goImport("github.com/gofiber/contrib/jwt"),
      goImport("github.com/labstack/echo-jwt"),
      code(
        ["go"],
        "VerifyIDToken",
        /\.VerifyIDToken(?:AndCheckRevoked)?\s*\(/,
        "verifies Firebase ID tokens",
      ),
    ],
  },
  {
    id: "ruby-jwt",
    deps: ["gem:jwt", "gem:devise-jwt"],
    uses: [
      code(RB_EXTS, "JWT.", /\bJWT\.(?:encode|decode)\b/, "ruby-jwt"),
      code(RB_EXTS, "jwt_authenticatable", undefined, "devise-jwt"),
    ],
  },
  {
    id: "php-jwt",
    deps: [
      "composer:firebase/php-jwt",
      "composer:tymon/jwt-auth",
      "composer:php-open-source-saver/jwt-auth",
      "composer:lcobucci/jwt",
    ],
    uses: [
      phpUse("Firebase\\JWT"),
      phpUse("Tymon\\JWTAuth"),
      phpUse("PHPOpenSourceSaver\\JWTAuth"),
      phpUse("Lcobucci\\JWT"),
      code(PHP_EXTS, "jwt", /['"]driver['"]\s*=>\s*['"]jwt['"]/, "JWT guard"),
    ],
  },
  {
    id: "dotnet-jwt",
    deps: [
      "nuget:microsoft.aspnetcore.authentication.jwtbearer",
      "nuget:system.identitymodel.tokens.jwt",
    ],
    uses: [
      code(CS_EXTS, "AddJwtBearer", undefined, "JWT bearer authentication"),
      code(CS_EXTS, "JwtSecurityTokenHandler", undefined, "issues JWTs"),
      code(CS_EXTS, "JsonWebTokenHandler", undefined, "issues JWTs"),
    ],
  },
];

/**
 * A Keycloak adapter's server URL in settings that do not say `bearer-only: true` before or after
 * it (`keycloak.bearer-only=true`, `"bearer-only": true`).
 */
const BEARER_ONLY = String.raw`\bbearer-only["']?\s*[:=]\s*["']?true\b`;
const KEYCLOAK_LOGIN = new RegExp(
  String.raw`\bauth-server-url\b(?<!${BEARER_ONLY}[\s\S]*)(?![\s\S]*${BEARER_ONLY})`,
);

const OAUTH_RULES: readonly Rule[] = [
  {
    id: "node-oauth",
    deps: [
      "npm:passport-google-oauth20",
      "npm:passport-github2",
      "npm:passport-oauth2",
      "npm:passport-facebook",
      "npm:openid-client",
      "npm:next-auth",
      "npm:@auth/core",
      "npm:simple-oauth2",
      "npm:@fastify/oauth2",
      "npm:arctic",
      "npm:oidc-provider",
      "npm:apple-signin-auth",
    ],
    uses: [
      jsImport("passport-google-oauth20"),
      jsImport("passport-google-oauth2"),
      jsImport("passport-github2"),
      jsImport("passport-github"),
      jsImport("passport-oauth2"),
      jsImport("passport-facebook"),
      jsImport("openid-client"),
      jsImport("next-auth/providers"),
      jsImport("@auth/core/providers"),
      jsImport("simple-oauth2"),
      jsImport("@fastify/oauth2"),
      jsImport("arctic"),
      jsImport("oidc-provider"),
      jsImport("apple-signin-auth"),
      // google-auth-library's OAuth2Client checking a "Sign in with Google" ID token
      code(JS_EXTS, "verifyIdToken", /\.verifyIdToken\s*\(/, "OIDC ID token check"),
    ],
  },
  {
    id: "python-oauth",
    deps: [
      "pypi:authlib",
      "pypi:social-auth-app-django",
      "pypi:django-allauth",
      "pypi:requests-oauthlib",
      "pypi:flask-dance",
      "pypi:django-oauth-toolkit",
      "pypi:fastapi-sso",
      "pypi:google-auth-oauthlib",
      "pypi:flask-oauthlib",
      "pypi:loginpass",
    ],
    uses: [
      pyImport("authlib.integrations"),
      // Authlib before 0.12 (`from authlib.flask.client import OAuth`), Flask-OAuthlib, loginpass
      pyImport("authlib.flask"),
      pyImport("authlib.client"),
      pyImport("flask_oauthlib"),
      pyImport("loginpass"),
      pyImport("social_django"),
      pyImport("social_core"),
      pyImport("requests_oauthlib"),
      pyImport("flask_dance"),
      pyImport("fastapi_sso"),
      pyImport("oauth2_provider"),
      pyImport("google_auth_oauthlib"),
      code(PY_EXTS, "allauth.socialaccount", undefined, "django-allauth social accounts"),
      code(PY_EXTS, "oauth2_provider", undefined, "django-oauth-toolkit"),
    ],
  },
  {
    id: "jvm-oauth",
    deps: [
      "maven:spring-boot-starter-oauth2-client",
      "maven:spring-boot-starter-oauth2-authorization-server",
      "maven:spring-security-oauth2-authorization-server",
      "maven:quarkus-oidc-client",
    ],
    uses: [
      code(JVM_EXTS, "oauth2Login", /\.oauth2Login\s*\(/, "OAuth2 login"),
      code(JVM_EXTS, "oauth2Client", /\.oauth2Client\s*\(/, "OAuth2 client"),
      jvmImport("org.springframework.security.oauth2.server.authorization"),
      code(
        CONFIG_EXTS,
        "oauth2",
        /spring\.security\.oauth2\.client\.registration|oauth2:\s*\n\s+client:\s*\n\s+registration:/,
        "OAuth2 client registration",
      ),
      // A Keycloak adapter's settings (Spring's keycloak.*, keycloak.json): it signs users in
      // through Keycloak's OIDC login unless it is bearer-only, which only checks tokens (JWT).
      code(CONFIG_EXTS, "keycloak", KEYCLOAK_LOGIN, "Keycloak OIDC login"),
      code(CONFIG_EXTS, "application-type", QUARKUS_OIDC_LOGIN, "Quarkus OIDC login"),
      code(CONFIG_EXTS, "quarkus.oidc-client.", QUARKUS_OIDC_CLIENT, "Quarkus OIDC client"),
      // the ID token exists only after a code-flow sign-in; OidcClient fetches tokens by a grant
      jvmImport("io.quarkus.oidc.IdToken", "Quarkus OIDC login"),
      jvmImport("io.quarkus.oidc.client", "Quarkus OIDC client"),
    ],
  },
  {
    id: "go-oauth",
    deps: [
      "go:golang.org/x/oauth2",
      "go:github.com/coreos/go-oidc",
      "go:github.com/markbates/goth",
      "go:github.com/zitadel/oidc",
    ],
    uses: [
      goImport("golang.org/x/oauth2"),
      goImport("github.com/coreos/go-oidc"),
      goImport("github.com/markbates/goth"),
      goImport("github.com/zitadel/oidc"),
    ],
  },
  {
    id: "ruby-oauth",
    deps: ["gem:omniauth", "gem:doorkeeper"],
    uses: [
      code(
        RB_EXTS,
        "omniauth",
        // Not on a comment line: Devise's generated model lists `:omniauthable` in one. Not
        // `resource_class.omniauth_providers` either: Devise's generated sign-in links read it.
        onUncommentedLine(
          /\bprovider\s+:\w+|:omniauthable|omniauth_providers\s*(?::|=>)|\bconfig\.omniauth\s+:\w+|["']omniauth\.auth["']/,
        ),
        "OmniAuth provider",
      ),
      // config/initializers/omniauth.rb: `use OmniAuth::Builder do provider :github, … end`
      code(
        RB_EXTS,
        "OmniAuth::Builder",
        onUncommentedLine(/OmniAuth::Builder\b/),
        "OmniAuth provider",
      ),
      code(RB_EXTS, "Doorkeeper", undefined, "Doorkeeper"),
      // GitHub sign-in by hand with Octokit
      code(RB_EXTS, "exchange_code_for_token", undefined, "OAuth code exchange (Octokit)"),
    ],
  },
  {
    id: "php-oauth",
    deps: [
      "composer:laravel/socialite",
      "composer:laravel/passport",
      "composer:league/oauth2-client",
      "composer:league/oauth2-server",
    ],
    uses: [
      phpUse("Laravel\\Socialite"),
      code(PHP_EXTS, "Socialite::", undefined, "Socialite"),
      code(PHP_EXTS, "Passport::", undefined, "Passport"),
      phpUse("League\\OAuth2"),
    ],
  },
  {
    id: "dotnet-oauth",
    deps: [
      "nuget:microsoft.aspnetcore.authentication.openidconnect",
      "nuget:microsoft.aspnetcore.authentication.google",
      "nuget:openiddict",
      "nuget:duende.identityserver",
    ],
    uses: [
      code(CS_EXTS, "AddOpenIdConnect", undefined, "OpenID Connect"),
      code(
        CS_EXTS,
        ".Add",
        /\.Add(?:Google|GitHub|MicrosoftAccount|Facebook|OAuth)\s*\(/,
        "external login provider",
      ),
      code(CS_EXTS, "AddOpenIddict", undefined, "OpenIddict"),
      code(CS_EXTS, "AddIdentityServer", undefined, "IdentityServer"),
    ],
  },
  {
    // An OAuth client written by hand: it trades an authorization code for tokens.
    id: "oauth-code-exchange",
    uses: [
      code(
        [...JS_EXTS, ...PY_EXTS, ...JVM_EXTS, ...GO_EXTS, ...RB_EXTS, ...PHP_EXTS, ...CS_EXTS],
        "authorization_code",
        /grant_type["']?\s*(?:=>|[:=,])\s*[{[]?\s*["']?authorization_code\b/,
        "authorization-code exchange",
      ),
    ],
  },
];

/** The rule of Django's hasher, whose calls only a Django project makes. */
const DJANGO_HASH = "django-hash";

const HASHING_RULES: readonly Rule[] = [
  {
    id: "node-hash",
    deps: [
      "npm:bcrypt",
      "npm:bcryptjs",
      "npm:argon2",
      "npm:@node-rs/argon2",
      "npm:@node-rs/bcrypt",
      "npm:scrypt-kdf",
      "npm:passport-local-mongoose",
    ],
    uses: [
      jsImport("bcrypt"),
      jsImport("bcryptjs"),
      jsImport("argon2"),
      jsImport("@node-rs/argon2"),
      jsImport("@node-rs/bcrypt"),
      // `Scrypt.kdf(password, { logN: 15 })`: a salted scrypt hash, not node:crypto's function
      jsImport("scrypt-kdf"),
      // `userSchema.plugin(passportLocalMongoose)` stores a salted PBKDF2 hash, not the password
      jsImport("passport-local-mongoose"),
      code(JS_EXTS, "scrypt", /\bscrypt(?:Sync)?\s*\(/, "node:crypto scrypt"),
      code(JS_EXTS, "pbkdf2", /\bpbkdf2(?:Sync)?\s*\(/, "node:crypto pbkdf2"),
      code(JS_EXTS, "Bun.password", /\bBun\.password\.hash(?:Sync)?\s*\(/, "Bun.password"),
    ],
  },
  {
    id: "python-hash",
    deps: ["pypi:passlib", "pypi:pwdlib", "pypi:bcrypt", "pypi:argon2-cffi"],
    uses: [
      pyImport("passlib"),
      // pwdlib, passlib's successor in FastAPI's documentation and project template
      pyImport("pwdlib"),
      pyImport("bcrypt"),
      pyImport("argon2"),
      code(PY_EXTS, "generate_password_hash", undefined, "Werkzeug password hash"),
      code(PY_EXTS, "hashlib", /hashlib\.(?:pbkdf2_hmac|scrypt)\s*\(/, "hashlib key derivation"),
    ],
  },
  {
    // Counted only in a Django project (see usesDjango): elsewhere the same names are the
    // project's own methods (a Flask model's set_password), whose bodies show the library.
    id: DJANGO_HASH,
    uses: [
      code(
        PY_EXTS,
        "password",
        /(?<!\bdef[ \t]{1,4})\b(?:make_password|check_password)\s*\(|\.set_password\s*\(|\.objects\.create_(?:super)?user\s*\(/,
        "Django password hasher",
      ),
      code(
        PY_EXTS,
        "Abstract",
        /\(\s*(?:AbstractUser|AbstractBaseUser)\s*[,)]/,
        "Django auth user (hashed passwords)",
      ),
      // Django's sign-up form stores the password through set_password()
      code(PY_EXTS, "UserCreationForm", undefined, "Django password hasher (UserCreationForm)"),
    ],
  },
  {
    id: "jvm-hash",
    deps: ["maven:spring-security-crypto", "maven:jbcrypt"],
    uses: [
      code(JVM_EXTS, "PasswordEncoder", undefined, "Spring PasswordEncoder"),
      code(JVM_EXTS, "BCrypt.", /\bBCrypt\.(?:hashpw|checkpw)\b/, "jBCrypt"),
      // Quarkus / WildFly Elytron
      code(JVM_EXTS, "BcryptUtil", /\bBcryptUtil\.bcryptHash\s*\(/, "Elytron BcryptUtil"),
      jvmImport("org.wildfly.security.password.interfaces.BCryptPassword", "Elytron BCrypt"),
    ],
  },
  {
    id: "go-hash",
    deps: ["go:golang.org/x/crypto", "go:github.com/alexedwards/argon2id"],
    uses: [
      goImport("golang.org/x/crypto/bcrypt"),
      goImport("golang.org/x/crypto/argon2"),
      // argon2id.CreateHash(password, argon2id.DefaultParams): x/crypto's argon2 with a salt
      goImport("github.com/alexedwards/argon2id"),
      goImport("golang.org/x/crypto/scrypt"),
      goImport("golang.org/x/crypto/pbkdf2"),
    ],
  },
  {
    id: "ruby-hash",
    deps: ["gem:bcrypt", "gem:devise"],
    uses: [
      code(RB_EXTS, "has_secure_password", undefined, "has_secure_password"),
      code(RB_EXTS, "BCrypt::Password", undefined, "bcrypt"),
      // `include BCrypt` then `Password.create(password)` in a model
      code(RB_EXTS, "include BCrypt", /^\s*include\s+BCrypt\b/m, "bcrypt"),
      code(RB_EXTS, "database_authenticatable", undefined, "Devise password hashing"),
    ],
  },
  {
    id: "php-hash",
    uses: [
      code(PHP_EXTS, "Hash::", /\bHash::(?:make|check)\s*\(/, "Laravel Hash"),
      code(PHP_EXTS, "bcrypt(", /(?<![\w>$])bcrypt\s*\(/, "Laravel bcrypt()"),
      code(PHP_EXTS, "password_hash", /\bpassword_hash\s*\(/, "password_hash()"),
      code(PHP_EXTS, "hashed", /['"]password['"]\s*=>\s*['"]hashed['"]/, "hashed password cast"),
    ],
  },
  {
    id: "dotnet-hash",
    deps: ["nuget:bcrypt.net-next", "nuget:microsoft.aspnetcore.identity.entityframeworkcore"],
    uses: [
      code(CS_EXTS, "PasswordHasher", undefined, "ASP.NET PasswordHasher"),
      code(
        CS_EXTS,
        "Identity",
        /\.Add(?:Default)?Identity(?:Core|ApiEndpoints)?\s*</,
        "ASP.NET Identity",
      ),
      code(CS_EXTS, "BCrypt.Net", undefined, "BCrypt.Net"),
      code(CS_EXTS, "Rfc2898DeriveBytes", undefined, "PBKDF2"),
    ],
  },
];

/** `x.authorId !== req.user.id`-style comparisons between a record's owner and the current user. */
const JS_OWNERSHIP =
  /\b\w+\.(?:author|owner|user|creator|createdBy)(?:_?[Ii][Dd])?(?:\.\w+)?\s*[!=]==?\s*(?:req|request|ctx|c)\.(?:user|auth|state\.user|session\.user)\b|\b(?:req|request|ctx)\.(?:user|auth|state\.user)(?:\.\w+)?\s*[!=]==?\s*\w+\.(?:author|owner|user|creator)(?:_?[Ii][Dd])?\b/;
const JS_ROLE = /\buser\??\.(?:role\s*[!=]==?|roles\??\.(?:includes|some)\(|isAdmin\b)/;
/** `if (userId !== comment.userId)`: the caller's id, kept in a variable, against an owner's. */
const JS_OWNERSHIP_LOCAL =
  /\b(?:userId|currentUserId|requesterId|user_id)\s*[!=]==?\s*\w+\.(?:userId|authorId|ownerId|creatorId|user_id|author_id|owner_id)\b|\b\w+\.(?:userId|authorId|ownerId|creatorId|user_id|author_id|owner_id)(?:\.toString\(\))?\s*[!=]==?\s*(?:userId|currentUserId|requesterId|user_id)\b/;
/** `const role = jwt.verify(…).role; if (role !== 'admin')` */
const JS_ROLE_LOCAL =
  /\brole\s*[!=]==?\s*['"`](?:admin|superadmin|moderator|editor|owner|staff)['"`]/i;
/** `roleRights.get(user.role)`, `permissions[req.user.role]`: the caller's rights looked up by role. */
const JS_RIGHTS_BY_ROLE =
  /\b\w*(?:[Rr]ights|[Pp]ermissions|[Rr]oles|[Gg]rants)\w*(?:\??\.get\(|\[)\s*(?:req\.|request\.|ctx\.state\.)?user\??\.role\s*[)\]]/;
/** `req.params.userId !== user.id`: a route about one user, opened only to that user. */
const JS_PARAM_OWNER =
  /\breq\.params\.\w*[Ii]d\s*[!=]==?\s*(?:req\.)?user\??\.(?:id|_id)\b|\b(?:req\.)?user\??\.(?:id|_id)(?:\.toString\(\))?\s*[!=]==?\s*req\.params\.\w*[Ii]d\b/;
/** NestJS guards named for what they check: RolesGuard, PermissionsGuard, AuthorizationRoleGuard, PoliciesGuard. */
const NEST_AUTHZ_GUARD =
  /\bclass\s+\w*(?:Roles?|Permissions?|Polic(?:y|ies)|Abilit(?:y|ies))\w*Guard\b/;
/** `if (Auth::id() !== $post->user_id)`, `$request->user()->id === $post->author_id` */
const PHP_OWNERSHIP =
  /(?:Auth::id\(\)|auth\(\)->id\(\)|\$request->user\(\)->id|Auth::user\(\)->id)\s*[!=]==?\s*\$\w+->(?:user_id|author_id|owner_id)|\$\w+->(?:user_id|author_id|owner_id)\s*[!=]==?\s*(?:Auth::id\(\)|auth\(\)->id\(\)|\$request->user\(\)->id|Auth::user\(\)->id)/;
const PY_OWNERSHIP =
  /\.(?:author|owner|user|created_by)(?:_id)?\s*[!=]=\s*(?:request\.user|current_user)\b|(?:request\.user|current_user)(?:\.id)?\s*[!=]=\s*\w+\.(?:author|owner|user)(?:_id)?\b/;
/**
 * The requester turned away unless they are a record's owner, under whatever name the owner goes
 * (`if current_user.id != team.captain.id:`, `if mission.team.captain != current_user:`). Only
 * inequality: `==` also loads the user's own row (`User.id == current_user.id`).
 */
const PY_NOT_OWNER =
  /\b(?:request\.user|current_user)(?:\.id)?\s*!=\s*\w+(?:\.\w+)+|\b\w+(?:\.\w+)+\s*!=\s*(?:request\.user|current_user)(?:\.id)?(?![\w.])/;
/**
 * A role read, not set: `user.is_staff = True` in a create_superuser() grants it. The user may be
 * a dict (`current_user["is_superuser"]`, a FastAPI dependency returning the row as a mapping).
 */
const PY_ROLE =
  /(?:request\.user|current_user|user)(?:\.(?:(?:is_staff|is_superuser|is_admin)\b(?!\s*=(?!=))|has_perm\(|role\s*(?:[!=]=|(?:not\s+)?in\b))|\[["'](?:is_staff|is_superuser|is_admin)["']\](?!\s*=(?!=))|\[["']role["']\]\s*(?:[!=]=|(?:not\s+)?in\b))/;
/**
 * `[Authorize(Roles = "Admin")]`, `[Authorize(Policy = …)]` or a policy named first
 * (`[Authorize(Policies.RequiredAdminRole)]`, `[Authorize("AdminOnly")]`), also after
 * `AuthenticationSchemes = …,`; not `[Authorize]`, `[Authorize()]` or a scheme alone.
 */
const CS_AUTHORIZE_ATTRIBUTE =
  /\[Authorize\s*\((?:\s*AuthenticationSchemes\s*=[^,)\]]*,)?\s*(?!AuthenticationSchemes\b)[^\s)]/;
/** `s.Id == id && s.UserId == userId`: a record looked up by its id and its owner together (LINQ). */
const CS_OWNER_FIELD = String.raw`\w+\.(?:UserId|OwnerId|AuthorId|CreatorId|CreatedById|BuyerId)\s*==\s*[\w.()]+`;
const CS_OWNED_LOOKUP = new RegExp(
  String.raw`\w+\.Id\s*==\s*[\w.()]+\s*&&\s*${CS_OWNER_FIELD}|${CS_OWNER_FIELD}\s*&&\s*\w+\.Id\s*==`,
);
/**
 * Records looked up among the current user's own (`Recipe.objects.filter(user=self.request.user)`
 * in a DRF get_queryset, `get_object_or_404(Note, pk=pk, owner=request.user)`): others' are not
 * found. Saving with `user=request.user` only stamps the owner, so it does not count.
 */
const PY_SCOPED_QUERY =
  /(?:\.filter|\.get|get_object_or_404|get_list_or_404)\s*\([^()]*?\b(?:author|owner|user|created_by)(?:_id)?\s*=\s*(?:self\.)?request\.user\b/;
const GO_OWNERSHIP = /\b\w+\.(?:AuthorID|OwnerID|UserID|CreatedBy)\s*!=\s*\w+/;
/**
 * A role compared in Go: `user.Role == models.Admin`, `role != "admin"`, a claim read from a map
 * or a context (`claims["role"]`, `c.GetString("role")`), or the granted roles against the ones a
 * route requires (`gotRole == wantRole`). Not `role == ""`, a missing value.
 */
const GO_ROLE =
  /\.Role\s*[!=]=\s*"?\w+|(?:\b[Rr]oles?|\b[a-z]\w*Role|\[\s*"roles?"\s*\]|\(\s*"roles?"\s*\))(?:\.\(string\))?\s*[!=]=\s*(?:"\w+"|\w*Role\b)/;

/**
 * Spring Security checks that only ask for a signed-in user: `isAuthenticated()`, `permitAll()`,
 * or the ROLE_USER every account is given (`hasRole('USER')`, `@Secured("ROLE_USER")`).
 */
const SPRING_SIGNED_IN = String.raw`(?:isAuthenticated|isFullyAuthenticated|permitAll|isAnonymous|isRememberMe)\(\)|has(?:Any)?(?:Role|Authority)\(\s*'(?:ROLE_)?(?:USER|[Uu]ser)'\s*\)`;
const SPRING_DEFAULT_ROLE = String.raw`"(?:ROLE_)?(?:USER|[Uu]ser)"`;
/** `@PreAuthorize("hasRole('ADMIN')")`, not `@PreAuthorize("isAuthenticated()")`. */
const SPRING_EXPRESSION_ANNOTATION = new RegExp(
  String.raw`@P(?:re|ost)Authorize\s*\(\s*(?:value\s*=\s*)?(?!"\s*(?:${SPRING_SIGNED_IN})\s*"\s*\))`,
);
/** `@Secured("ROLE_ADMIN")`, `@RolesAllowed({"admin"})`, not the default user role alone. */
const SPRING_ROLE_ANNOTATION = new RegExp(
  String.raw`@(?:Secured|RolesAllowed)\s*\(\s*(?:value\s*=\s*)?(?!\{?\s*${SPRING_DEFAULT_ROLE}\s*\}?\s*\))`,
);
/** `.requestMatchers("/admin/**").hasRole("ADMIN")`, not `.hasRole("USER")`. */
const SPRING_ROLE_RULE = new RegExp(
  String.raw`\.(?:hasRole|hasAnyRole|hasAuthority|hasAnyAuthority)\s*\(\s*(?!${SPRING_DEFAULT_ROLE}\s*\))`,
);
/** `unless Current.user.admin?`, not on a comment line (a profiler hook left commented out). */
const RB_ROLE_CHECK = onUncommentedLine(
  /\b(?:if|unless)\b[^\n]*\.(?:is_)?(?:super_)?(?:admin|moderator|staff)\?/,
);
/** `if @post.user == current_user`, `@note.user_id != current_user.id` */
const RB_OWNERSHIP =
  /\.user(?:_id)?\s*[!=]=\s*(?:current_user|Current\.user)\b|\b(?:current_user|Current\.user)(?:\.id)?\s*[!=]=\s*@?\w+\.user(?:_id)?\b/;

/** `->name(` on a PHP line that is not a comment (docblocks show such calls as examples). */
function phpMethodCall(keyword: string, names: string, note: string) {
  const re = new RegExp(String.raw`^(?![ \t]*(?:\/\/|\*|#))[^\n]*->(?:${names})\s*\(`, "m");
  return code(PHP_EXTS, keyword, re, note);
}

const AUTHZ_RULES: readonly Rule[] = [
  {
    id: "node-authz",
    deps: ["npm:@casl/ability", "npm:accesscontrol", "npm:casbin"],
    uses: [
      code(JS_EXTS, "@Roles", /@Roles\s*\(/, "@Roles"),
      code(JS_EXTS, "RolesGuard", undefined, "RolesGuard"),
      jsImport("@casl/ability"),
      jsImport("accesscontrol"),
      jsImport("casbin"),
      codeOnLine(JS_EXTS, "user", JS_OWNERSHIP, "ownership check"),
      codeOnLine(JS_EXTS, "user", JS_ROLE, "role check"),
      codeOnLine(JS_EXTS, "Id", JS_OWNERSHIP_LOCAL, "ownership check"),
      code(JS_EXTS, "role", JS_ROLE_LOCAL, "role check"),
      codeOnLine(JS_EXTS, "role", JS_RIGHTS_BY_ROLE, "rights by role"),
      codeOnLine(JS_EXTS, "params", JS_PARAM_OWNER, "ownership check"),
      code(JS_EXTS, "Guard", NEST_AUTHZ_GUARD, "authorization guard"),
      code(JS_EXTS, "Permission", /@(?:Require)?Permissions?\s*\(/, "@Permissions"),
      code(JS_EXTS, "@CheckPolicies", /@CheckPolicies\s*\(/, "@CheckPolicies"),
    ],
  },
  {
    id: "python-authz",
    deps: ["pypi:casbin", "pypi:pycasbin", "pypi:fastapi-authz"],
    uses: [
      code(
        PY_EXTS,
        "BasePermission",
        /class\s+\w+\(\s*(?:permissions\.)?BasePermission\s*\)/,
        "DRF permission class",
      ),
      code(PY_EXTS, "has_object_permission", undefined, "object permission"),
      code(PY_EXTS, "IsAdminUser", undefined, "IsAdminUser"),
      code(PY_EXTS, "DjangoModelPermissions", undefined, "model permissions"),
      code(PY_EXTS, "permission_required", undefined, "permission_required"),
      code(PY_EXTS, "PermissionRequiredMixin", undefined, "PermissionRequiredMixin"),
      code(PY_EXTS, "user_passes_test", undefined, "user_passes_test"),
      // Django admin's decorator: staff members only
      code(PY_EXTS, "staff_member_required", undefined, "staff_member_required"),
      code(PY_EXTS, "roles_required", undefined, "roles_required"),
      // Django Ninja's built-in gate that lets only superusers call an operation
      code(PY_EXTS, "django_auth_superuser", undefined, "Django Ninja superuser auth"),
      code(PY_EXTS, "user", PY_OWNERSHIP, "ownership check"),
      code(PY_EXTS, "user", PY_NOT_OWNER, "ownership check"),
      code(PY_EXTS, "user", PY_ROLE, "role check"),
      code(PY_EXTS, "request.user", PY_SCOPED_QUERY, "query scoped to the user"),
      // Casbin (pycasbin) and its FastAPI middleware
      pyImport("casbin"),
      pyImport("fastapi_authz"),
    ],
  },
  {
    id: "jvm-authz",
    uses: [
      code(JVM_EXTS, "@PreAuthorize", SPRING_EXPRESSION_ANNOTATION, "@PreAuthorize"),
      code(JVM_EXTS, "@PostAuthorize", SPRING_EXPRESSION_ANNOTATION, "@PostAuthorize"),
      code(JVM_EXTS, "@Secured", SPRING_ROLE_ANNOTATION, "@Secured"),
      code(JVM_EXTS, "@RolesAllowed", SPRING_ROLE_ANNOTATION, "@RolesAllowed"),
      code(JVM_EXTS, "has", SPRING_ROLE_RULE, "role rule"),
    ],
  },
  {
    id: "go-authz",
    deps: ["go:github.com/casbin/casbin", "go:github.com/open-policy-agent/opa"],
    uses: [
      goImport("github.com/casbin/casbin"),
      // Open Policy Agent evaluated in process: Rego policies decide who may do what.
      goImport("github.com/open-policy-agent/opa/rego"),
      goImport("github.com/open-policy-agent/opa/v1/rego"),
      code(["go"], "ID", GO_OWNERSHIP, "ownership check"),
      code(["go"], "ole", GO_ROLE, "role check"),
      // Role middleware written by the project: authorize.RequiresRole(…), rbac.EnforceRole(…)
      code(
        ["go"],
        "Role",
        /\b(?:Requires?Role|EnforceRole|HasRole|RequireAnyRole)\s*\(/,
        "role middleware",
      ),
    ],
  },
  {
    id: "ruby-authz",
    deps: ["gem:pundit", "gem:cancancan"],
    uses: [
      code(RB_EXTS, "Pundit", undefined, "Pundit"),
      code(RB_EXTS, "authorize", /^\s*authorize\s+[@:\w]/m, "Pundit authorize"),
      code(RB_EXTS, "load_and_authorize_resource", undefined, "CanCanCan"),
      code(RB_EXTS, "CanCan::Ability", undefined, "CanCanCan ability"),
      code(RB_EXTS, "current", RB_OWNERSHIP, "ownership check"),
      // Hand-written role gates, the common case in Rails apps without a policy gem:
      // `before_action :require_admin`, `unless Current.user.admin?`, `user.is_moderator?`.
      code(
        RB_EXTS,
        "before_action",
        /before_action\s+:require_\w*(?:admin|moderator|staff|role)\w*/,
        "role filter",
      ),
      ...["admin?", "moderator?", "staff?"].map((keyword) =>
        code(RB_EXTS, keyword, RB_ROLE_CHECK, "role check"),
      ),
      // A record looked up among the signed-in user's own (`current_user.notes.find(params[:id])`):
      // another user's id is not found, Rails' usual ownership check.
      code(
        RB_EXTS,
        "user.",
        /\b(?:current_user|Current\.user)\.\w+\.find(?:_by)?!?\s*[(\s]/,
        "query scoped to the user",
      ),
    ],
  },
  {
    id: "php-authz",
    uses: [
      code(
        PHP_EXTS,
        "Gate::",
        // Not the `'Gate' => Gate::class` alias, a comment, or the dashboard gates that
        // Telescope, Horizon and Pulse install (viewTelescope, …).
        /^(?![ \t]*(?:\/\/|\*|#))[^\n]*\bGate::(?:define|allows|denies|authorize|check|any|none|forUser|inspect|policy|before|after)\s*\(\s*(?!['"]view(?:Telescope|Horizon|Pulse|Nova)\b)/m,
        "Gate",
      ),
      // `$this->authorize('update', $post)`, `$this->authorizeResource(Post::class)` in a constructor
      code(PHP_EXTS, "->authorize", /\$this->authorize(?:Resource)?\s*\(/, "authorize()"),
      // Laravel's `can:` middleware and spatie/laravel-permission's `permission:`, `role:` and
      // `role_or_permission:`, on a route, a group's options or a controller; not `auth:api`.
      code(
        PHP_EXTS,
        "middleware",
        /middleware['"]?\s*(?:\(|=>)\s*\[?[^)\]\n]*?['"](?:can|permission|role|role_or_permission):/,
        "permission middleware",
      ),
      code(PHP_EXTS, "Policy", /class\s+\w+Policy\b/, "policy class"),
      phpMethodCall("->can(", "can|cannot", "ability check"),
      code(PHP_EXTS, "_id", PHP_OWNERSHIP, "ownership check"),
      // spatie/laravel-permission and hand-written permission checks in controllers
      phpMethodCall(
        "Permission",
        "checkPermission|hasPermission(?:To)?|hasAnyPermission",
        "permission check",
      ),
      phpMethodCall("Role(", "hasRole|hasAnyRole", "role check"),
    ],
  },
  {
    id: "dotnet-authz",
    uses: [
      code(CS_EXTS, "Authorize(", CS_AUTHORIZE_ATTRIBUTE, "[Authorize(Roles/Policy)]"),
      // A named policy on a minimal API: `.RequireAuthorization("AdminOnly")`,
      // `.RequireAuthorization(Policies.Admin)`; without one it asks for a signed-in user only.
      code(
        CS_EXTS,
        "RequireAuthorization",
        /\.RequireAuthorization\s*\(\s*(?:"[^"\n]+"|[A-Z]\w*(?:\.\w+)+\s*[,)])/,
        "RequireAuthorization(policy)",
      ),
      code(CS_EXTS, "RequireRole", undefined, "RequireRole"),
      // An authorization policy that requires something; CORS and rate limiting have AddPolicy too.
      code(
        CS_EXTS,
        "AddPolicy",
        /AddPolicy\s*\([\s\S]{0,240}?(?:\.Require(?:Role|Claim|Assertion|UserName)\s*\(|Requirement\b)/,
        "authorization policy",
      ),
      code(CS_EXTS, "AuthorizationHandler", undefined, "authorization handler"),
      code(CS_EXTS, "Id ==", CS_OWNED_LOOKUP, "ownership check"),
    ],
  },
];

const jwt = compileRules(JWT_RULES);
const oauth = compileRules(OAUTH_RULES);
const hashing = compileRules(HASHING_RULES);
const authz = compileRules(AUTHZ_RULES);

/** The hashing rules' results, without Django's hasher outside a Django project. */
function hashingResults(ctx: ScanContext): Map<string, RuleResult> {
  const results = runBackendRules(ctx, hashing);
  if (results.get(DJANGO_HASH)?.found === true && !usesDjango(ctx)) results.delete(DJANGO_HASH);
  return results;
}

export const authDetector: Detector = {
  id: "signals/auth",
  detect(ctx) {
    return {
      signals: {
        auth_jwt: boolSignal(flatEvidence(runBackendRules(ctx, jwt))),
        oauth: boolSignal(flatEvidence(runBackendRules(ctx, oauth))),
        password_hashing: boolSignal(flatEvidence(hashingResults(ctx))),
        authorization: boolSignal([
          ...flatEvidence(runBackendRules(ctx, authz)),
          ...ownRoleAnnotationEvidence(ctx),
        ]),
      },
    };
  },
};
