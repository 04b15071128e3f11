import { defineConfig } from "vitest/config";

// Node only: the client needs TCP sockets (loopback), so there is no browser project.
export default defineConfig({
  test: {
    projects: [{ test: { name: "node", include: ["test/**/*.test.ts"], environment: "node", testTimeout: 20_000 } }],
  },
});
