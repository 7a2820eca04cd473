import { useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { useApi } from "../auth/auth-context.js";
import { Field } from "../components/field.js";
import { FormError } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useSubmission } from "../components/use-submission.js";

export function LoginPage() {
  usePageTitle("Log in");
  const api = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useSubmission();

  const from = (location.state as { from?: string } | null)?.from ?? "/";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void login.run(async () => {
      await api.login(email, password);
      void navigate(from, { replace: true });
    });
  };

  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">Log in</h1>
      <p className="lead">Pick up your roadmap where you left it.</p>
      <form onSubmit={submit} noValidate>
        <Field
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormError error={login.error} />
        <button type="submit" className="button button-primary" disabled={login.busy}>
          {login.busy ? "Logging in…" : "Log in"}
        </button>
      </form>
      <p>
        New here? <Link to="/signup">Create an account</Link>
      </p>
    </section>
  );
}
