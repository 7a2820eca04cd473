/**
 * The web app's build: React through Vite, from web/ into dist/web, where the Fastify app
 * (src/api/plugins/web-app.ts) finds and serves it. During `vite` development the API calls are
 * proxied to a running `devladder serve` on port 3000.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("web"),
  plugins: [react()],
  build: {
    outDir: here("dist/web"),
    // dist/web lies outside the Vite root, so Vite only empties it when told to
    emptyOutDir: true,
    sourcemap: true,
    // the chart library is one lazily loaded chunk of about 530 kB, fetched on the plan page only
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { "/api": "http://localhost:3000", "/docs": "http://localhost:3000" },
  },
});
