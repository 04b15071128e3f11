import { defineConfig } from "vitest/config";

// Two suites: `snippets` (npm test: the ```ts blocks type-checked against the built packages) and
// `commands` (.ci/run, straight after `npm ci` on the fresh clone: the shell commands as written).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "snippets",
          include: ["test/snippets.test.ts"],
          environment: "node",
          testTimeout: 180_000,
        },
      },
      {
        test: {
          name: "commands",
          include: ["test/commands.test.ts"],
          environment: "node",
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
