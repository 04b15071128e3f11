import { defineConfig } from "vitest/config";

// Node only: the simulator needs sockets, so there is no browser project.
// The per-test limit is a hang guard, not a speed check: CI runs every suite at once on 2 cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
