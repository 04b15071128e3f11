// The loopback suite (Node only): events per second a @ctiwire/client session sustains over TCP on
// 127.0.0.1, consumed through its async iterator (the usual path, with backpressure).
//   simulator-<rate>: @ctiwire/simulator in a worker thread (its own event loop, as a real server),
//                     with extra AGENT_STATE_EVENT load at <rate> events/s;
//   blaster:          a raw server writing pre-encoded AGENT_STATE_EVENT frames as fast as TCP takes
//                     them: the client's own ceiling (decode + dispatch + iterator).
// Rows: msgsPerSec = events/s; p50Ns/p99Ns = ns per event at the median / p99 batch of 1024 events;
// backend = the facade's decode backend (the client decodes through it).
import * as net from "node:net";
import { Worker } from "node:worker_threads";
import { CtiClient } from "@ctiwire/client";
import { agentState, openConf } from "@ctiwire/test-vectors/samples";
import * as ctiwire from "ctiwire";
import type { Log, Mode, Only, Row } from "./types.js";

/** One measurement: events/s and ns per event at the median and p99 batch. */
interface Measured {
  msgsPerSec: number;
  p50Ns: number;
  p99Ns: number;
  samples: number;
}

const version = 25;
const BATCH = 1024;
/** Simulator event rates and time per measurement (ms) per mode. */
export const LOOPBACK: Readonly<Record<Mode, { rates: readonly number[]; ms: number }>> = {
  quick: { rates: [50_000], ms: 1000 },
  full: { rates: [20_000, 50_000, 100_000], ms: 5000 },
};

async function measure(port: number, ms: number): Promise<Measured> {
  const client = new CtiClient({ sideA: `127.0.0.1:${port}`, version, clientID: "bench", heartbeatIntervalMs: 0 });
  await client.connect();
  const batches: number[] = [];
  let n = 0;
  const t0 = performance.now();
  let tb = t0;
  for await (const _e of client) {
    if (++n % BATCH !== 0) continue;
    const now = performance.now();
    batches.push(now - tb);
    tb = now;
    if (now - t0 >= ms) break;
  }
  const s = (tb - t0) / 1000;
  await client.close();
  batches.sort((a, b) => a - b);
  const at = (q: number) => batches[Math.min(batches.length - 1, Math.floor(q * batches.length))] ?? 0;
  return {
    msgsPerSec: Math.round(n / s),
    p50Ns: +((at(0.5) * 1e6) / BATCH).toFixed(1),
    p99Ns: +((at(0.99) * 1e6) / BATCH).toFixed(1),
    samples: batches.length,
  };
}

/** The sample AGENT_STATE_EVENT of agent i, without skill groups (as an agent-only bridge sees it). */
function agentEvent(i: number) {
  const { fltSkillGroups: _, ...base } = agentState;
  const ext = String(2000 + i);
  return { ...base, icmAgentID: 5100 + i, agentID: String(1000 + i), agentExtension: ext, agentInstrument: ext };
}

/** A server answering OPEN_REQ, then writing `block` (1024 frames) while TCP takes it. */
async function blaster(): Promise<{ port: number; close: () => void; frameBytes: number }> {
  const frames: Uint8Array[] = [];
  for (let i = 0; i < 64; i++) frames.push(ctiwire.encode(agentEvent(i), { version }));
  const block = Buffer.concat(frames.flatMap((f) => Array<Uint8Array>(16).fill(f)));
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.setNoDelay(true);
    s.on("error", () => {});
    s.once("data", (d) => {
      s.write(ctiwire.encode(openConf(d.readUInt32BE(8)), { version }));
      const pump = () => {
        while (!s.destroyed && s.write(block)) {}
        if (!s.destroyed) s.once("drain", pump);
      };
      pump();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const close = () => {
    for (const s of sockets) s.destroy();
    server.close();
  };
  // Listening on a TCP port: address() is an AddressInfo (a string only for pipes).
  return { port: (server.address() as net.AddressInfo).port, close, frameBytes: block.length / (64 * 16) };
}

/** Runs the suite; `only(suite, backend, corpus)` filters. Returns rows. */
export async function runLoopback({
  mode,
  log = () => {},
  only,
}: {
  mode: Mode;
  log?: Log;
  only?: Only;
}): Promise<Row[]> {
  const { rates, ms } = LOOPBACK[mode === "full" ? "full" : "quick"];
  const backend = ctiwire.backend("decode");
  const rows: Row[] = [];
  const push = (corpus: string, r: Measured, frameBytes?: number) => {
    const row: Row = {
      suite: "loopback",
      corpus,
      runtime: "node",
      backend,
      ...r,
      mbPerSec: frameBytes ? +((r.msgsPerSec * frameBytes) / 1e6).toFixed(1) : null,
      rmePct: null,
      mode,
      corpusBytes: null,
    };
    rows.push(row);
    log(
      `node     ${corpus.padEnd(16)} loopback  ${backend.padEnd(5)} ${Math.round(r.msgsPerSec).toLocaleString("en-US")} events/s  p50 ${r.p50Ns} ns/event (${r.samples} batches)`,
    );
  };
  for (const eventRate of rates) {
    const corpus = `simulator-${eventRate / 1000}k`;
    if (only && !only("loopback", backend, corpus)) continue;
    const worker = new Worker(new URL("./loopback-sim.js", import.meta.url), { workerData: { eventRate } });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
      push(corpus, await measure(port, ms));
    } finally {
      await worker.terminate();
    }
  }
  if (!only || only("loopback", backend, "blaster")) {
    const { port, close, frameBytes } = await blaster();
    try {
      push("blaster", await measure(port, ms), frameBytes);
    } finally {
      close();
    }
  }
  return rows;
}
