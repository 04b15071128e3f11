// Fault scenarios, each with its observed outcome asserted: the server killed mid-frame or reset,
// a half-open connection, heartbeats unanswered, garbage on the wire, a side switch with requests in
// flight, a slow consumer. The client and the simulator run over loopback.
//
// Nothing here decides pass or fail by the wall clock: each test waits for the event or the progress
// it is about (a disconnect, a reset, the simulator seeing N requests or dropping a session), and the
// only time bound is vitest's per-test timeout (a hang guard). Where time itself has to pass
// (heartbeat intervals, the simulator's event rate) the client's or the simulator's ManualClock moves
// it, so a loaded machine makes a test slower, never different.
import { writeFileSync } from "node:fs";
import {
  ManualClock as ClientClock,
  type ClientEvent,
  CtiClient,
  type CtiClientError,
  type CtiClientOptions,
  isCtiClientError,
} from "@ctiwire/client";
import { StatusCode } from "@ctiwire/protocol";
import { type Simulator, ManualClock as SimulatorClock, startSimulator } from "@ctiwire/simulator";
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

/** Lets already-queued I/O callbacks and promise continuations run (one macrotask turn). */
const turn = () => new Promise((r) => setImmediate(r));

/** Resolves once `n` requests of this type have reached the simulator (counted from now). */
function requestsSeen(s: Simulator, type: string, n: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    const on = (r: { message: { type: string } }) => {
      if (r.message.type === type && ++seen === n) {
        s.off("request", on);
        resolve();
      }
    };
    s.on("request", on);
  });
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
      const resetP = c.next("session-reset");
      const inFlight = settle(c.queryAgentState({ agentID: "1001" }));
      s.dropConnections("A", mode === "midFrame" ? { midFrame: true } : { reset: true });
      const t0 = performance.now();
      const reset = await resetP;
      const reconnectMs = Math.round(performance.now() - t0);
      expect(await inFlight).toBe("CONNECTION_LOST");
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

  // Heartbeat timing runs on the client's ManualClock: the test moves it one interval at a time, so
  // "3 unconfirmed heartbeats, found at the 4th tick" is checked in clock time, whatever the load.
  // Everything else (the frozen proxy, the reconnect, the new session) is real loopback I/O.
  async function heartbeatTimeout(c: CtiClient, clock: ClientClock, interval: number) {
    let disconnected = false;
    c.once("disconnect", () => (disconnected = true));
    const disconnectP = c.next("disconnect");
    // Ticks 1-3 each send a HEARTBEAT_REQ that is never confirmed: the session stays up.
    for (let i = 0; i < 3; i++) await clock.advance(interval);
    expect(disconnected).toBe(false);
    // Tick 4 finds 3 unconfirmed and resets the connection.
    await clock.advance(interval);
    const d = await disconnectP;
    return { d, detectedAfterMs: 4 * interval };
  }

  it("half-open (the server goes silent, no FIN, no RST): heartbeat timeout detects it, reconnect", async () => {
    const s = await sim({ idleTimeoutEnforced: false });
    const proxy = await FaultProxy.start(s.portA);
    cleanup.push(() => proxy.close());
    const interval = 200;
    const clock = new ClientClock();
    const c = client({ sideA: `127.0.0.1:${proxy.port}`, heartbeatIntervalMs: interval, clock });
    await c.connect();
    const resetP = c.next("session-reset");
    const inFlight = settle(c.queryAgentState({ agentID: "1001" }, { timeoutMs: 60_000 }));
    proxy.freezeAll();
    const { d, detectedAfterMs } = await heartbeatTimeout(c, clock, interval);
    expect(d.error.code).toBe("HEARTBEAT_TIMEOUT");
    expect(d.error.message).toMatch(/3 heartbeats unconfirmed/);
    expect(await inFlight).toBe("CONNECTION_LOST");
    const reset = await resetP;
    expect(reset.cause?.code).toBe("HEARTBEAT_TIMEOUT");
    expect((await c.queryAgentState({ agentID: "1001" })).type).toBe("QUERY_AGENT_STATE_CONF");
    outcomes["half-open"] = {
      heartbeatIntervalMs: interval,
      detectedAfterMs,
      clock: "manual (client)",
      error: d.error.code,
      inFlightRequest: "CONNECTION_LOST",
      after: "reconnected, SESSION_RESET",
    };
  });

  it("heartbeats unanswered (stopHeartbeats): HEARTBEAT_TIMEOUT, reset, reconnect", async () => {
    const s = await sim({ idleTimeoutEnforced: false });
    const interval = 200;
    const clock = new ClientClock();
    const c = client({ sideA: `127.0.0.1:${s.portA}`, heartbeatIntervalMs: interval, clock });
    await c.connect();
    s.stopHeartbeats(true);
    // The 3 HEARTBEAT_REQs reach the simulator (it is alive, it just does not confirm them).
    const heartbeatsSeen = requestsSeen(s, "HEARTBEAT_REQ", 3);
    // The reconnect needs no heartbeat (OPEN_REQ is answered): it may well come before the
    // disconnect's continuation runs, so the reset is awaited from here.
    const resetP = c.next("session-reset");
    const { d, detectedAfterMs } = await heartbeatTimeout(c, clock, interval);
    await heartbeatsSeen;
    expect(d.error.code).toBe("HEARTBEAT_TIMEOUT");
    expect(d.reconnecting).toBe(true);
    s.stopHeartbeats(false);
    const reset = await resetP;
    expect(reset.cause?.code).toBe("HEARTBEAT_TIMEOUT");
    expect((await c.queryAgentState({ agentID: "1001" })).type).toBe("QUERY_AGENT_STATE_CONF");
    outcomes["heartbeats-unanswered"] = {
      heartbeatIntervalMs: interval,
      detectedAfterMs,
      clock: "manual (client)",
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
    const resetP = c.next("session-reset");
    const disconnectP = c.next("disconnect");
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
    const standby = c.next("standby");
    await c.connect();
    await standby;
    proxyA.hold = true; // side A's answers are held back: the requests stay in flight
    const arrived = requestsSeen(s, "QUERY_AGENT_STATE_REQ", 20);
    const requests = Array.from({ length: 20 }, (_, i) => settle(c.queryAgentState({ agentID: `100${(i % 4) + 1}` })));
    await arrived; // all 20 reached side A (and were answered into the proxy's hold)
    const switched = c.next("side-switch");
    const t0 = performance.now();
    s.switchActiveSide();
    const results = await Promise.all(requests);
    const settleMs = Math.round(performance.now() - t0); // a figure, not a pass condition
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
    const standby = c.next("standby");
    await c.connect();
    await standby;
    const requests = Array.from({ length: 50 }, (_, i) => settle(c.queryAgentState({ agentID: `100${(i % 4) + 1}` })));
    s.switchActiveSide({ closeOld: true });
    const results = await Promise.all(requests);
    const counts: Record<string, number> = {};
    for (const r of results) counts[r] = (counts[r] ?? 0) + 1;
    for (const k of Object.keys(counts))
      expect(["resolved", "SIDE_SWITCHED", "CONNECTION_LOST", "FAILURE_CONF"]).toContain(k);
    outcomes["side-switch-close-old"] = { requests: 50, outcomes: counts };
  });

  it("slow consumer: the iterator is not read; the client pauses the socket at the high-water mark, the simulator sees backpressure and drops the session; nothing is buffered without bound", async () => {
    const maxBufferedBytes = 256 * 1024;
    // The simulator's load runs on its ManualClock: each 100 ms step writes eventRate / 10 = 2,000
    // AGENT_STATE_EVENTs (~300 KiB). The test steps it until the simulator drops the session: the
    // load is bytes pushed at the client, not a rate that a loaded machine may not reach in time.
    const simClock = new SimulatorClock();
    const s = await sim({ callsPerSecond: 0, eventRate: 20_000, agents: 20, maxBufferedBytes, clock: simClock });
    let closedInfo: { status: number } | undefined;
    s.once("session-close", (info: { status: number }) => (closedInfo = info));
    const highWaterMark = 256;
    const c = client({ sideA: `127.0.0.1:${s.portA}`, highWaterMark, services: ["CTI_SERVICE_ALL_EVENTS"] });
    await c.connect();
    const it = c.events() as AsyncIterableIterator<ClientEvent> & { size: number };
    const heap0 = process.memoryUsage().heapUsed;
    // Nobody reads the iterator, so its size only grows: checked after every step, a client that
    // kept reading would fail here (bounded) rather than run into the test's timeout.
    const bound = highWaterMark + 1000; // at most one socket chunk (≤ 64 KiB, ~150-byte events) beyond the mark
    const maxEvents = 2_000_000; // ~300 MB pushed without a drop: far beyond any socket buffering
    let pausedSeen = false;
    let maxHeapDelta = 0;
    let steps = 0;
    while (closedInfo === undefined && it.size <= bound && s.stats.eventsSent < maxEvents) {
      simClock.advance(100);
      steps++;
      await turn(); // the client reads (until it pauses), the kernel's socket buffers fill
      pausedSeen ||= c.paused;
      maxHeapDelta = Math.max(maxHeapDelta, process.memoryUsage().heapUsed - heap0);
    }
    const maxSize = it.size;
    const eventsSent = s.stats.eventsSent;
    expect(maxSize).toBeLessThanOrEqual(bound);
    expect(pausedSeen).toBe(true);
    expect(closedInfo?.status).toBe(StatusCode.E_CTI_CLIENT_DISCONNECTED);
    // Now the consumer catches up: the client resumes, sees the drop, reconnects, SESSION_RESET.
    let reset: ClientEvent | undefined;
    let read = 0;
    for await (const e of it) {
      read++;
      if (e.type === "SESSION_RESET") {
        reset = e;
        break;
      }
    }
    expect(reset?.type).toBe("SESSION_RESET");
    expect(read).toBeGreaterThanOrEqual(maxSize);
    outcomes["slow-consumer"] = {
      highWaterMark,
      maxIteratorBuffer: maxSize,
      clientPaused: pausedSeen,
      simulatorMaxBufferedBytes: maxBufferedBytes,
      simulator: "dropped the session (E_CTI_CLIENT_DISCONNECTED) when its unsent output passed maxBufferedBytes",
      eventsUntilDrop: eventsSent,
      simulatedLoadMs: steps * 100,
      clientHeapDeltaMaxMiB: +(maxHeapDelta / 1048576).toFixed(1),
      afterCatchingUp: `read ${read} buffered events, then SESSION_RESET (${(reset as { cause?: CtiClientError })?.cause?.code})`,
    };
  });
});
