import { defineConfig } from "vite";

// Relative asset paths so the built viewer can be served from any folder
// (the `kg serve` server, a static host, a sub-path).
export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1200,
  },
});
