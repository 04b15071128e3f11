#!/usr/bin/env node
// `ctiwire decode FILE.pcapng --json` on large captures (not run in CI):
// - speed: against tshark with the generated Lua dissector (`ctiwire dissector`) on the same file,
//   `tshark -X lua_script:ged188.lua -r FILE -T json`, both as whole processes with stdout to
//   /dev/null, alternated, in one run (the ratio is what counts on a shared machine);
// - memory: peak RSS of `ctiwire decode --json FILE > /dev/null` as the capture grows (by default
//   100 MiB and 1 GiB), from /usr/bin/time.
// The captures: the benchmarks' mixed v25 corpus (an ALL_EVENTS stream of a large contact center,
// benchmarks/src/corpus.ts) sent by a server over 4 connections at once (a new one as one ends),
// each with its handshake, OPEN_REQ/OPEN_CONF, 1460-byte segments, an ACK every second segment and
// FINs, written with PcapngWriter into a temporary directory, deleted afterwards. Before timing,
// both tools are checked to see the same frames on a small capture.
// Usage (after the build, benchmarks included: npx turbo run build --filter=@ctiwire/cli... --filter=@ctiwire/benchmarks;
// the package's build compiles this file into build/bench/decode.js, as npm run bench does first):
//   node packages/capture/build/bench/decode.js [--speed-mib 64] [--runs 3] [--memory-mib 100,1024] [--skip-tshark]
//   node packages/capture/build/bench/decode.js --write FILE.pcapng [--speed-mib N]   (only writes such a capture)
// Writes packages/capture/bench/latest.json.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ethernetTcp, LINKTYPE, PcapngWriter } from "@ctiwire/capture";
import { encode, fillMessage } from "ctiwire";

const { values } = parseArgs({
  options: {
    "speed-mib": { type: "string", default: "64" },
    runs: { type: "string", default: "3" },
    "memory-mib": { type: "string", default: "100,1024" },
    "skip-tshark": { type: "boolean", default: false },
    write: { type: "string" },
  },
});
// Paths from build/bench/decode.js.
const CLI = fileURLToPath(new URL("../../../cli/bin/ctiwire.js", import.meta.url));
const OUT = fileURLToPath(new URL("../../bench/latest.json", import.meta.url));
const PORT = 42027;
const MSS = 1460;
const CONCURRENT = 4;
const log = (s: string) => process.stderr.write(`${s}\n`);

/**
 * The benchmarks' corpus files (benchmarks/src/corpus-files.ts). That package is not a dependency of
 * this one (it depends on the CLI, which depends on this package), so its build is imported by URL,
 * which TypeScript cannot follow: what is used of it is typed here.
 */
interface CorpusFiles {
  CORPUS_DIR: URL;
  ensureCorpora(mode: "full", log: (s: string) => void): { name: string; file: string }[];
}
const { ensureCorpora, CORPUS_DIR }: CorpusFiles = await import(
  new URL("../../../../benchmarks/dist/src/corpus-files.js", import.meta.url).href
).catch(() => {
  throw new Error("build the benchmarks first: npx turbo run build --filter=@ctiwire/benchmarks");
});
const meta = ensureCorpora("full", log).find((m) => m.name === "mixed-v25");
if (!meta) throw new Error("the benchmarks have no mixed-v25 corpus");
const corpus = new Uint8Array(readFileSync(new URL(meta.file, CORPUS_DIR)));

/** One client connection of a capture: its address, both sequence numbers, and what the server sends. */
interface Connection {
  ip: string;
  port: number;
  cseq: number;
  sseq: number;
  stream: Uint8Array;
  /** Bytes of `stream` sent so far. */
  at: number;
  /** Segments sent so far. */
  n: number;
}

/** Wall and CPU seconds and peak RSS of one process. */
interface Measure {
  wallS: number;
  cpuS: number;
  maxRssMiB: number;
}

/** The frame-aligned prefix of the corpus of at least `n` bytes (or all of it). */
function prefix(n: number): Uint8Array {
  const dv = new DataView(corpus.buffer, corpus.byteOffset, corpus.byteLength);
  let o = 0;
  while (o < n && o + 8 <= corpus.length) o += 8 + dv.getUint32(o);
  return corpus.subarray(0, Math.min(o, corpus.length));
}

/**
 * Writes a capture of about `bytes` bytes; returns its frame count (both sides) and size. Each
 * connection: the server streams OPEN_CONF then a frame-aligned prefix of the corpus.
 */
function writeCapture(file: string, bytes: number): { frames: number; bytes: number; connections: number } {
  const fd = openSync(file, "w");
  const w = new PcapngWriter();
  let buf = new Uint8Array(1 << 22);
  let used = 0;
  let written = 0;
  const put = (b: Uint8Array) => {
    if (used + b.length > buf.length) {
      writeSync(fd, buf, 0, used);
      used = 0;
      if (b.length > buf.length) buf = new Uint8Array(b.length);
    }
    buf.set(b, used);
    used += b.length;
    written += b.length;
  };
  put(w.header());
  let t = 1_765_000_000_000_000_000n;
  const packet = (c: Connection, fromClient: boolean, flags: number, payload?: Uint8Array) => {
    t += 10_000n;
    const seq = fromClient ? c.cseq : c.sseq;
    put(
      w.packet({
        linkType: LINKTYPE.ETHERNET,
        timeNs: t,
        data: ethernetTcp({
          src: fromClient ? c.ip : "10.0.0.1",
          dst: fromClient ? "10.0.0.1" : c.ip,
          srcPort: fromClient ? c.port : PORT,
          dstPort: fromClient ? PORT : c.port,
          seq,
          ack: fromClient ? c.sseq : c.cseq,
          flags,
          ...(payload ? { payload } : {}),
        }),
      }),
    );
    const n = (payload?.length ?? 0) + (flags & 0x03 ? 1 : 0); // SYN and FIN take a sequence number
    if (fromClient) c.cseq = (c.cseq + n) >>> 0;
    else c.sseq = (c.sseq + n) >>> 0;
  };
  const openReq = encode(
    fillMessage(
      "OPEN_REQ",
      { invokeID: 1, versionNumber: 25, clientID: "bench", idleTimeout: 0xffffffff },
      { version: 25 },
    ),
    { version: 25 },
  );
  const openConf = encode(fillMessage("OPEN_CONF", { invokeID: 1, peripheralID: 5000 }, { version: 25 }), {
    version: 25,
  });
  // Payload per byte of file: a 1460-byte segment costs 54 bytes of headers and 32 of block, and
  // half an ACK packet (54 + 2 padding + 32).
  const payloadBytes = Math.floor(bytes * (MSS / (MSS + 86 + 44)));
  const perConnection = Math.min(corpus.length, Math.ceil(payloadBytes / Math.ceil(payloadBytes / corpus.length)));
  let left = payloadBytes;
  let frames = 0;
  let id = 0;
  const live: Connection[] = [];
  const start = () => {
    const stream = prefix(Math.min(perConnection, left));
    left -= stream.length;
    const dv = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
    for (let o = 0; o < stream.length; o += 8 + dv.getUint32(o)) frames++;
    frames += 2; // OPEN_REQ, OPEN_CONF
    const c: Connection = {
      ip: `10.1.${(id >> 8) & 255}.${id & 255}`,
      port: 30000 + id,
      cseq: 1000,
      sseq: 900000,
      stream,
      at: 0,
      n: 0,
    };
    id++;
    packet(c, true, 0x02);
    packet(c, false, 0x12);
    packet(c, true, 0x10);
    packet(c, true, 0x18, openReq);
    packet(c, false, 0x18, openConf);
    live.push(c);
  };
  while (live.length < CONCURRENT && left > 0) start();
  while (live.length > 0) {
    for (let k = 0; k < live.length; k++) {
      const c = live[k]!;
      const seg = c.stream.subarray(c.at, c.at + MSS);
      c.at += seg.length;
      packet(c, false, 0x18, seg);
      if (++c.n % 2 === 0 || c.at === c.stream.length) packet(c, true, 0x10);
      if (c.at === c.stream.length) {
        packet(c, false, 0x11);
        packet(c, true, 0x11);
        packet(c, false, 0x10);
        live.splice(k--, 1);
        if (left > 0) start();
      }
    }
  }
  writeSync(fd, buf, 0, used);
  closeSync(fd);
  return { frames, bytes: written, connections: id };
}

/** One process, stdout to /dev/null, under /usr/bin/time: wall and CPU seconds, peak RSS (KiB). */
function measure(cmd: string, args: string[]): Promise<Measure> {
  const devNull = openSync("/dev/null", "w");
  return new Promise((resolve, reject) => {
    const p = spawn("/usr/bin/time", ["-f", "TIME %e %U %S %M", cmd, ...args], { stdio: ["ignore", devNull, "pipe"] });
    let err = "";
    p.stderr!.on("data", (c: Buffer) => {
      err += c;
    });
    p.on("error", reject);
    p.on("close", (code) => {
      closeSync(devNull);
      const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(err);
      if (code !== 0 || !m) return reject(new Error(`${cmd} ${args.join(" ")}: exit ${code}: ${err.slice(-500)}`));
      resolve({ wallS: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]), maxRssMiB: Number(m[4]) / 1024 });
    });
  });
}

if (values.write !== undefined) {
  const c = writeCapture(values.write, Number(values["speed-mib"]) << 20);
  log(`${values.write}: ${(c.bytes / 2 ** 20).toFixed(1)} MiB, ${c.frames} frames, ${c.connections} connections`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), "ctiwire-capture-bench-"));
/** What bench/latest.json holds. */
interface Results {
  date: string;
  machine: { cpus: number; model: string | undefined; node: string };
  capture: { corpus: string; concurrentConnections: number; mss: number };
  speed?: unknown;
  memory?: { command: string; sizes: ({ mib: number; frames: number; connections: number } & Measure)[] };
}
const results: Results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  capture: { corpus: meta.file, concurrentConnections: CONCURRENT, mss: MSS },
};
try {
  const ctiwire = (file: string) => [CLI, "decode", file, "--json"];
  if (!values["skip-tshark"]) {
    const tsharkVersion = spawnSync("tshark", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0];
    const lua = join(dir, "ged188.lua");
    writeFileSync(lua, spawnSync(process.execPath, [CLI, "dissector"], { encoding: "utf8" }).stdout);
    const tshark = (file: string) => ["-X", `lua_script:${lua}`, "-r", file, "-T", "json"];

    // Both see the same frames: a small capture, counted from their outputs.
    const small = join(dir, "check.pcapng");
    const s = writeCapture(small, 2 << 20);
    const ours = spawnSync(process.execPath, [CLI, "decode", small, "--json"], {
      maxBuffer: 1 << 30,
      encoding: "utf8",
    });
    const oursFrames = ours.stdout.trimEnd().split("\n").length;
    const theirs = spawnSync(
      "tshark",
      ["-X", `lua_script:${lua}`, "-r", small, "-T", "fields", "-e", "ged188.message_type"],
      {
        maxBuffer: 1 << 30,
        encoding: "utf8",
      },
    );
    const theirsFrames = theirs.stdout
      .split("\n")
      .filter((l) => l !== "")
      .reduce((n, l) => n + l.split(",").length, 0);
    log(`check: ${s.frames} frames written; ctiwire ${oursFrames}, tshark ${theirsFrames}`);
    if (oursFrames !== s.frames || theirsFrames !== s.frames) throw new Error("the tools do not see the same frames");

    const file = join(dir, "speed.pcapng");
    const cap = writeCapture(file, Number(values["speed-mib"]) << 20);
    log(`speed capture: ${(cap.bytes / 2 ** 20).toFixed(1)} MiB, ${cap.frames} frames, ${cap.connections} connections`);
    const runs: { ctiwire: Measure[]; tshark: Measure[] } = { ctiwire: [], tshark: [] };
    for (let r = 0; r < Number(values.runs); r++) {
      runs.ctiwire.push(await measure(process.execPath, ctiwire(file)));
      runs.tshark.push(await measure("tshark", tshark(file)));
      log(`run ${r + 1}: ctiwire ${runs.ctiwire.at(-1)?.wallS} s, tshark ${runs.tshark.at(-1)?.wallS} s`);
    }
    const best = (a: Measure[]) => a.reduce((x, y) => (y.wallS < x.wallS ? y : x));
    const bc = best(runs.ctiwire);
    const bt = best(runs.tshark);
    results.speed = {
      file: { mib: cap.bytes / 2 ** 20, frames: cap.frames, connections: cap.connections },
      commands: {
        ctiwire: "node packages/cli/bin/ctiwire.js decode FILE --json > /dev/null",
        tshark: "tshark -X lua_script:ged188.lua -r FILE -T json > /dev/null",
      },
      tshark: tsharkVersion,
      runs,
      best: {
        ctiwire: { ...bc, framesPerS: Math.round(cap.frames / bc.wallS), mibPerS: cap.bytes / 2 ** 20 / bc.wallS },
        tshark: { ...bt, framesPerS: Math.round(cap.frames / bt.wallS), mibPerS: cap.bytes / 2 ** 20 / bt.wallS },
      },
      ratio: bt.wallS / bc.wallS,
    };
    log(`speed: ctiwire ${bc.wallS} s, tshark ${bt.wallS} s: ${(bt.wallS / bc.wallS).toFixed(1)}x`);
    rmSync(file);
  }

  const memory: NonNullable<Results["memory"]> = {
    command: "node packages/cli/bin/ctiwire.js decode FILE --json > /dev/null",
    sizes: [],
  };
  results.memory = memory;
  for (const mib of values["memory-mib"].split(",").filter(Boolean).map(Number)) {
    const file = join(dir, `mem-${mib}.pcapng`);
    const t0 = performance.now();
    const cap = writeCapture(file, mib << 20);
    log(
      `memory capture: ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const m = await measure(process.execPath, ctiwire(file));
    memory.sizes.push({ mib: cap.bytes / 2 ** 20, frames: cap.frames, connections: cap.connections, ...m });
    log(`memory: ${mib} MiB: peak RSS ${m.maxRssMiB.toFixed(1)} MiB, ${m.wallS} s`);
    rmSync(file);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${OUT}`);
