// One vitest configuration for every package: a Node project and a headless Chromium project
// (Debian's /usr/bin/chromium through Playwright; nothing is downloaded).
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.mjs";

/**
 * CI runs every package's suites at once on 2 cores: a per-test time limit is a hang guard, not a
 * speed check (a CPU-bound test that takes 2 s alone took over 30 s at a load average of 20).
 */
const timeouts = { testTimeout: 120_000, hookTimeout: 120_000 };

/** Tests that need Node (files, sockets, the spec on disk) are named *.node.test.ts and skip the browser. */
const nodeProject = { ...timeouts, name: "node", include: ["test/**/*.test.ts"], environment: "node" } as const;

/** A package whose tests need Node (sockets, processes): the Node project only. */
export function nodeConfig() {
  return defineConfig({ test: { projects: [{ test: nodeProject }] } });
}

export function packageConfig() {
  return defineConfig({
    test: {
      projects: [
        { test: nodeProject },
        {
          test: {
            ...timeouts,
            name: "browser",
            include: ["test/**/*.test.ts"],
            exclude: ["test/**/*.node.test.ts"],
            browser: {
              enabled: true,
              headless: true,
              screenshotFailures: false,
              provider: playwright({
                launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
              }),
              instances: [{ browser: "chromium" }],
            },
          },
        },
      ],
    },
  });
}
