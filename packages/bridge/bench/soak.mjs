// The soak (node bench/soak.mjs [--minutes 30] [--rate 10000]): the simulator (sides A and B, v25, in
// a worker thread) at `rate` events/s, two bridge processes on one configuration (leader + standby),
// a verifier reading the stream as it fills (its own thread). At 1/4 the leader is SIGKILLed (a new
// standby is started), at 1/2 nats-server restarts, at 3/4 the CTI Server switches to side B.
// Every simulator load event carries its number (CTIClientSignature load:<n>): the verifier counts
// those in the stream once, twice (duplicates), and those missing, announced by a GAP marker or not
// (silently lost). Prints a summary and writes bench/soak-results.json.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { natsServer } from "./nats.mjs";

const { values } = parseArgs({ options: { minutes: { type: "string" }, rate: { type: "string" } } });
const minutes = Number(values.minutes ?? 30);
const rate = Number(values.rate ?? 10_000);
const log = (s) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

const dir = mkdtempSync(join(tmpdir(), "ctiwire-soak-"));
const nats = await natsServer();
const natsUrl = nats.url;

// The simulator in its own thread.
const sim = new Worker(
  `
  const { parentPort, workerData } = require("node:worker_threads");
  (async () => {
    const { startSimulator } = await import("@ctiwire/simulator");
    const sim = await startSimulator({ portB: 0, agents: 100, callsPerSecond: 20, seed: 11, eventRate: workerData.rate,
      idleTimeoutEnforced: true, maxBufferedBytes: 64 << 20 });
    parentPort.on("message", (m) => {
      if (m === "switch") sim.switchActiveSide();
      if (m === "stats") parentPort.postMessage({ stats: { load: sim.contactCenter.loadSequence, sent: sim.stats.eventsSent } });
      if (m === "pause") sim.pause?.() ?? sim.contactCenter.pause();
    });
    parentPort.postMessage({ ports: [sim.portA, sim.portB] });
  })();
  `,
  { eval: true, workerData: { rate } },
);
const [portA, portB] = await new Promise((r) => sim.on("message", (m) => m.ports && r(m.ports)));
const simStats = () =>
  new Promise((r) => {
    const f = (m) => {
      if (m.stats) {
        sim.off("message", f);
        r(m.stats);
      }
    };
    sim.on("message", f);
    sim.postMessage("stats");
  });
log(`nats-server on ${nats.port}, simulator on ${portA}/${portB}, ${rate} events/s for ${minutes} min`);

const config = join(dir, "bridge.yaml");
writeFileSync(
  config,
  `nats:\n  servers: ["${natsUrl}"]\nstream:\n  maxBytes: 4GiB\nha:\n  ttl: 5s\nkv:\n  enabled: true\nhttp: false\nlog: { level: info }\nsources:\n  - name: pg1\n    sideA: "127.0.0.1:${portA}"\n    sideB: "127.0.0.1:${portB}"\n    version: 25\n`,
);
const bridges = new Set();
function startBridge(name) {
  const p = spawn(
    process.execPath,
    [new URL("../test/fixtures/bridge-process.mjs", import.meta.url).pathname, config],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  p.name = name;
  p.leading = false;
  p.stdout.setEncoding("utf8").on("data", (d) => {
    if (d.includes('"msg":"leading"')) p.leading = true;
    if (d.includes('"msg":"stepped down"')) p.leading = false;
  });
  p.on("exit", () => bridges.delete(p));
  bridges.add(p);
  return p;
}
startBridge("b1");
await new Promise((r) => setTimeout(r, 1000));
startBridge("b2");

// The verifier, in its own thread: an ordered consumer over the stream from its start.
const verifier = new Worker(
  `
  const { parentPort, workerData } = require("node:worker_threads");
  (async () => {
    const { connect } = await import("@nats-io/transport-node");
    const { jetstream, jetstreamManager } = await import("@nats-io/jetstream");
    const nc = await connect({ servers: workerData.url, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    for (;;) { try { await (await jetstreamManager(nc)).streams.info("CTI"); break; } catch { await new Promise((r) => setTimeout(r, 200)); } }
    const v = { messages: 0, events: 0, load: 0, duplicates: 0, reordered: 0, missingAnnounced: 0, missingSilent: 0,
      gaps: {}, overflowCounted: 0, msgIdDuplicates: 0, lastLoad: 0, streamSeq: 0 };
    const ids = new Map(); // epoch -> last seq
    let gapSinceLastLoad = false;
    const dec = new TextDecoder();
    setInterval(() => parentPort.postMessage({ v }), 1000);
    // A consumer that stops delivering while the stream grows (seen after a nats-server restart) is
    // replaced, reading on from the last sequence seen.
    let current;
    let lastAt = Date.now();
    setInterval(async () => {
      if (Date.now() - lastAt < 3000) return;
      try {
        const st = (await (await jetstreamManager(nc)).streams.info("CTI")).state;
        if (st.last_seq > v.streamSeq && current) { current.stop(); lastAt = Date.now(); }
      } catch {}
    }, 1000);
    // Read on from the last stream sequence seen whenever the consumer ends (a nats-server restart).
    for (;;) {
    let it;
    try {
      const c = await jetstream(nc).consumers.get("CTI", {
        filter_subjects: "cti.pg1.>",
        ...(v.streamSeq > 0 ? { deliver_policy: "by_start_sequence", opt_start_seq: v.streamSeq + 1 } : {}),
      });
      it = await c.consume({ max_messages: 1000 });
      current = it;
    } catch { await new Promise((r) => setTimeout(r, 250)); continue; }
    try {
    for await (const m of it) {
      lastAt = Date.now();
      if (m.seq <= v.streamSeq) continue; // already counted (a replaced consumer)
      v.messages++;
      v.streamSeq = m.seq;
      const type = m.headers?.get("Cti-Type");
      if (type === "GAP") {
        const g = JSON.parse(dec.decode(m.data));
        v.gaps[g.reason] = (v.gaps[g.reason] ?? 0) + 1;
        if (g.reason === "overflow") v.overflowCounted += g.counts.events;
        gapSinceLastLoad = true;
        continue;
      }
      v.events++;
      const [, epoch, seqs] = (m.headers?.get("Nats-Msg-Id") ?? "").split(":");
      const seq = Number(seqs);
      const last = ids.get(epoch) ?? 0;
      if (seq <= last) v.msgIdDuplicates++;
      else ids.set(epoch, seq);
      if (type !== "AGENT_STATE_EVENT") continue;
      const s = /"ctiClientSignature":"load:(\\d+)"/.exec(dec.decode(m.data));
      if (!s) continue;
      const n = Number(s[1]);
      v.load++;
      if (n <= v.lastLoad) { v.duplicates++; continue; }
      const missing = n - v.lastLoad - 1;
      if (missing > 0 && v.lastLoad > 0) {
        if (gapSinceLastLoad) v.missingAnnounced += missing; else v.missingSilent += missing;
      }
      v.lastLoad = n;
      gapSinceLastLoad = false;
    }
    } catch {}
    v.consumerRestarts = (v.consumerRestarts ?? 0) + 1;
    await new Promise((r) => setTimeout(r, 250));
    }
  })();
  `,
  { eval: true, workerData: { url: natsUrl } },
);
let v = {};
verifier.on("message", (m) => {
  if (m.v) v = m.v;
});
verifier.on("error", (e) => log(`verifier: ${e.message}`));

const total = minutes * 60_000;
const t0 = Date.now();
const events = [];
const at = (f) => t0 + total * f;
const sleepUntil = (t) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));
const progress = setInterval(async () => {
  const s = await simStats();
  log(
    `load ${s.load} sent, ${v.load ?? 0} in the stream (last ${v.lastLoad ?? 0}), dup ${v.duplicates ?? 0}, silent ${v.missingSilent ?? 0}, announced ${v.missingAnnounced ?? 0}, gaps ${JSON.stringify(v.gaps ?? {})}`,
  );
}, 30_000);

await sleepUntil(at(0.25));
const leader = [...bridges].find((b) => b.leading);
log(`SIGKILL of the leader (${leader?.name})`);
events.push({ at: Date.now() - t0, what: `SIGKILL leader ${leader?.name}` });
leader?.kill("SIGKILL");
startBridge("b3");
await sleepUntil(at(0.5));
log("nats-server restart");
events.push({ at: Date.now() - t0, what: "nats-server restart" });
await nats.stop();
await nats.start();
await sleepUntil(at(0.75));
log("CTI side switch A -> B");
events.push({ at: Date.now() - t0, what: "CTI side switch" });
sim.postMessage("switch");
await sleepUntil(at(1));
sim.postMessage("pause");
const final = await simStats();
log("paused; waiting for the stream to catch up");
const deadline = Date.now() + 120_000;
let stable = 0;
let lastSeen = -1;
while (Date.now() < deadline && stable < 10) {
  await new Promise((r) => setTimeout(r, 1000));
  stable = v.messages === lastSeen ? stable + 1 : 0;
  lastSeen = v.messages;
}
clearInterval(progress);
let streamState;
try {
  const nc = await connect({ servers: natsUrl });
  streamState = (await (await jetstreamManager(nc)).streams.info("CTI")).state;
  await nc.close();
} catch (e) {
  streamState = String(e);
}
const result = {
  streamLastSeq: streamState?.last_seq,
  streamMessagesStored: streamState?.messages,
  minutes,
  rate,
  faults: events,
  loadEventsSent: final.load,
  loadEventsInStream: v.load,
  duplicates: v.duplicates,
  msgIdDuplicates: v.msgIdDuplicates,
  missingAnnouncedByGap: v.missingAnnounced,
  missingSilently: v.missingSilent,
  lastLoadInStream: v.lastLoad,
  notYetPublishedAtEnd: final.load - v.lastLoad,
  overflowCounted: v.overflowCounted,
  gaps: v.gaps,
  streamMessages: v.messages,
  verifierRestarts: v.consumerRestarts ?? 0,
  events: v.events,
};
writeFileSync(new URL("./soak-results.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
for (const b of bridges) b.kill("SIGTERM");
await new Promise((r) => setTimeout(r, 2000));
for (const b of bridges) b.kill("SIGKILL");
await verifier.terminate();
await sim.terminate();
await nats.dispose();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
