/** The frame of every page: skip link, header with navigation, theme choice and sign-out. */
import { useState } from "react";
import { Link, NavLink, Outlet, useNavigate } from "react-router-dom";
import { useApi, useAuth } from "../auth/auth-context.js";
import { isThemeChoice } from "../theme/theme.js";
import { useThemeState } from "../theme/theme-context.js";
import { navItemsFor } from "./nav-items.js";

export function AppShell() {
  const auth = useAuth();
  const api = useApi();
  const navigate = useNavigate();
  const { choice, choose } = useThemeState();
  const [signingOut, setSigningOut] = useState(false);
  const user = auth.status === "ready" ? auth.user : null;

  const signOut = async () => {
    setSigningOut(true);
    try {
      await api.logout();
    } finally {
      setSigningOut(false);
      void navigate("/login");
    }
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          devladder
        </Link>
        {user && (
          <nav aria-label="Main">
            <ul>
              {navItemsFor(user.role).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>{item.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="header-tools">
          <label className="theme-picker">
            <span>Theme</span>
            <select
              value={choice}
              onChange={(event) => {
                if (isThemeChoice(event.target.value)) choose(event.target.value);
              }}
            >
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          {user && (
            <div className="account">
              <span className="account-name" title={user.email}>
                {user.displayName}
              </span>
              <button
                type="button"
                className="button button-quiet"
                disabled={signingOut}
                onClick={() => void signOut()}
              >
                Log out
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
