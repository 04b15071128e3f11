import { defineConfig } from "vitest/config";

// Node only: fuzzing budgets, loopback sockets, process.memoryUsage and perf_hooks.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/**/*.node.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 30_000,
          // One file at a time: the fuzz, soak and memory figures must not compete with each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
