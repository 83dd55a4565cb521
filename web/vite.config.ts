import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// Two pages: the console (index.html, a single-page app) and the offline explorer. Everything
// they use is bundled: no CDN, no web fonts (the system font stack), no remote icons.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: { console: page("index.html"), explorer: page("explorer.html") },
      // GraphiQL's modules start with React Compiler directives ("use no memo") that bundling drops, harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  // `npm run dev:web` beside `npm run dev`: the API on :4000, the console with hot reload on :5173.
  server: { proxy: { "/graphql": { target: "http://localhost:4000", ws: true } } },
});
