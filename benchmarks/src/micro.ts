// Suites without a corpus, runtime-neutral (Node, Deno, Chromium):
//   single-frame: decode() of one frame at a time (the sample messages of @ctiwire/test-vectors/samples
//                 at v25) through the facade, backend "ts" and "wasm" (the per-call cost of a backend);
//   strings:      ways to turn Latin-1 bytes into a string, by length (what the codec's decodeLatin1
//                 is based on); backend = the way.
import { SAMPLE_MESSAGES, sampleFrame } from "@ctiwire/test-vectors/samples";
import { rowLine, type TaskSpec, timeTask } from "./measure.js";
import type { Log, Mode, Only, Row, RowKey, Unavailable } from "./types.js";

type Codec = typeof import("@ctiwire/codec");
type Facade = typeof import("ctiwire");

const SINGLE_PER_CALL = 1000;
const STRINGS_PER_CALL = 1000;
const STRING_LENGTHS: Readonly<Record<Mode, readonly number[]>> = { quick: [9, 40], full: [4, 9, 16, 32, 40, 200] };

/** A way to make the string of the Latin-1 bytes b[s, e). */
type StringWay = (b: Uint8Array, s: number, e: number) => string;

const td = new TextDecoder("utf-8");
export const STRING_WAYS: Readonly<Record<string, StringWay>> = {
  "fromCharCode-loop": (b, s, e) => {
    let r = "";
    for (let i = s; i < e; i++) r += String.fromCharCode(b[i]);
    return r;
  },
  "fromCharCode-x8": (b, s, e) => {
    const f = String.fromCharCode;
    let r = "";
    let i = s;
    for (; i + 8 <= e; i += 8) r += f(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    for (; i < e; i++) r += f(b[i]);
    return r;
  },
  // A typed array is array-like, as apply() takes it (its declared type wants number[]).
  "fromCharCode-apply": (b, s, e) => String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]),
  TextDecoder: (b, s, e) => td.decode(b.subarray(s, e)),
};

/** The frames of the single-frame suite (their rows' corpus): the sample messages, at version 25. */
export const SAMPLE_NAMES = Object.keys(SAMPLE_MESSAGES) as (keyof typeof SAMPLE_MESSAGES)[];

function singleFrames(codec: Codec, version: number): [keyof typeof SAMPLE_MESSAGES, Uint8Array][] {
  return SAMPLE_NAMES.map((name) => [name, sampleFrame(codec, name, version)]);
}

/** Lengths of the strings suite in a mode. */
export function stringLengths(mode: Mode): readonly number[] {
  return STRING_LENGTHS[mode === "full" ? "full" : "quick"];
}

let sink = 0;

export async function runMicroSuites({
  codec,
  facade,
  runtime,
  mode,
  time,
  warmupTime,
  log,
  only,
}: {
  codec: Codec;
  facade: Facade | null;
  runtime: string;
  mode: Mode;
  time: number;
  warmupTime: number;
  log: Log;
  only: Only | undefined;
}): Promise<{ rows: Row[]; unavailable: Unavailable[] }> {
  const rows: Row[] = [];
  const unavailable: Unavailable[] = [];
  const run = async (key: Omit<RowKey, "runtime">, spec: Omit<TaskSpec, "time" | "warmupTime">) => {
    if (only && !only(key.suite, key.backend, key.corpus)) return;
    const row = await timeTask({ ...key, runtime }, { time, warmupTime, ...spec });
    rows.push({ ...row, mode, corpusBytes: null });
    log(rowLine(row));
  };

  const version = 25;
  for (const [name, frame] of singleFrames(codec, version)) {
    for (const backend of ["ts", "wasm"] as const) {
      if (facade === null && backend === "wasm") {
        const reason = "the ctiwire facade's WASM backend is not available here";
        unavailable.push({ suite: "single-frame", corpus: name, runtime, backend, reason });
        continue;
      }
      // Through the facade (the backend chosen per call), or the codec where the facade has no WASM.
      const decode: (frame: Uint8Array, options: { version: number }) => { type: string } =
        facade !== null ? facade.decode : codec.decode;
      const options = facade !== null ? { version, backend } : { version };
      if (decode(frame, options).type !== name) throw new Error(`single-frame ${name} ${backend}: wrong message`);
      await run(
        { suite: "single-frame", corpus: name, backend },
        {
          msgs: SINGLE_PER_CALL,
          bytes: frame.length * SINGLE_PER_CALL,
          fn: () => {
            for (let i = 0; i < SINGLE_PER_CALL; i++) sink ^= decode(frame, options).type.length;
          },
        },
      );
    }
  }

  const buf = new Uint8Array(4096);
  for (let i = 0; i < buf.length; i++) buf[i] = 0x41 + (i % 26);
  for (const n of stringLengths(mode)) {
    for (const [way, fn] of Object.entries(STRING_WAYS)) {
      if (fn(buf, 3, 3 + n) !== STRING_WAYS.TextDecoder(buf, 3, 3 + n)) throw new Error(`strings ${way}: wrong string`);
      let j = 0;
      await run(
        { suite: "strings", corpus: `${n}B`, backend: way },
        {
          msgs: STRINGS_PER_CALL,
          bytes: n * STRINGS_PER_CALL,
          fn: () => {
            for (let k = 0; k < STRINGS_PER_CALL; k++) {
              const s = j & 1023;
              sink ^= fn(buf, s, s + n).length;
              j++;
            }
          },
        },
      );
    }
  }
  if (sink === 0.5) log("");
  return { rows, unavailable };
}
