import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { createApiClient } from "./api/api-client.js";
import { browserRefreshLock, browserTokenStore } from "./api/browser-session.js";
import { App } from "./app.js";
import { applyStoredTheme } from "./theme/theme.js";
import "./styles.css";
import "./people.css";

applyStoredTheme();

const api = createApiClient({ tokens: browserTokenStore(), refreshLock: browserRefreshLock });
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App api={api} />
    </BrowserRouter>
  </StrictMode>,
);
