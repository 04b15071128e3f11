import { defineConfig } from "vitest/config";

/**
 * Two projects, both run by Node: `node` (the server, the state, the wire) and `chromium` (the page
 * in Debian's Chromium through Playwright, against the simulator through the live server).
 * Per-test limits are hang guards (CI runs every package at once on 2 cores), not speed checks.
 */
const timeouts = { testTimeout: 120_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...timeouts, name: "node", include: ["test/**/*.node.test.ts"], environment: "node" } },
      {
        test: {
          ...timeouts,
          name: "chromium",
          include: ["test/**/*.chromium.test.ts"],
          environment: "node",
          fileParallelism: false,
        },
      },
    ],
  },
});
