/** The routes. Each page of a later slice (repositories, growth, mentor, recruiter) is one line here. */
import { Route, Routes } from "react-router-dom";
import type { ApiClient } from "./api/api-client.js";
import { AuthProvider } from "./auth/auth-context.js";
import { HomeRedirect, PublicOnly, RequireAuth } from "./auth/route-guards.js";
import { AppShell } from "./layout/app-shell.js";
import { LoginPage } from "./pages/login-page.js";
import { NotFoundPage } from "./pages/not-found-page.js";
import { OnboardingPage } from "./pages/onboarding-page.js";
import { PlanPage } from "./pages/plan-page.js";
import { RoadmapPage } from "./pages/roadmap-page.js";
import { SignupPage } from "./pages/signup-page.js";
import { ThemeProvider } from "./theme/theme-context.js";

export function App({ api }: { api: ApiClient }) {
  return (
    <ThemeProvider>
      <AuthProvider api={api}>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<HomeRedirect />} />
            <Route element={<PublicOnly />}>
              <Route path="login" element={<LoginPage />} />
              <Route path="signup" element={<SignupPage />} />
            </Route>
            <Route element={<RequireAuth />}>
              <Route path="onboarding" element={<OnboardingPage />} />
              <Route path="roadmap" element={<RoadmapPage />} />
              <Route path="plan" element={<PlanPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AuthProvider>
    </ThemeProvider>
  );
}
