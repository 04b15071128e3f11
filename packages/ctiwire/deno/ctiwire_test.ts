// Deno runs the built package through node_modules, as a Deno user of the npm package would: the
// shared vectors on both backends, the WASM backend chosen by default, and a short differential fuzz.
import { runVectorSuite } from "@ctiwire/test-vectors";
import * as F from "@ctiwire/test-vectors/fuzz";
import type { BackendName, DecodeOptions, FrameDecoderOptions } from "ctiwire";
import * as ctiwire from "ctiwire";

function pinned(backend: BackendName) {
  return {
    ...ctiwire,
    name: `ctiwire (${backend}, Deno)`,
    decode: (frame: Uint8Array, options: DecodeOptions) => ctiwire.decode(frame, { ...options, backend }),
    FrameDecoder: class extends ctiwire.FrameDecoder {
      constructor(options: FrameDecoderOptions) {
        super({ ...options, backend });
      }
    },
  };
}

const prefix: string[] = [];
const harness = {
  describe(name: string, fn: () => void) {
    prefix.push(name);
    try {
      fn();
    } finally {
      prefix.pop();
    }
  },
  it(name: string, fn: () => void) {
    Deno.test(`${prefix.join(" > ")} > ${name}`, fn);
  },
};
for (const backend of ["ts", "wasm"] as const) runVectorSuite(pinned(backend), harness);

Deno.test("WASM runs under Deno; auto picks TypeScript here (measured: the faster one)", () => {
  if (!ctiwire.wasmAvailable()) throw new Error("WASM unavailable");
  if (ctiwire.backend() !== "ts" || ctiwire.backend("decode") !== "ts")
    throw new Error(`backend() is ${ctiwire.backend()}`);
  if (new ctiwire.FrameDecoder({ version: 25, backend: "wasm" }).backend !== "wasm") throw new Error("forcing wasm");
  ctiwire.setBackend("wasm");
  try {
    if (ctiwire.backend() !== "wasm" || new ctiwire.FrameDecoder({ version: 25 }).backend !== "wasm") {
      throw new Error("setBackend('wasm')");
    }
  } finally {
    ctiwire.setBackend("auto");
  }
});

Deno.test("differential fuzz: 2000 frames and 300 streams, identical on both backends", () => {
  const backends = F.facadeBackends(ctiwire);
  if (backends.length !== 2) throw new Error("the WASM backend does not run under Deno");
  const seeds = F.corpus(ctiwire);
  const seconds = Number.POSITIVE_INFINITY;
  for (const [kind, cases] of [
    ["decode", 2000],
    ["stream", 300],
  ] as const) {
    const stats = F.fuzzLoop({ backends, seeds, kind, cases, seconds, seed: 99 });
    const f = stats.findings[0];
    if (f) throw new Error(`${f.kind} ${f.message} (case ${f.original}): ${F.toHex(f.case.bytes)}`);
  }
});

Deno.test("replay of test-vectors/fuzz/found.json", async () => {
  const found = JSON.parse(await Deno.readTextFile(new URL("../../../test-vectors/fuzz/found.json", import.meta.url)));
  const backends = F.facadeBackends(ctiwire);
  for (const v of found.vectors as F.SavedCase[]) F.runAll(backends, F.caseFromJSON(v));
});
