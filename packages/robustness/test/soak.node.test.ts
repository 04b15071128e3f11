// Soak: the simulator (in a worker thread) pushes load events at SOAK_RATE per second (default 10,000)
// at the client over loopback until the client has received SOAK_RATE × SOAK_SECONDS of them
// (default 10 s' worth; the documented long run is 300): the run is a volume of events, so a loaded
// machine that cannot sustain the rate makes it longer, not a failure. Every load event carries its
// sequence number (CTIClientSignature "load:<n>"), checked end to end through the client's async
// iterator: no loss, no reordering; after the load is paused, a heartbeat's confirmation (behind every
// event sent, TCP keeps the order) and an empty iterator buffer mark the end of the drain. Heap
// sampled every second (flat: first quarter vs last quarter), event-loop delay with
// perf_hooks.monitorEventLoopDelay (a figure; the pass condition is that heartbeats never lapsed).
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { type ClientEvent, CtiClient } from "@ctiwire/client";
import { expect, it } from "vitest";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 10_000);
const TARGET = RATE * SECONDS; // load events to receive before the load is paused
const HEARTBEAT_MS = 5000;

type Reply = { reply?: string; ready?: boolean; portA?: number; loadSequence: number; stats: Record<string, number> };

function ask(w: Worker, msg: string): Promise<Reply> {
  return new Promise((resolve) => {
    const on = (r: Reply) => {
      if (r.reply !== msg) return;
      w.off("message", on);
      resolve(r);
    };
    w.on("message", on);
    w.postMessage(msg);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

it(
  `soak: ${TARGET} events at ${RATE}/s (${SECONDS} s on a quiet machine), sequence checked end to end, heap flat, no heartbeat lapse`,
  async () => {
    const worker = new Worker(new URL("./sim-worker.mjs", import.meta.url), {
      workerData: { agents: 50, callsPerSecond: 0, eventRate: RATE, seed: 11, idleTimeoutEnforced: true, paused: true },
    });
    const ready = await new Promise<Reply>((resolve) => worker.once("message", resolve));
    const client = new CtiClient({
      sideA: `127.0.0.1:${ready.portA}`,
      version: 25,
      clientID: "soak",
      peripheralID: 5000,
      heartbeatIntervalMs: HEARTBEAT_MS,
      services: ["CTI_SERVICE_ALL_EVENTS"],
    });
    let resets = 0;
    client.on("session-reset", () => resets++);
    let disconnects = 0;
    client.on("disconnect", () => disconnects++);
    await client.connect();

    let expected = 0; // next sequence number
    let received = 0;
    let lost = 0;
    let reordered = 0;
    let other = 0;
    // Resolved by the consumer when `received` reaches the target: the load's end is a count.
    let onTarget: () => void = () => {};
    const targetReached = new Promise<void>((r) => (onTarget = r));
    const events = client.events() as AsyncIterableIterator<ClientEvent> & { size: number };
    const consumer = (async () => {
      for await (const e of events) {
        if (e.type !== "AGENT_STATE_EVENT") {
          other++;
          continue;
        }
        const sig = (e as { ctiClientSignature?: string }).ctiClientSignature ?? "";
        if (!sig.startsWith("load:")) {
          other++;
          continue;
        }
        const n = Number(sig.slice(5));
        received++;
        if (expected === 0) expected = n; // (the first one is 1: the load starts after OPEN)
        if (n > expected) lost += n - expected;
        if (n < expected) reordered++;
        expected = Math.max(expected, n + 1);
        if (received === TARGET) onTarget();
      }
    })();

    const lag = monitorEventLoopDelay({ resolution: 1 });
    lag.enable();
    const heap: number[] = [];
    const rss: number[] = [];
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      heap.push(m.heapUsed);
      rss.push(m.rss);
    }, 1000);
    const t0 = performance.now();
    await ask(worker, "resume");
    await targetReached;
    const { loadSequence: sent } = await ask(worker, "pause");
    const loadEnd = performance.now();
    // Drain: the heartbeat's confirmation comes after every event written before the pause, so once
    // it resolves they have all been dispatched to the iterator; once its buffer is empty the consumer
    // has seen them all. (No deadline: the confirmation may wait behind a backlog on a loaded machine.)
    await client.heartbeat({ timeoutMs: 3_600_000 });
    while (events.size > 0) await new Promise((r) => setImmediate(r));
    const lastSeen = expected - 1;
    const drainedAt = performance.now();
    clearInterval(sampler);
    lag.disable();
    const { stats } = await ask(worker, "stats");
    await client.close();
    await consumer;
    await ask(worker, "close").catch(() => {});
    await worker.terminate();

    const q = Math.max(1, Math.floor(heap.length / 4));
    const firstQ = median(heap.slice(0, q));
    const lastQ = median(heap.slice(-q));
    const figures = {
      seconds: SECONDS,
      targetRate: RATE,
      eventsSent: sent,
      eventsReceived: received,
      lost,
      reordered,
      otherMessages: other,
      sessionResets: resets,
      disconnects,
      sustainedRate: Math.round(sent / ((loadEnd - t0) / 1000)),
      loadSeconds: +((loadEnd - t0) / 1000).toFixed(1),
      drainMs: Math.round(drainedAt - loadEnd),
      heapFirstQuarterMiB: +(firstQ / 1048576).toFixed(1),
      heapLastQuarterMiB: +(lastQ / 1048576).toFixed(1),
      heapMaxMiB: +(Math.max(...heap) / 1048576).toFixed(1),
      rssMaxMiB: +(Math.max(...rss) / 1048576).toFixed(1),
      lagP50ms: +(lag.percentile(50) / 1e6).toFixed(1),
      lagP99ms: +(lag.percentile(99) / 1e6).toFixed(1),
      lagMaxMs: +(lag.max / 1e6).toFixed(1),
      simulatorFramesOut: stats.framesOut,
    };
    console.log(`soak figures: ${JSON.stringify(figures)}`);
    if (process.env.ROBUSTNESS_FIGURES) writeFileSync(process.env.ROBUSTNESS_FIGURES, JSON.stringify(figures, null, 2));

    expect(sent).toBeGreaterThanOrEqual(TARGET);
    expect(lastSeen).toBe(sent);
    expect(received).toBe(sent);
    expect(lost).toBe(0);
    expect(reordered).toBe(0);
    expect(resets).toBe(0);
    expect(disconnects).toBe(0);
    // Flat: the last quarter's median heap within 32 MiB (and 50 %) of the first quarter's.
    expect(lastQ - firstQ).toBeLessThan(Math.max(32 * 1048576, firstQ * 0.5));
    // Event-loop lag is the machine's figure as much as the client's (a loaded machine delays every
    // timer): it is reported, not judged. What would matter is a loop too busy to keep the session:
    // no heartbeat lapsed (no disconnect above, heartbeats every 5 s, the simulator enforcing the
    // IdleTimeout) and the client kept up (nothing lost, the drain completed).
  },
  // A hang guard only: the run takes SECONDS on a quiet machine, longer when the rate cannot be met.
  (SECONDS * 10 + 120) * 1000,
);
