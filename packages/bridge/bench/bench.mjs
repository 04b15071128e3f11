// The bridge's benchmarks (node bench/bench.mjs [--quick]), against Debian's nats-server on loopback:
//   throughput: N events from a CTI server that writes pre-encoded frames as fast as TCP takes them,
//     through the bridge (JSON, then raw payloads) until JetStream acknowledged the last one, against
//     a bare publisher pushing the same payloads (the bridge's JSON lines / the frames) to the same
//     stream with the same window of unacknowledged publishes;
//   latency: events at a fixed rate (10,000/s), each stamped at its send time; p50/p99/max from the
//     CTI server's write (a thread of its own) to a JetStream consumer's receipt (ordered consumer,
//     own thread), split at the bridge's receipt, beside the floor: the same JSON published stamped
//     at that rate, no CTI, no bridge, alone and beside a thread burning as much CPU as the bridge's
//     main thread used; streams in memory, then on file;
//   memory: the bridge's RSS while NATS is down and events keep coming (buffer limit + 64 MiB?).
// Results go to stdout (markdown) and bench/results.json.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { startSimulator } from "@ctiwire/simulator";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, headers } from "@nats-io/transport-node";
import * as ctiwire from "ctiwire";
import { pino } from "pino";
import { AckPublisher } from "../dist/ack-publisher.js";
import { Bridge, parseConfig } from "../dist/index.js";
import { answerClient, STAMP_PLACEHOLDER, stampNow, writePaced } from "./cti-server.mjs";
import { natsServer } from "./nats.mjs";

const quick = process.argv.includes("--quick");
const N = quick ? 30_000 : 100_000;
const WINDOW = 256;
const version = 25;
const log = (s) => process.stderr.write(`${s}\n`);

/** A realistic mixed event stream: the simulator's events (calls, agent states, load events), as frames. */
async function corpus(count) {
  const sim = await startSimulator({
    agents: 50,
    callsPerSecond: 200,
    seed: 5,
    eventRate: 20_000,
    timing: { ring: [10, 50], talk: [50, 200], hold: [20, 60], wrapup: [10, 50], notReady: [10, 50], loginStagger: 1 },
  });
  const frames = [];
  const { CtiClient, frameOf } = await import("@ctiwire/client");
  const c = new CtiClient({ sideA: `127.0.0.1:${sim.portA}`, version, clientID: "corpus", keepFrames: true });
  await c.connect();
  await new Promise((resolve) => {
    c.on("message", (m) => {
      const f = frameOf(m);
      if (f && m.type !== "SYSTEM_EVENT" && frames.length < count) frames.push(f.slice());
      if (frames.length >= count) resolve();
    });
  });
  await c.close();
  await sim.close();
  return frames;
}

/** A CTI server: answers OPEN_REQ, then writes `frames` (all at once, or `rate` per second stamped). */
async function ctiServer(frames, { rate, stamp } = {}) {
  let done;
  const finished = new Promise((r) => (done = r));
  const server = net.createServer((s) => answerClient(s, version, () => setTimeout(() => send(s), 50)));
  const send = (s) => {
    if (!rate) {
      s.write(Buffer.concat(frames));
      done(performance.timeOrigin + performance.now());
      return;
    }
    writePaced(
      s,
      frames.length,
      rate,
      (i) => stamp(frames[i], i),
      () => done(performance.timeOrigin + performance.now()),
    );
  };
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { port: server.address().port, finished, close: () => server.close() };
}

function bridgeConfig(url, sideA, payload, extra = "") {
  return parseConfig(`nats:
  servers: ["${url}"]
stream:
  name: BENCH_${payload.toUpperCase()}
  subjects: ["b${payload}.>"]
subject: "b${payload}.{source}.{type}"
gapSubject: "b${payload}.{source}.GAP"
payload: ${payload}
publish:
  window: ${WINDOW}
buffer:
  maxBytes: 1GiB
kv:
  enabled: false
ha:
  enabled: false
http: false
log: { level: silent }
${extra}
sources:
  - name: bench
    sideA: "127.0.0.1:${sideA}"
    heartbeat: 0
`);
}

/** Events through the bridge: from the first event read to the last PubAck. */
async function throughBridge(url, frames, payload, round = 0) {
  const srv = await ctiServer(frames);
  const cfg = bridgeConfig(url, srv.port, payload);
  const bridge = new Bridge(
    {
      ...cfg,
      stream: { ...cfg.stream, name: `${cfg.stream.name}${round}`, subjects: [`b${payload}${round}.>`] },
      subject: `b${payload}${round}.{source}.{type}`,
      gapSubject: `b${payload}${round}.{source}.GAP`,
    },
    { logger: pino({ level: "silent" }) },
  );
  await bridge.start();
  const src = bridge.sources[0];
  let first;
  await new Promise((resolve) => {
    const poll = setInterval(() => {
      const p = src.publisher;
      if (p && first === undefined && p.published > 0) first = performance.now();
      if (p && p.published >= frames.length + 1) {
        clearInterval(poll);
        resolve();
      }
    }, 1);
  });
  const ms = performance.now() - first;
  await bridge.stop(1000);
  srv.close();
  return { eventsPerSec: Math.round(frames.length / (ms / 1000)), ms: Math.round(ms) };
}

/** A bare publisher: the same payloads to the same kind of stream, `WINDOW` unacknowledged at most. */
async function barePublisher(url, payloads, stream) {
  const nc = await connect({ servers: url, noAsyncTraces: true }); // as the bridge connects
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: stream, subjects: [`${stream.toLowerCase()}.>`], duplicate_window: 120e9 });
  const js = jetstream(nc);
  const t0 = performance.now();
  const inflight = [];
  for (let i = 0; i < payloads.length; i++) {
    inflight.push(js.publish(`${stream.toLowerCase()}.bench.X`, payloads[i], { msgID: `b:${i}` }));
    if (inflight.length >= WINDOW) await inflight.shift();
  }
  await Promise.all(inflight);
  const ms = performance.now() - t0;
  await nc.close();
  return { eventsPerSec: Math.round(payloads.length / (ms / 1000)), ms: Math.round(ms) };
}

/**
 * A bare publisher with the bridge's own way of awaiting PubAcks (core publishes with a reply subject
 * each, one reply subscription: AckPublisher), the Nats-Msg-Id header only: the bridge's ceiling.
 */
async function bareAckPublisher(url, payloads, stream) {
  const nc = await connect({ servers: url, noAsyncTraces: true });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: stream, subjects: [`${stream.toLowerCase()}.>`], duplicate_window: 120e9 });
  const acks = new AckPublisher(nc);
  const t0 = performance.now();
  const inflight = [];
  for (let i = 0; i < payloads.length; i++) {
    const h = headers();
    h.set("Nats-Msg-Id", `b:${i}`);
    inflight.push(acks.publish(`${stream.toLowerCase()}.bench.X`, payloads[i], h, 5000));
    if (inflight.length >= WINDOW) await inflight.shift();
  }
  await Promise.all(inflight);
  const ms = performance.now() - t0;
  acks.close();
  await nc.close();
  return { eventsPerSec: Math.round(payloads.length / (ms / 1000)), ms: Math.round(ms) };
}

/** Where the stamp's digits are in `bytes` (after "t:" of the placeholder). */
function stampOffset(bytes) {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(STAMP_PLACEHOLDER);
  if (at < 0) throw new Error("no stamp placeholder");
  return at + 2;
}

/** The corpus's AGENT_STATE_EVENTs with a stamp placeholder as their CTIClientSignature. */
function stampable(frames) {
  return frames
    .map((f) => ctiwire.decode(f, { version }))
    .filter((m) => m.type === "AGENT_STATE_EVENT")
    .map((m) => ctiwire.encode({ ...m, ctiClientSignature: STAMP_PLACEHOLDER }, { version }));
}

/**
 * A JetStream consumer in a thread of its own: resolves with `count` send-to-receipt latencies (ms),
 * and each split at the bridge's receipt (its Cti-Received-At header, to the millisecond): send to
 * the bridge, the bridge to the consumer.
 */
function latencyConsumer(url, stream, subject, count) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require("node:worker_threads");
    (async () => {
      const { connect } = await import("@nats-io/transport-node");
      const { jetstream, jetstreamManager } = await import("@nats-io/jetstream");
      const nc = await connect({ servers: workerData.url });
      const jsm = await jetstreamManager(nc);
      for (;;) { try { await jsm.streams.info(workerData.stream); break; } catch { await new Promise((r) => setTimeout(r, 20)); } }
      const c = await jetstream(nc).consumers.get(workerData.stream, { filter_subjects: workerData.subject });
      const it = await c.consume();
      parentPort.postMessage({ ready: true });
      const lat = [];
      const toBridge = [];
      const fromBridge = [];
      const dec = new TextDecoder();
      for await (const m of it) {
        const now = performance.timeOrigin + performance.now();
        const s = /"ctiClientSignature":"t:([0-9.]+)"/.exec(dec.decode(m.data));
        if (!s) continue;
        lat.push(now - Number(s[1]));
        const at = Date.parse(m.headers?.get("Cti-Received-At") ?? "");
        toBridge.push(at - Number(s[1]));
        fromBridge.push(now - at);
        if (lat.length >= workerData.count) break;
      }
      parentPort.postMessage({ lat: { lat, toBridge, fromBridge } });
      await nc.close();
    })();
    `,
    { eval: true, workerData: { url, stream, subject, count }, env: process.env },
  );
  const ready = new Promise((resolve) => worker.on("message", (m) => m.ready && resolve()));
  const lat = new Promise((resolve, reject) => {
    worker.on("message", (m) => m.lat && resolve(m.lat));
    worker.on("error", reject);
  });
  return { ready, lat, stop: () => worker.terminate() };
}

/**
 * p50/p99/p99.9/max of the latencies after the first second (warm-up: JIT, the consumer's first
 * pulls); with `split`, p50/p99 of each part (to the bridge's receipt, from it to the consumer).
 */
function latencySummary({ lat, toBridge, fromBridge }, rate, split = false) {
  const warm = lat.slice(0, rate);
  const steady = lat.slice(rate).sort((a, b) => a - b);
  const q = (x) => +quantile(steady, x).toFixed(2);
  return {
    rate,
    events: steady.length,
    p50Ms: q(0.5),
    p99Ms: q(0.99),
    p999Ms: q(0.999),
    maxMs: +steady[steady.length - 1].toFixed(2),
    firstSecondMaxMs: +Math.max(...warm).toFixed(2),
    ...(split ? { toBridge: parts(toBridge.slice(rate)), fromBridge: parts(fromBridge.slice(rate)) } : {}),
  };
}

/** p50/p99 of one part of the latencies. */
function parts(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return { p50Ms: +quantile(s, 0.5).toFixed(1), p99Ms: +quantile(s, 0.99).toFixed(1) };
}

/** The `x` quantile of sorted values. */
function quantile(sorted, x) {
  return sorted[Math.min(sorted.length - 1, Math.floor(x * sorted.length))];
}

/** CPU time (ms) the main thread has used so far (Linux: utime + stime of its task, in clock ticks of 10 ms). */
function mainThreadCpuMs() {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
}

/**
 * A thread that only burns CPU: busy `share` of every 10 ms, as the bridge's main thread is busy at
 * that rate; to show what that much CPU taken from the same two cores does to the floor.
 */
function cpuBurner(share) {
  const busyMs = share * 10;
  return new Worker(
    `setInterval(() => { const t = performance.now(); while (performance.now() - t < ${busyMs}) {} }, 10);`,
    { eval: true },
  );
}

/**
 * Latency at `rate`/s through the bridge: the CTI server's write (a worker thread, stamping each
 * event as it writes it) to a JetStream consumer's receipt (another thread).
 */
async function latency(url, frames, rate, seconds, round, storage) {
  const count = rate * seconds;
  const base = stampable(frames);
  const server = new Worker(new URL("./paced-cti-server.mjs", import.meta.url), {
    workerData: { frames: base, stampAt: base.map(stampOffset), rate, count, version },
  });
  const port = await new Promise((resolve) => server.on("message", (m) => m.port && resolve(m.port)));
  const cfg = bridgeConfig(url, port, "json", "").valueOf();
  const stream = `BENCH_LAT_${storage}${round}`;
  const prefix = `blat${storage}${round}`;
  const consumer = latencyConsumer(url, stream, `${prefix}.bench.AGENT_STATE_EVENT`, count);
  const bridge = new Bridge(
    {
      ...cfg,
      stream: { ...cfg.stream, name: stream, subjects: [`${prefix}.>`], storage },
      subject: `${prefix}.{source}.{type}`,
      gapSubject: `${prefix}.{source}.GAP`,
    },
    { logger: pino({ level: "silent" }) },
  );
  await bridge.start();
  const cpu0 = mainThreadCpuMs();
  const t0 = performance.now();
  const lat = await consumer.lat;
  // The main thread is the bridge's (the CTI server and the consumer have threads of their own).
  const mainThreadCpu = +((mainThreadCpuMs() - cpu0) / (performance.now() - t0)).toFixed(2);
  await bridge.stop(1000);
  server.postMessage("close");
  await consumer.stop();
  return { ...latencySummary(lat, rate, true), mainThreadCpu };
}

/**
 * The floor under that: no CTI, no bridge; the same JSON payloads published at `rate`/s as the
 * bridge publishes them (core publish with a reply subject, its headers, a window of WINDOW), each
 * stamped as it is published, to the same kind of consumer. With `burn`, a thread beside it burns
 * that share of a core (what the bridge's main thread used in the run before).
 */
async function latencyFloor(url, frames, rate, seconds, round, storage, burn = 0) {
  const count = rate * seconds;
  const payloads = stampable(frames).map((f) =>
    new TextEncoder().encode(JSON.stringify(ctiwire.messageToJSON(ctiwire.decode(f, { version })))),
  );
  const at = payloads.map(stampOffset);
  const stream = `BENCH_FLOOR_${storage}${round}`;
  const prefix = `bfloor${storage}${round}`;
  const subject = `${prefix}.bench.AGENT_STATE_EVENT`;
  const nc = await connect({ servers: url, noAsyncTraces: true });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: stream, subjects: [`${prefix}.>`], storage, duplicate_window: 120e9 });
  const consumer = latencyConsumer(url, stream, subject, count);
  await consumer.ready;
  const burner = burn > 0 ? cpuBurner(burn) : undefined;
  const acks = new AckPublisher(nc);
  let inFlight = 0;
  let i = 0;
  const t0 = performance.now();
  await new Promise((resolve) => {
    const t = setInterval(() => {
      const due = Math.min(count, Math.floor(((performance.now() - t0) * rate) / 1000));
      for (; i < due && inFlight < WINDOW; i++) {
        const k = i % payloads.length;
        const p = payloads[k].slice();
        stampNow(p, at[k]);
        const h = headers();
        h.set("Nats-Msg-Id", `floor:${i}`);
        h.set("Cti-Type", "AGENT_STATE_EVENT");
        h.set("Cti-Version", String(version));
        h.set("Cti-Side", "A");
        h.set("Cti-Received-At", new Date().toISOString());
        inFlight++;
        acks.publish(subject, p, h, 5000).then(
          () => inFlight--,
          () => inFlight--,
        );
      }
      if (i >= count) {
        clearInterval(t);
        resolve();
      }
    }, 1);
  });
  const lat = await consumer.lat;
  await burner?.terminate();
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
  acks.close();
  await nc.close();
  await consumer.stop();
  return { ...latencySummary(lat, rate), ...(burn > 0 ? { burn } : {}) };
}

/** The bridge process's RSS (VmRSS) in MiB. */
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * The bridge in a process of its own (test/fixtures/bridge-process.mjs), NATS stopped, events coming
 * at 20,000/s for `seconds`: its RSS against the buffer limit.
 */
async function outageMemory(frames, limitMiB, seconds, heapMiB) {
  const nats = await natsServer();
  const total = 20_000 * seconds;
  const srv = await ctiServer(new Array(total).fill(null), {
    rate: 20_000,
    stamp: (_f, i) => frames[i % frames.length],
  });
  const dir = mkdtempSync(join(tmpdir(), "ctiwire-bench-"));
  const file = join(dir, "bridge.yaml");
  writeFileSync(
    file,
    `nats:\n  servers: ["${nats.url}"]\nbuffer:\n  maxBytes: ${limitMiB}MiB\nkv:\n  enabled: false\nha:\n  enabled: false\nhttp: false\nlog: { level: warn }\nsources:\n  - name: mem\n    sideA: "127.0.0.1:${srv.port}"\n`,
  );
  const child = spawn(
    process.execPath,
    [
      ...(heapMiB ? [`--max-old-space-size=${heapMiB}`] : []),
      ...(process.env.BRIDGE_NODE_FLAGS ? process.env.BRIDGE_NODE_FLAGS.split(" ") : []),
      new URL("../test/fixtures/bridge-process.mjs", import.meta.url).pathname,
      file,
    ],
    {
      stdio: ["ignore", process.env.BRIDGE_NODE_FLAGS ? 2 : "ignore", "inherit"],
    },
  );
  // Up: the stream exists once the bridge started.
  for (;;) {
    try {
      const nc = await connect({ servers: nats.url, reconnect: false });
      await (await jetstreamManager(nc)).streams.info("CTI");
      await nc.close();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const rss0 = rssOf(child.pid);
  await nats.stop();
  let peak = rss0;
  const t = setInterval(() => (peak = Math.max(peak, rssOf(child.pid))), 100);
  await srv.finished;
  await new Promise((r) => setTimeout(r, 1000));
  clearInterval(t);
  const out = {
    heapLimitMiB: heapMiB ?? null,
    exitCode: child.exitCode,
    signal: child.signalCode,
    bufferLimitMiB: limitMiB,
    eventsSent: total,
    rssBeforeMiB: rss0,
    rssPeakMiB: peak,
    rssEndMiB: rssOf(child.pid),
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  }
  srv.close();
  await nats.dispose();
  rmSync(dir, { recursive: true, force: true });
  return out;
}

if (process.argv.includes("--profile-json")) {
  const nats = await natsServer();
  const frames = await corpus(N);
  console.log(await throughBridge(nats.url, frames, "json"));
  await nats.dispose();
  process.exit(0);
}
if (process.argv.includes("--outage-only")) {
  const frames = await corpus(20_000);
  // --outage-only [SECONDS [HEAP_MIB]]
  const at = process.argv.indexOf("--outage-only");
  const seconds = Number(process.argv[at + 1]) || 10;
  const heap = Number(process.argv[at + 2]) || undefined;
  process.stdout.write(`${JSON.stringify(await outageMemory(frames, 64, seconds, heap))}\n`);
  process.exit(0);
}
if (process.argv.includes("--latency-only")) {
  // In a process of its own: the throughput runs leave a large heap whose collections would be timed.
  const nats = await natsServer();
  const frames = await corpus(20_000);
  const seconds = Number(process.argv[process.argv.indexOf("--latency-only") + 1]) || 6;
  // Floor, bridge, and the floor beside a thread burning what the bridge's main thread used, in
  // turn (twice each when long enough): the machine is shared. Streams in memory and on file (the
  // default): nats-server 2.9's file store has a tail of its own at this rate (its store on a tmpfs
  // too).
  const out = {};
  for (const storage of ["memory", "file"]) {
    const floor = [];
    const bridge = [];
    const burnt = [];
    for (let r = 0; r < (seconds >= 10 ? 2 : 1); r++) {
      floor.push(await latencyFloor(nats.url, frames, 10_000, seconds, r, storage));
      bridge.push(await latency(nats.url, frames, 10_000, seconds, r, storage));
      const burn = bridge[bridge.length - 1].mainThreadCpu;
      burnt.push(await latencyFloor(nats.url, frames, 10_000, seconds, r + 10, storage, burn));
    }
    const best = (xs) => xs.slice().sort((a, b) => a.p99Ms - b.p99Ms)[0];
    out[storage] = {
      bridge: best(bridge),
      floor: best(floor),
      floorBurning: best(burnt),
      runs: { bridge, floor, burnt },
    };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  await nats.dispose();
  process.exit(0);
}
const results = { date: new Date().toISOString(), node: process.version, N, window: WINDOW };
log(`corpus: ${N} events from the simulator`);
const frames = await corpus(N);
const jsonLines = frames.map((f) =>
  new TextEncoder().encode(JSON.stringify(ctiwire.messageToJSON(ctiwire.decode(f, { version })))),
);
results.meanJsonBytes = Math.round(jsonLines.reduce((a, b) => a + b.length, 0) / jsonLines.length);
results.meanFrameBytes = Math.round(frames.reduce((a, b) => a + b.length, 0) / frames.length);
{
  // Alternating runs, the median of each (the machine is shared: single runs vary by ±30 %).
  const nats = await natsServer();
  const rounds = quick ? 1 : 3;
  const runs = { bareJson: [], bareAckJson: [], bridgeJson: [], bareRaw: [], bareAckRaw: [], bridgeRaw: [] };
  for (let r = 0; r < rounds; r++) {
    log(`round ${r + 1}/${rounds}: bare publishers and the bridge, JSON and raw payloads`);
    runs.bareJson.push(await barePublisher(nats.url, jsonLines, `BAREJSON${r}`));
    runs.bareAckJson.push(await bareAckPublisher(nats.url, jsonLines, `BAREACKJSON${r}`));
    runs.bridgeJson.push(await throughBridge(nats.url, frames, "json", r));
    runs.bareRaw.push(await barePublisher(nats.url, frames, `BARERAW${r}`));
    runs.bareAckRaw.push(await bareAckPublisher(nats.url, frames, `BAREACKRAW${r}`));
    runs.bridgeRaw.push(await throughBridge(nats.url, frames, "raw", r));
  }
  const median = (xs) => xs.slice().sort((a, b) => a.eventsPerSec - b.eventsPerSec)[Math.floor(xs.length / 2)];
  for (const k of Object.keys(runs)) results[k] = { ...median(runs[k]), runs: runs[k].map((x) => x.eventsPerSec) };
  await nats.dispose();
  log("latency at 10,000 events/s (a fresh process)");
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname, "--latency-only", String(quick ? 6 : 21)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (d) => (out += d));
  await new Promise((r) => child.once("exit", r));
  results.latency = JSON.parse(out.trim().split("\n").pop());
}
results.jsonRatio = +(results.bridgeJson.eventsPerSec / results.bareJson.eventsPerSec).toFixed(2);
results.rawRatio = +(results.bridgeRaw.eventsPerSec / results.bareRaw.eventsPerSec).toFixed(2);
results.jsonRatioAck = +(results.bridgeJson.eventsPerSec / results.bareAckJson.eventsPerSec).toFixed(2);
results.rawRatioAck = +(results.bridgeRaw.eventsPerSec / results.bareAckRaw.eventsPerSec).toFixed(2);
log("memory during a NATS outage");
results.outage = await outageMemory(frames, 64, quick ? 10 : 30);
log("memory during a NATS outage, the bridge run with --max-old-space-size=64");
results.outageHeap64 = await outageMemory(frames, 64, quick ? 10 : 30, 64);

writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`N = ${N} events per run, window ${WINDOW}; events/s, the median of ${quick ? 1 : 3} alternating runs

| | JSON payloads (${results.meanJsonBytes} B mean) | raw payloads (${results.meanFrameBytes} B mean) |
| --- | ---: | ---: |
| bare publisher: @nats-io/jetstream publish, a window of ${WINDOW} | ${results.bareJson.eventsPerSec} | ${results.bareRaw.eventsPerSec} |
| bare publisher: core publish + reply subject (the bridge's way) | ${results.bareAckJson.eventsPerSec} | ${results.bareAckRaw.eventsPerSec} |
| the bridge, CTI server to PubAck | ${results.bridgeJson.eventsPerSec} | ${results.bridgeRaw.eventsPerSec} |
| bridge / first bare publisher | ${Math.round(results.jsonRatio * 100)} % | ${Math.round(results.rawRatio * 100)} % |
| bridge / second bare publisher | ${Math.round(results.jsonRatioAck * 100)} % | ${Math.round(results.rawRatioAck * 100)} % |

${["memory", "file"]
  .map((k) => {
    const l = results.latency[k];
    return `latency at ${l.bridge.rate} events/s, streams in ${k}, a CTI server's write (its own thread) to a JetStream consumer's receipt (${l.bridge.events} events after the first second; the better of ${l.runs.bridge.length} runs by p99): through the bridge p50 ${l.bridge.p50Ms} ms, p99 ${l.bridge.p99Ms} ms, p99.9 ${l.bridge.p999Ms} ms, max ${l.bridge.maxMs} ms (to the bridge p99 ${l.bridge.toBridge.p99Ms} ms, from it p99 ${l.bridge.fromBridge.p99Ms} ms); the bridge's main thread used ${l.bridge.mainThreadCpu} of a core; the floor (the same JSON published stamped at that rate, no CTI, no bridge) p50 ${l.floor.p50Ms} ms, p99 ${l.floor.p99Ms} ms, p99.9 ${l.floor.p999Ms} ms, max ${l.floor.maxMs} ms; the floor beside a thread burning that share of a core p50 ${l.floorBurning.p50Ms} ms, p99 ${l.floorBurning.p99Ms} ms`;
  })
  .join("\n")}
NATS down, ${results.outage.eventsSent} events at 20,000/s, buffer ${results.outage.bufferLimitMiB} MiB: the bridge's RSS ${results.outage.rssBeforeMiB} MiB → peak ${results.outage.rssPeakMiB} MiB; with --max-old-space-size=64: ${results.outageHeap64.rssBeforeMiB} → ${results.outageHeap64.rssPeakMiB} MiB (${results.outageHeap64.exitCode === null && results.outageHeap64.signal === null ? "ran through" : "died"})
`);
process.exit(0);
