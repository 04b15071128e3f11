// The page: page/ → dist/page (relative URLs, so it can be served under any path).
import { defineConfig } from "vite";

export default defineConfig({
  root: "page",
  base: "./",
  logLevel: "warn",
  build: {
    outDir: "../dist/page",
    emptyOutDir: true,
    // One chunk per protocol version's tables; the page loads the one its server speaks.
    chunkSizeWarningLimit: 400,
    reportCompressedSize: false,
  },
});
