import { defineConfig } from "vitest/config";

// Node only: the simulator needs sockets, so there is no browser project.
export default defineConfig({
  test: {
    projects: [{ test: { name: "node", include: ["test/**/*.test.ts"], environment: "node", testTimeout: 15000 } }],
  },
});
