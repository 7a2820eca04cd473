import { Link } from "react-router-dom";
import { EmptyState } from "../components/status-views.js";
import { usePageTitle } from "../components/use-page-title.js";

export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <section className="page">
      <h1>Page not found</h1>
      <EmptyState
        title="Nothing lives at this address"
        action={<Link to="/">Go to the start</Link>}
      >
        <p>The link may be old, or the address mistyped.</p>
      </EmptyState>
    </section>
  );
}
