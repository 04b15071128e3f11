// @ts-check
// Stays JavaScript: at the root, outside every package's tsc, imported at run time by several packages' compiled tools.
// (Type-checked by packages/live/tsconfig.test.json; vitest.shared.ts imports it too.)
// How every test and benchmark starts Chromium: Debian's binary (nothing downloaded) and the flags
// that keep it off this machine's closed network (without them it tries Google's hosts at start).

/** The Chromium binary: $CHROMIUM_PATH, else Debian's. @type {string} */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Its command-line flags. @type {string[]} */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
