// The shared test vectors (/test-vectors) through the one table-driven runner, in Node and Chromium.
import { runVectorSuite } from "@ctiwire/test-vectors";
import { describe, expect, it } from "vitest";
import * as codec from "../src/index.js";

runVectorSuite(
  { name: "@ctiwire/codec", ...codec },
  {
    describe,
    it,
    equal: (actual, expected, what) => expect(actual, what).toStrictEqual(expected),
  },
);
