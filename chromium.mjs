// How every test and benchmark starts Chromium: Debian's binary (nothing downloaded) and the flags
// that keep it off this machine's closed network (without them it tries Google's hosts at start).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
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
