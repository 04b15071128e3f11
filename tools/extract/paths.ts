// Where the extractor reads and writes. This module runs compiled, as tools/extract/dist/paths.js:
// every path below is relative to that file, so three levels up is the repository root.

import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The scraped guides: $CTIWIRE_SPEC_DIR, or ../shared/spec beside the repository. */
export function defaultSpecDir(): string {
  const env = process.env.CTIWIRE_SPEC_DIR;
  return env ? resolve(env) : fileURLToPath(new URL("../../../../shared/spec/", import.meta.url));
}
