// The shared test vectors through the one table-driven runner, under Deno (the built package,
// through node_modules, as a Deno user of the npm package would run it).
import * as codec from "@ctiwire/codec";
import { runVectorSuite } from "@ctiwire/test-vectors";

const prefix: string[] = [];
runVectorSuite(
  { name: "@ctiwire/codec", ...codec },
  {
    describe(name, fn) {
      prefix.push(name);
      try {
        fn();
      } finally {
        prefix.pop();
      }
    },
    it(name, fn) {
      Deno.test(`${prefix.join(" > ")} > ${name}`, fn);
    },
  },
);
