// Soak: the simulator (in a worker thread) pushes SOAK_RATE load events per second (default 10,000)
// at the client over loopback for SOAK_SECONDS (default 10; the documented long run is 300). Every
// load event carries its sequence number (CTIClientSignature "load:<n>"), checked end to end through
// the client's async iterator: no loss, no reordering. Heap sampled every second (flat: first
// quarter vs last quarter), event-loop delay with perf_hooks.monitorEventLoopDelay.
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { CtiClient } from "@ctiwire/client";
import { expect, it } from "vitest";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 10_000);

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
  `soak: ${RATE} events/s for ${SECONDS} s, sequence checked end to end, heap flat, event-loop lag bounded`,
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
      heartbeatIntervalMs: 5000,
      services: ["CTI_SERVICE_ALL_EVENTS"],
    });
    let resets = 0;
    client.on("session-reset", () => resets++);
    await client.connect();

    let expected = 0; // next sequence number
    let received = 0;
    let lost = 0;
    let reordered = 0;
    let other = 0;
    const consumer = (async () => {
      for await (const e of client) {
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
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const { loadSequence: sent } = await ask(worker, "pause");
    const loadEnd = performance.now();
    // Drain: everything sent must arrive.
    const deadline = Date.now() + 30_000;
    while (expected - 1 < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const drained = performance.now();
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
      sustainedRate: Math.round(sent / ((loadEnd - t0) / 1000)),
      drainMs: Math.round(drained - loadEnd),
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

    expect(sent).toBeGreaterThan(RATE * SECONDS * 0.25); // (timer ticks slow down on a loaded machine)
    expect(received).toBe(sent);
    expect(lost).toBe(0);
    expect(reordered).toBe(0);
    expect(resets).toBe(0);
    // Flat: the last quarter's median heap within 32 MiB (and 50 %) of the first quarter's.
    expect(lastQ - firstQ).toBeLessThan(Math.max(32 * 1048576, firstQ * 0.5));
    // Lag bounded (a shared, niced 2-core machine: generous bounds).
    expect(lag.percentile(99) / 1e6).toBeLessThan(500);
  },
  (SECONDS + 90) * 1000,
);
