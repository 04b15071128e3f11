// One vitest configuration for every package: a Node project and a headless Chromium project
// (Debian's /usr/bin/chromium through Playwright; nothing is downloaded).
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Tests that need Node (files, sockets, the spec on disk) are named *.node.test.ts and skip the browser. */
export function packageConfig() {
  return defineConfig({
    test: {
      projects: [
        { test: { name: "node", include: ["test/**/*.test.ts"], environment: "node" } },
        {
          test: {
            name: "browser",
            include: ["test/**/*.test.ts"],
            exclude: ["test/**/*.node.test.ts"],
            browser: {
              enabled: true,
              headless: true,
              screenshotFailures: false,
              provider: playwright({
                launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
              }),
              instances: [{ browser: "chromium" }],
            },
          },
        },
      ],
    },
  });
}
