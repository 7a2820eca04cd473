import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { ApiError } from "../api/api-error.js";
import { SELF_SERVICE_ROLES, type RegisterBody } from "../api/api-types.js";
import { register } from "../api/devladder-api.js";
import { useApi } from "../auth/auth-context.js";
import { Field } from "../components/field.js";
import { FormError } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";
import { useSubmission } from "../components/use-submission.js";

const ROLE_TEXT: Record<RegisterBody["role"], string> = {
  learner: "Learner: follow the roadmap and track my progress",
  mentor: "Mentor: support learners who share their progress with me",
  recruiter: "Recruiter: look at candidates who share their profile",
};

export const MIN_PASSWORD_LENGTH = 10;

export function SignupPage() {
  usePageTitle("Create an account");
  const api = useApi();
  const navigate = useNavigate();
  const [form, setForm] = useState<RegisterBody>({
    displayName: "",
    email: "",
    password: "",
    role: "learner",
  });
  const signup = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signup.run(async () => {
      try {
        // the API answers 202 whether or not the email was free, so signing in tells which it was
        await register(api, form);
        await api.login(form.email, form.password);
      } catch (caught) {
        throw caught instanceof ApiError && caught.status === 401
          ? new Error("That email already has an account. Log in instead, or use another email.")
          : caught;
      }
      void navigate(form.role === "learner" ? "/onboarding" : "/roadmap", { replace: true });
    });
  };

  return (
    <section className="auth-card" aria-labelledby="signup-title">
      <h1 id="signup-title">Create your account</h1>
      <p className="lead">
        A dated plan for the backend roadmap, and a record of what you have done.
      </p>
      <form onSubmit={submit} noValidate>
        <Field
          label="Your name"
          autoComplete="name"
          required
          maxLength={100}
          value={form.displayName}
          error={signup.fieldError("displayName")}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
        />
        <Field
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={form.email}
          error={signup.fieldError("email")}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          value={form.password}
          error={signup.fieldError("password")}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <fieldset className="choice-group">
          <legend>I am joining as</legend>
          {SELF_SERVICE_ROLES.map((role) => (
            <label key={role} className="choice">
              <input
                type="radio"
                name="role"
                value={role}
                checked={form.role === role}
                onChange={() => setForm({ ...form, role })}
              />
              <span>{ROLE_TEXT[role]}</span>
            </label>
          ))}
        </fieldset>
        <FormError error={signup.error} />
        <button type="submit" className="button button-primary" disabled={signup.busy}>
          {signup.busy ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}
