/** The routes. Each page of a later slice (repositories, growth, mentor, recruiter) is one line here. */
import { Route, Routes } from "react-router-dom";
import type { ApiClient } from "./api/api-client.js";
import { AuthProvider } from "./auth/auth-context.js";
import { HomeRedirect, PublicOnly, RequireAuth } from "./auth/route-guards.js";
import { AppShell } from "./layout/app-shell.js";
import { AnalysisPage } from "./pages/analysis-page.js";
import { CandidateProfilePage } from "./pages/candidate-profile-page.js";
import { CertificationsPage } from "./pages/certifications-page.js";
import { GrowthPage } from "./pages/growth-page.js";
import { LoginPage } from "./pages/login-page.js";
import { MentorPage } from "./pages/mentor-page.js";
import { NotFoundPage } from "./pages/not-found-page.js";
import { OnboardingPage } from "./pages/onboarding-page.js";
import { PlanPage } from "./pages/plan-page.js";
import { PracticePage } from "./pages/practice-page.js";
import { ReadinessPage } from "./pages/readiness-page.js";
import { RepositoriesPage } from "./pages/repositories-page.js";
import { RecruiterPage } from "./pages/recruiter-page.js";
import { RoadmapPage } from "./pages/roadmap-page.js";
import { SharedProfilePage } from "./pages/shared-profile-page.js";
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
              <Route path="repositories" element={<RepositoriesPage />} />
              <Route path="analyses/:analysisId" element={<AnalysisPage />} />
              <Route path="growth" element={<GrowthPage />} />
              <Route path="readiness" element={<ReadinessPage />} />
              <Route path="certifications" element={<CertificationsPage />} />
              <Route path="practice" element={<PracticePage />} />
              <Route path="mentor" element={<MentorPage />} />
              <Route path="mentor/:learnerId" element={<MentorPage />} />
              <Route path="candidates" element={<RecruiterPage />} />
              <Route path="candidates/:userId" element={<CandidateProfilePage />} />
            </Route>
            {/* open to anyone, signed in or not: the share link is the permission */}
            <Route path="p/:slug" element={<SharedProfilePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AuthProvider>
    </ThemeProvider>
  );
}
