// Fault scenarios, each with its observed outcome asserted: the server killed mid-frame or reset,
// a half-open connection, heartbeats unanswered, garbage on the wire, a side switch with requests in
// flight, a slow consumer. The client and the simulator run over loopback with short real intervals.
import { writeFileSync } from "node:fs";
import {
  type ClientEvent,
  CtiClient,
  type CtiClientError,
  type CtiClientOptions,
  isCtiClientError,
} from "@ctiwire/client";
import { StatusCode } from "@ctiwire/protocol";
import { type Simulator, startSimulator } from "@ctiwire/simulator";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { FaultProxy } from "./proxy.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f().catch(() => {});
});
const outcomes: Record<string, unknown> = {};
afterAll(() => {
  console.log(`fault outcomes: ${JSON.stringify(outcomes, null, 1)}`);
  if (process.env.ROBUSTNESS_FIGURES) writeFileSync(process.env.ROBUSTNESS_FIGURES, JSON.stringify(outcomes, null, 2));
});

async function sim(o: Parameters<typeof startSimulator>[0] = {}): Promise<Simulator> {
  const s = await startSimulator({ agents: 4, callsPerSecond: 2, seed: 5, ...o });
  cleanup.push(() => s.close());
  return s;
}

function client(o: Partial<CtiClientOptions> & Pick<CtiClientOptions, "sideA">): CtiClient {
  const c = new CtiClient({
    clientID: "faults",
    peripheralID: 5000,
    version: 25,
    heartbeatIntervalMs: 0,
    services: ["CTI_SERVICE_ALL_EVENTS", "CTI_SERVICE_CLIENT_CONTROL"],
    reconnect: { expectedClients: 1 }, // immediate retries
    ...o,
  });
  cleanup.push(() => c.close());
  return c;
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)),
  ]);
}

async function settle(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "resolved";
  } catch (e) {
    return isCtiClientError(e) ? e.code : `non-client error: ${String(e)}`;
  }
}

describe("faults", () => {
  for (const mode of ["midFrame", "reset"] as const) {
    it(`server side killed (${mode === "midFrame" ? "mid-frame: half a frame, then FIN" : "RST"}): in-flight request rejects, client reconnects, SESSION_RESET`, async () => {
      const s = await sim();
      const c = client({ sideA: `127.0.0.1:${s.portA}` });
      const warnings: unknown[] = [];
      c.on("warning", (w) => warnings.push(w));
      await c.connect();
      const resetP = within(c.next("session-reset"), 5000, "session-reset");
      const inFlight = settle(c.queryAgentState({ agentID: "1001" }));
      s.dropConnections("A", mode === "midFrame" ? { midFrame: true } : { reset: true });
      const t0 = performance.now();
      const reset = await resetP;
      const reconnectMs = Math.round(performance.now() - t0);
      expect(await within(inFlight, 2000, "in-flight request")).toBe("CONNECTION_LOST");
      expect(reset.reason).toBe("reconnect");
      expect(reset.cause?.code).toBe("CONNECTION_LOST");
      // The half frame is reported, not silently dropped (an RST leaves no partial frame here).
      const codes = warnings.map((w) => (w as { code?: string }).code ?? String(w));
      expect(codes).toEqual(mode === "midFrame" ? ["TRUNCATED_STREAM"] : []);
      // The new session works.
      expect((await c.queryAgentState({ agentID: "1001" })).type).toBe("QUERY_AGENT_STATE_CONF");
      outcomes[`killed-${mode}`] = {
        inFlightRequest: "CONNECTION_LOST",
        sessionReset: reset.reason,
        cause: reset.cause?.code,
        reconnectMs,
        warnings: warnings.map((w) => (w as { code?: string }).code ?? String(w)),
      };
    });
  }

  it("half-open (the server goes silent, no FIN, no RST): heartbeat timeout detects it, reconnect", async () => {
    const s = await sim({ idleTimeoutEnforced: false });
    const proxy = await FaultProxy.start(s.portA);
    cleanup.push(() => proxy.close());
    const interval = 200;
    const c = client({ sideA: `127.0.0.1:${proxy.port}`, heartbeatIntervalMs: interval });
    await c.connect();
    const disconnectP = within(c.next("disconnect"), 10 * interval + 3000, "disconnect");
    const resetP = within(c.next("session-reset"), 10 * interval + 5000, "session-reset");
    const inFlight = settle(c.queryAgentState({ agentID: "1001" }, { timeoutMs: 60_000 }));
    proxy.freezeAll();
    const t0 = performance.now();
    const d = await disconnectP;
    const detectMs = Math.round(performance.now() - t0);
    const reset = await resetP;
    expect(d.error.code).toBe("HEARTBEAT_TIMEOUT");
    expect(await within(inFlight, 1000, "in-flight")).toBe("CONNECTION_LOST");
    expect(reset.cause?.code).toBe("HEARTBEAT_TIMEOUT");
    // 3 unconfirmed heartbeats: detected after about 3-4 intervals.
    expect(detectMs).toBeLessThan(6 * interval + 1000);
    expect((await c.queryAgentState({ agentID: "1001" })).type).toBe("QUERY_AGENT_STATE_CONF");
    outcomes["half-open"] = {
      heartbeatIntervalMs: interval,
      detectedAfterMs: detectMs,
      error: d.error.code,
      inFlightRequest: "CONNECTION_LOST",
      after: "reconnected, SESSION_RESET",
    };
  });

  it("heartbeats unanswered (stopHeartbeats): HEARTBEAT_TIMEOUT, reset, reconnect", async () => {
    const s = await sim({ idleTimeoutEnforced: false });
    const interval = 200;
    const c = client({ sideA: `127.0.0.1:${s.portA}`, heartbeatIntervalMs: interval });
    await c.connect();
    const disconnectP = within(c.next("disconnect"), 10 * interval + 3000, "disconnect");
    s.stopHeartbeats(true);
    const t0 = performance.now();
    const d = await disconnectP;
    const detectMs = Math.round(performance.now() - t0);
    expect(d.error.code).toBe("HEARTBEAT_TIMEOUT");
    expect(d.reconnecting).toBe(true);
    s.stopHeartbeats(false);
    const reset = await within(c.next("session-reset"), 5000, "session-reset");
    expect(reset.cause?.code).toBe("HEARTBEAT_TIMEOUT");
    outcomes["heartbeats-unanswered"] = {
      heartbeatIntervalMs: interval,
      detectedAfterMs: detectMs,
      error: d.error.code,
      after: "reconnected, SESSION_RESET",
    };
  });

  it("garbage from the server (a 4 GiB MessageLength): the client closes the session (PROTOCOL_ERROR) and reconnects", async () => {
    const s = await sim();
    const proxy = await FaultProxy.start(s.portA);
    cleanup.push(() => proxy.close());
    const c = client({ sideA: `127.0.0.1:${proxy.port}` });
    await c.connect();
    const resetP = within(c.next("session-reset"), 5000, "session-reset");
    const disconnectP = within(c.next("disconnect"), 5000, "disconnect");
    proxy.inject(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 3, 1, 2, 3));
    const d = await disconnectP;
    const reset = await resetP;
    expect(d.error.code).toBe("PROTOCOL_ERROR");
    expect((d.error.cause as { code?: string }).code).toBe("MESSAGE_TOO_LONG");
    expect(reset.cause?.code).toBe("PROTOCOL_ERROR");
    expect((await c.queryAgentState({ agentID: "1001" })).type).toBe("QUERY_AGENT_STATE_CONF");
    outcomes["garbage-fatal-length"] = {
      error: d.error.code,
      cause: "MESSAGE_TOO_LONG",
      after: "session closed, reconnected, SESSION_RESET",
    };
  });

  it("side switch (v25 active/standby) with 20 requests in flight: all reject with SIDE_SWITCHED, none hangs", async () => {
    const s = await sim({ portB: 0 });
    const proxyA = await FaultProxy.start(s.portA);
    cleanup.push(() => proxyA.close());
    const c = client({ sideA: `127.0.0.1:${proxyA.port}`, sideB: `127.0.0.1:${s.portB}` });
    const standby = within(c.next("standby"), 5000, "standby session");
    await c.connect();
    await standby;
    proxyA.hold = true; // side A's answers are held back: the requests stay in flight
    const requests = Array.from({ length: 20 }, (_, i) => settle(c.queryAgentState({ agentID: `100${(i % 4) + 1}` })));
    await new Promise((r) => setTimeout(r, 100));
    const switched = within(c.next("side-switch"), 3000, "side-switch");
    const t0 = performance.now();
    s.switchActiveSide();
    const results = await within(Promise.all(requests), 3000, "the in-flight requests");
    const settleMs = Math.round(performance.now() - t0);
    const sw = await switched;
    proxyA.release();
    expect(sw.to).toBe("B");
    expect(results).toEqual(Array(20).fill("SIDE_SWITCHED"));
    expect((await c.queryAgentState({ agentID: "1001" })).type).toBe("QUERY_AGENT_STATE_CONF");
    outcomes["side-switch-in-flight"] = {
      requests: 20,
      outcomes: "all SIDE_SWITCHED",
      settledWithinMs: settleMs,
      after: "requests go to side B",
    };
  });

  it("side switch closing the old side, requests racing: every promise settles (SIDE_SWITCHED / CONNECTION_LOST / answered)", async () => {
    const s = await sim({ portB: 0 });
    const c = client({ sideA: `127.0.0.1:${s.portA}`, sideB: `127.0.0.1:${s.portB}` });
    const standby = within(c.next("standby"), 5000, "standby session");
    await c.connect();
    await standby;
    const requests = Array.from({ length: 50 }, (_, i) => settle(c.queryAgentState({ agentID: `100${(i % 4) + 1}` })));
    s.switchActiveSide({ closeOld: true });
    const results = await within(Promise.all(requests), 5000, "the racing requests");
    const counts: Record<string, number> = {};
    for (const r of results) counts[r] = (counts[r] ?? 0) + 1;
    for (const k of Object.keys(counts))
      expect(["resolved", "SIDE_SWITCHED", "CONNECTION_LOST", "FAILURE_CONF"]).toContain(k);
    outcomes["side-switch-close-old"] = { requests: 50, outcomes: counts };
  });

  it("slow consumer: the iterator is not read; the client pauses the socket at the high-water mark, the simulator sees backpressure and drops the session; nothing is buffered without bound", async () => {
    const maxBufferedBytes = 256 * 1024;
    const s = await sim({ callsPerSecond: 0, eventRate: 20_000, agents: 20, maxBufferedBytes });
    const closed = new Promise<{ status: number }>((r) => s.once("session-close", r));
    const highWaterMark = 256;
    const c = client({ sideA: `127.0.0.1:${s.portA}`, highWaterMark, services: ["CTI_SERVICE_ALL_EVENTS"] });
    await c.connect();
    const it = c.events() as AsyncIterableIterator<ClientEvent> & { size: number };
    const heap0 = process.memoryUsage().heapUsed;
    let maxSize = 0;
    let pausedSeen = false;
    let maxHeapDelta = 0;
    const sampler = setInterval(() => {
      maxSize = Math.max(maxSize, it.size);
      pausedSeen ||= c.paused;
      maxHeapDelta = Math.max(maxHeapDelta, process.memoryUsage().heapUsed - heap0);
    }, 5);
    const closedInfo = await within(closed, 15_000, "the simulator dropping the slow session");
    clearInterval(sampler);
    maxSize = Math.max(maxSize, it.size);
    expect(pausedSeen).toBe(true);
    expect(closedInfo.status).toBe(StatusCode.E_CTI_CLIENT_DISCONNECTED);
    // At most one socket chunk (≤ 64 KiB, AGENT_STATE_EVENTs of ~150 bytes) beyond the mark.
    expect(maxSize).toBeLessThanOrEqual(highWaterMark + 1000);
    // Now the consumer catches up: the client resumes, sees the drop, reconnects, SESSION_RESET.
    let reset: ClientEvent | undefined;
    let read = 0;
    await within(
      (async () => {
        for await (const e of it) {
          read++;
          if (e.type === "SESSION_RESET") {
            reset = e;
            break;
          }
        }
      })(),
      15_000,
      "SESSION_RESET after catching up",
    );
    expect(reset?.type).toBe("SESSION_RESET");
    outcomes["slow-consumer"] = {
      highWaterMark,
      maxIteratorBuffer: maxSize,
      clientPaused: pausedSeen,
      simulatorMaxBufferedBytes: maxBufferedBytes,
      simulator: "dropped the session (E_CTI_CLIENT_DISCONNECTED) when its unsent output passed maxBufferedBytes",
      clientHeapDeltaMaxMiB: +(maxHeapDelta / 1048576).toFixed(1),
      afterCatchingUp: `read ${read} buffered events, then SESSION_RESET (${(reset as { cause?: CtiClientError })?.cause?.code})`,
    };
  });
});
