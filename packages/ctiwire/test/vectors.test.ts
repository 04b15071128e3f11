// The shared test vectors through the one table-driven runner, on both backends (Node and Chromium).
import { runVectorSuite } from "@ctiwire/test-vectors";
import { describe, expect, it } from "vitest";
import { pinned } from "./helpers.js";

for (const backend of ["ts", "wasm"] as const) {
  runVectorSuite(pinned(backend), {
    describe,
    it,
    equal: (actual, expected, what) => expect(actual, what).toStrictEqual(expected),
  });
}
