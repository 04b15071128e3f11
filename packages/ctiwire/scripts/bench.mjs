#!/usr/bin/env node
// Throughput of both backends on one mixed v25 stream (scripts/stream.mjs), in this runtime:
// index only (the scan: frame boundaries, floating fields walked and checked, NULs found) and full
// decode to message objects (FrameDecoder.write, 64 KiB chunks), plus decode() of single frames,
// the WASM module's size and its compile/instantiate times. Run after `npm run build`:
//   node scripts/bench.mjs            (BENCH_TIME=ms per measurement, default 1500; --json)
import { maxMessageSize, messageSpec } from "@ctiwire/protocol";
import * as W from "@ctiwire/wasm";
import * as api from "ctiwire";
import { mixedStream } from "./stream.mjs";

const TIME = Number(globalThis.process?.env?.BENCH_TIME ?? globalThis.Deno?.env?.get?.("BENCH_TIME") ?? 1500);
const version = 25;
const ROUNDS = Number(globalThis.process?.env?.BENCH_ROUNDS ?? globalThis.Deno?.env?.get?.("BENCH_ROUNDS") ?? 5);
const runtime = globalThis.Deno
  ? `Deno ${Deno.version.deno} (V8 ${Deno.version.v8})`
  : globalThis.process?.versions?.node
    ? `Node ${process.version} (V8 ${process.versions.v8})`
    : (navigator.userAgent.match(/(HeadlessChrome|Chrome)\/[\d.]+/)?.[0] ?? navigator.userAgent);

// Instantiation figures first (cold).
const t0 = performance.now();
const mod = W.wasmModule();
const tCompile = performance.now() - t0;
const t1 = performance.now();
const inst = W.WasmScanner.create();
const tInstance = performance.now() - t1;
let tInst100 = performance.now();
for (let i = 0; i < 100; i++) W.WasmScanner.create();
tInst100 = (performance.now() - tInst100) / 100;
if (!mod || !inst) throw new Error("no WASM here");

const { stream, frames, kinds } = mixedStream(api, 16 * 1024 * 1024, version);
const size = stream.length;
const results = [];

/** Registered measurements, run in interleaved rounds; the median round is reported. */
const cases = [];
const FILTER = globalThis.process?.env?.BENCH_FILTER ?? globalThis.Deno?.env?.get?.("BENCH_FILTER") ?? "";
function measure(name, fn, bytes = size, n = frames) {
  if (FILTER && !name.includes(FILTER)) return;
  cases.push({ name, fn, bytes, n, mbPerS: [], framesPerS: [] });
}
function runOnce(c) {
  for (let i = 0; i < 2; i++) c.fn();
  let runs = 0;
  const start = performance.now();
  let t = start;
  while (t - start < TIME) {
    c.fn();
    runs++;
    t = performance.now();
  }
  const s = (t - start) / 1000;
  c.mbPerS.push((c.bytes * runs) / s / 1e6);
  c.framesPerS.push((c.n * runs) / s);
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

const CHUNK = 64 * 1024;

// ---- index only: WASM (chunk copied into WASM memory once, one scan call per chunk) ----
function wasmIndex() {
  const s = W.WasmScanner.create();
  const types = s.typeTable("bench", version);
  const max = maxMessageSize(version);
  let n = 0;
  for (let o = 0; o < size; o += CHUNK) {
    s.append(stream.subarray(o, o + CHUNK));
    let pos = 0;
    for (;;) {
      const k = s.scanStream(types, pos, 4, max, false);
      n += k;
      pos = s.ctlWord(W.C_POS);
      const stop = s.ctlWord(W.C_STOP);
      if (stop === W.STOP_END) break;
      if (stop === W.STOP_NEED_PLAN) {
        const type = s.ctlWord(W.C_STOP_ARG) >>> 0;
        const spec = messageSpec(type, version);
        s.writePlan(types, type, spec ? W.scanLayoutOf(spec) : null);
      } else if (stop === W.STOP_FULL)
        s.grow(k, pos + 8 <= s.inLen ? new DataView(s.bytes.buffer).getUint32(s.inAddr + pos) + 8 : 8);
      else throw new Error(`stop ${stop}`);
    }
    s.discard(pos);
  }
  if (n !== frames) throw new Error(`wasm index: ${n} of ${frames}`);
}

// ---- index only: the same scan in JavaScript, over the chunk itself (tail carried) ----
const layouts = [];
function layout(type) {
  let l = layouts[type];
  if (l === undefined) {
    const spec = messageSpec(type, version);
    l = layouts[type] = spec ? W.scanLayoutOf(spec) : null;
  }
  return l;
}
const frameRecs = new Int32Array(8 * 8192);
let fieldRecs = new Int32Array(4 * 65536);
const seen = new Uint8Array(256);
function jsScanChunk(b, len) {
  let pos = 0;
  let n = 0;
  let fo = 0;
  const max = 12500;
  while (len - pos >= 8) {
    const length = ((b[pos] << 24) | (b[pos + 1] << 16) | (b[pos + 2] << 8) | b[pos + 3]) >>> 0;
    if (length + 8 > max) throw new Error("fatal");
    const end = pos + 8 + length;
    if (end > len) break;
    const type = ((b[pos + 4] << 24) | (b[pos + 5] << 16) | (b[pos + 6] << 8) | b[pos + 7]) >>> 0;
    if (fo + (length >> 1) * 4 + 8 > fieldRecs.length) fieldRecs = new Int32Array(fieldRecs.length * 2);
    const l = layout(type);
    const fr = n * 8;
    frameRecs[fr] = pos;
    frameRecs[fr + 1] = end - pos;
    frameRecs[fr + 2] = type;
    frameRecs[fr + 6] = fo >> 2;
    if (l !== null) {
      seen.fill(0, 0, l.fieldSize.length);
      let p = pos + l.fixedSize;
      while (p < end) {
        if (end - p < 4) break;
        const tag = (b[p] << 8) | b[p + 1];
        const flen = (b[p + 2] << 8) | b[p + 3];
        const d = p + 4;
        const e = d + flen;
        if (e > end) break;
        p = e;
        let i = tag < l.tagSlot.length ? l.tagSlot[tag] : -1;
        while (i >= 0 && seen[i] === 1 && l.fieldScalar[i] === 1) i = l.fieldNextSameTag[i];
        let nul = -1;
        if (i >= 0) {
          const fs = l.fieldSize[i];
          if (fs !== 0 && flen !== fs) i = -1;
          else if (fs === 0 && l.fieldNul[i] !== 0) {
            for (let k = l.fieldNul[i] === 3 ? d + 1 : d; k < e; k++) {
              if (b[k] === 0) {
                nul = k;
                break;
              }
            }
          }
          if (i >= 0) seen[i] = 1;
        }
        fieldRecs[fo] = i;
        fieldRecs[fo + 1] = d;
        fieldRecs[fo + 2] = flen;
        fieldRecs[fo + 3] = nul;
        fo += 4;
      }
    }
    frameRecs[fr + 7] = (fo >> 2) - frameRecs[fr + 6];
    n++;
    if (n === 8192) {
      n = 0;
      fo = 0;
    }
    pos = end;
  }
  return pos;
}
function jsIndex() {
  let count = 0;
  let tail = null;
  for (let o = 0; o < size; o += CHUNK) {
    let c = stream.subarray(o, o + CHUNK);
    if (tail !== null) {
      const m = new Uint8Array(tail.length + c.length);
      m.set(tail);
      m.set(c, tail.length);
      c = m;
    }
    const used = jsScanChunk(c, c.length);
    tail = used < c.length ? c.slice(used) : null;
    count++;
  }
  return count;
}

console.log(
  `${runtime}; ${ROUNDS} rounds of ${TIME} ms per measurement; stream: ${(size / 1048576).toFixed(1)} MiB, ${frames} frames of ${kinds} kinds (v${version})`,
);
console.log(
  `WASM module ${W.WASM_SIZE} B; compile (validate + Module) ${tCompile.toFixed(2)} ms; first instance ${tInstance.toFixed(3)} ms; instance ${tInst100.toFixed(3)} ms`,
);
measure("index only, WASM (copy + scan, 64 KiB chunks)", wasmIndex);
measure("index only, TS (the same scan in JS, 64 KiB chunks)", jsIndex);
for (const backend of ["ts", "wasm"]) {
  measure(`full decode, FrameDecoder.write, ${backend}`, () => {
    const d = new api.FrameDecoder({ version, backend });
    let n = 0;
    for (let o = 0; o < size; o += CHUNK) d.write(stream.subarray(o, o + CHUNK), () => n++);
    if (n !== frames) throw new Error(`${backend}: ${n} of ${frames}`);
  });
}
for (const backend of ["ts", "wasm"]) {
  measure(`full decode, FrameDecoder.push, 1500-byte chunks, ${backend}`, () => {
    const d = new api.FrameDecoder({ version, backend });
    let n = 0;
    for (let o = 0; o < size; o += 1500) n += d.push(stream.subarray(o, o + 1500)).length;
    if (n !== frames) throw new Error(`${backend}: ${n} of ${frames}`);
  });
}
const singles = [
  ["AGENT_STATE_EVENT", api.encode((await import("./stream.mjs")).agentState, { version })],
  ["HEARTBEAT_CONF", api.encode((await import("./stream.mjs")).heartbeat, { version })],
];
for (const [name, f] of singles) {
  for (const backend of ["ts", "wasm"]) {
    const n = 20000;
    measure(
      `decode() ${name} (${f.length} B), ${backend}`,
      () => {
        for (let i = 0; i < n; i++) api.decode(f, { version, backend });
      },
      f.length * n,
      n,
    );
  }
}
for (let r = 0; r < ROUNDS; r++) for (const c of cases) runOnce(c);
for (const c of cases) {
  const r = {
    name: c.name,
    mbPerS: median(c.mbPerS),
    framesPerS: median(c.framesPerS),
    min: Math.min(...c.mbPerS),
    max: Math.max(...c.mbPerS),
  };
  results.push(r);
  console.log(
    `${c.name.padEnd(50)} ${r.mbPerS.toFixed(0).padStart(6)} MB/s ${(r.framesPerS / 1e6).toFixed(2).padStart(6)} M frames/s  (${r.min.toFixed(0)}-${r.max.toFixed(0)} MB/s over ${ROUNDS} rounds)`,
  );
}
if ((globalThis.process?.argv ?? []).includes("--json")) {
  console.log(
    JSON.stringify({ runtime, wasmBytes: W.WASM_SIZE, tCompile, tInstance, tInst100, size, frames, results }),
  );
}
