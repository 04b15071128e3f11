// Integration: @ctiwire/client against the simulator over loopback, every protocol version.

import { type ClientEvent, CtiClient, type CtiClientOptions, isCtiClientError, ManualClock } from "@ctiwire/client";
import { CTIServiceMask, StatusCode } from "ctiwire";
import { afterEach, describe, expect, it } from "vitest";
import { until } from "../../../test-support/until.js";
import { type Simulator, startSimulator } from "../src/index.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f().catch(() => {});
});

/** Resolves when the simulator has received a request of this type (from now on). */
function received(s: Simulator, type: string): Promise<void> {
  return new Promise((resolve) => {
    const on = (r: { message: { type: string } }) => {
      if (r.message.type !== type) return;
      s.off("request", on);
      resolve();
    };
    s.on("request", on);
  });
}

async function sim(o: Parameters<typeof startSimulator>[0] = {}): Promise<Simulator> {
  const s = await startSimulator({ agents: 4, callsPerSecond: 4, seed: 7, ...o });
  cleanup.push(() => s.close());
  return s;
}

function client(o: Partial<CtiClientOptions> & Pick<CtiClientOptions, "sideA">): CtiClient {
  const c = new CtiClient({
    clientID: "it",
    peripheralID: 5000,
    heartbeatIntervalMs: 0,
    services: ["CTI_SERVICE_ALL_EVENTS", "CTI_SERVICE_CLIENT_CONTROL", "CTI_SERVICE_CALL_DATA_UPDATE"],
    ...o,
  });
  cleanup.push(() => c.close());
  return c;
}

describe("client × simulator, protocol versions 17..25", () => {
  for (let version = 17; version <= 25; version++) {
    it(`v${version} (${version <= 19 ? "1-byte" : "2-byte"} floating headers): open, events, requests, close`, async () => {
      const s = await sim();
      const c = client({ sideA: `127.0.0.1:${s.portA}`, version });
      const info = await c.connect();
      expect(info.servicesGranted & CTIServiceMask.CTI_SERVICE_ALL_EVENTS).toBeTruthy();
      const events: ClientEvent[] = [];
      const it = (async () => {
        for await (const e of c) events.push(e);
      })();
      await until(() => events.some((e) => e.type === "AGENT_STATE_EVENT"));
      const q = await c.queryAgentState({ agentID: "1001" });
      expect(q.type).toBe("QUERY_AGENT_STATE_CONF");
      const bad = await c.queryAgentState({ agentID: "nobody" }).catch((e) => e);
      expect(isCtiClientError(bad, "FAILURE_CONF")).toBe(true);
      expect(bad.statusName).toBe("E_CTI_INVALID_AGENT_DATA");
      const closed = new Promise<{ status: number }>((r) => s.once("session-close", r));
      await c.close();
      expect((await closed).status).toBe(StatusCode.E_CTI_NO_ERROR);
      await it;
      expect(s.stats.sessions).toBe(0);
    });
  }
});

describe("client × simulator: failures", () => {
  it("heartbeat timeout (fake clock): three unconfirmed, reset, reconnect, SESSION_RESET", async () => {
    const s = await sim({ idleTimeoutEnforced: false });
    const clock = new ManualClock();
    const c = client({ sideA: `127.0.0.1:${s.portA}`, version: 22, heartbeatIntervalMs: 5000, clock });
    await c.connect();
    s.stopHeartbeats(true);
    const reset = c.next("session-reset");
    // three intervals, three unconfirmed heartbeats: still open; the fourth finds them unconfirmed
    for (let i = 0; i < 3; i++) await clock.advance(5000);
    expect(c.state).toBe("open");
    await clock.advance(5000);
    s.stopHeartbeats(false);
    const r = await reset;
    expect(r.cause?.code).toBe("HEARTBEAT_TIMEOUT");
    expect(c.state).toBe("open");
  });

  it("request timeout, and requests outstanding when the connection drops reject (none hang)", async () => {
    const s = await sim();
    const c = client({ sideA: `127.0.0.1:${s.portA}`, version: 25, reconnect: false });
    await c.connect();
    s.stopHeartbeats(true);
    const t = await c.heartbeat({ timeoutMs: 100 }).catch((e) => e);
    expect(isCtiClientError(t, "TIMEOUT")).toBe(true);
    const arrived = received(s, "HEARTBEAT_REQ");
    const p = c.heartbeat({ timeoutMs: 60_000 }).catch((e) => e);
    await arrived; // outstanding at the simulator, which does not answer it
    s.dropConnections("A", { midFrame: true });
    expect((await p).code).toBe("CONNECTION_LOST");
    await until(() => c.state === "closed");
  });

  it("failover A → B and back, with the Chapter 2 attempts and waits (fake clock)", async () => {
    const s = await sim({ portB: 0 });
    const clock = new ManualClock();
    const c = client({
      sideA: `127.0.0.1:${s.portA}`,
      sideB: `127.0.0.1:${s.portB}`,
      version: 23, // below v24: the standby side refuses the session, the client goes on to the other
      clock,
      random: () => 0,
    });
    const log: string[] = [];
    c.on("attempt", (e) => log.push(`${e.side}@${e.at}`));
    c.on("attempt-failed", (e) => log.push(`${e.side} refused ${e.error.statusName ?? e.error.code}`));
    c.on("waiting", (e) => log.push(`wait ${e.ms}`));
    await c.connect();
    expect(c.side).toBe("A");
    let reset = c.next("session-reset");
    s.switchActiveSide(); // A's sessions close; B is active
    expect(await reset).toMatchObject({ side: "B", previousSide: "A", reason: "reconnect" });
    reset = c.next("session-reset");
    s.switchActiveSide(); // and back
    expect(await reset).toMatchObject({ side: "A", previousSide: "B" });
    expect(log).toEqual([
      "A@0",
      "A@0",
      "A refused E_CTI_CTI_SERVER_OFFLINE",
      "B@0",
      "B@0",
      "B refused E_CTI_CTI_SERVER_OFFLINE",
      "A@0",
    ]);
    // both sides down: A, B, wait 0 (random 0), A, B, wait 15 s, A, B, wait 30 s ...
    log.length = 0;
    const portA = s.portA;
    const portB = s.portB as number;
    await s.close();
    await until(() => log.includes("wait 0"));
    await clock.advance(0);
    await until(() => log.includes("wait 15000"));
    await clock.advance(15_000);
    await until(() => log.includes("wait 30000"));
    const s2 = await sim({ port: portA, portB });
    reset = c.next("session-reset");
    await clock.advance(30_000);
    expect((await reset).side).toBe("A");
    expect(log.filter((l) => !l.includes("refused"))).toEqual([
      "A@0",
      "B@0",
      "wait 0",
      "A@0",
      "B@0",
      "wait 15000",
      "A@15000",
      "B@15000",
      "wait 30000",
      "A@45000",
    ]);
    expect(s2.stats.sessions).toBe(1);
  });

  it("v24+ active/standby: standby session on B, STANDBY_ACTIVE_EVENT, pending requests reject SIDE_SWITCHED, and back", async () => {
    const s = await sim({ portB: 0 });
    const c = client({ sideA: `127.0.0.1:${s.portA}`, sideB: `127.0.0.1:${s.portB}`, version: 24 });
    const standby = c.next("standby");
    await c.connect();
    expect((await standby).side).toBe("B");
    s.stopHeartbeats(true);
    const arrived = received(s, "HEARTBEAT_REQ");
    const pending = c.heartbeat({ timeoutMs: 600_000 }).catch((e) => e);
    await arrived; // outstanding at side A, which does not answer it
    const switched = c.next("side-switch");
    const reset = c.next("session-reset");
    s.switchActiveSide();
    expect(await switched).toEqual({ from: "A", to: "B" });
    expect((await reset).reason).toBe("side-switch");
    expect((await pending).code).toBe("SIDE_SWITCHED");
    s.stopHeartbeats(false);
    expect(c.hasStandby).toBe(true); // the old active side stays as standby
    const q = await c.queryAgentState({ agentID: "1002" });
    expect(q.type).toBe("QUERY_AGENT_STATE_CONF");
    const back = c.next("side-switch");
    s.switchActiveSide();
    expect(await back).toEqual({ from: "B", to: "A" });
    expect(c.side).toBe("A");
  });
});

describe("client × simulator over TLS", () => {
  it("opens a session over TLS (self-signed test certificate as the CA)", async () => {
    const { readFileSync } = await import("node:fs");
    const key = readFileSync(new URL("../../../test-support/tls/tls-key.pem", import.meta.url));
    const cert = readFileSync(new URL("../../../test-support/tls/tls-cert.pem", import.meta.url));
    const s = await sim({ tls: { key, cert } });
    const c = client({ sideA: `127.0.0.1:${s.portA}`, version: 25, tls: { ca: cert } });
    const info = await c.connect();
    expect(info.side).toBe("A");
    expect((await c.queryAgentState({ agentID: "1001" })).type).toBe("QUERY_AGENT_STATE_CONF");
    await c.close();
    // and a client that does not trust the certificate does not get a session
    const untrusting = client({ sideA: `127.0.0.1:${s.portA}`, version: 25, tls: true, reconnect: { maxAttempts: 1 } });
    const err = await untrusting.connect().catch((e) => e);
    expect(isCtiClientError(err, "CONNECT_FAILED")).toBe(true);
  });
});
