import type { CtiMessage } from "ctiwire";
import { messageSpec, StatusCode } from "ctiwire";
import { afterEach, describe, expect, test } from "vitest";
import { ManualClock, type Simulator, type SimulatorOptions, startSimulator } from "../src/index.js";
import { TestClient } from "./helpers.js";

const sims: Simulator[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of sims.splice(0)) await s.close();
});

async function sim(o: SimulatorOptions = {}): Promise<Simulator> {
  const s = await startSimulator({ callsPerSecond: 0, ...o });
  sims.push(s);
  return s;
}
async function client(port: number, version: 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 = 25): Promise<TestClient> {
  const c = await TestClient.connect(port, version);
  clients.push(c);
  return c;
}
const status = (m: CtiMessage) => (m as { status?: number }).status;
const AGENT = { agentInstrument: "2001" };

describe("OPEN_REQ validation", () => {
  const cases: [string, number, Record<string, unknown>, number][] = [
    ["version 16", 16 as never, {}, StatusCode.E_CTI_INVALID_VERSION],
    ["version 26", 26 as never, {}, StatusCode.E_CTI_INVALID_VERSION],
    ["IdleTimeout below 20 s", 25, { idleTimeout: 19 }, StatusCode.E_CTI_INVALID_TIMEOUT],
    ["unused service bit", 25, { servicesRequested: 0x4000 }, StatusCode.E_CTI_INVALID_SERVICE_MASK],
    ["ACTIVE_STANDBY below v24", 23, { servicesRequested: 0x02000010 }, StatusCode.E_CTI_INVALID_SERVICE_MASK],
    ["unused agent state bit", 25, { agentStateMask: 0x4000 }, StatusCode.E_CTI_INVALID_AGENT_STATE_MASK],
    ["config mask", 25, { configMsgMask: 0x40 }, StatusCode.E_INVALID_CONFIG_MSG_MASK],
    ["reserved field", 25, { reserved2: 1 }, StatusCode.E_CTI_INVALID_RESERVED_FIELD],
    [
      "client events without agent",
      25,
      { servicesRequested: 1, peripheralID: 5000 },
      StatusCode.E_CTI_REQUIRED_DATA_MISSING,
    ],
    [
      "client events without peripheral",
      25,
      { servicesRequested: 1, ...AGENT },
      StatusCode.E_CTI_INVALID_PERIPHERAL_ID,
    ],
    ["wrong peripheral", 25, { peripheralID: 1 }, StatusCode.E_CTI_INVALID_PERIPHERAL_ID],
    [
      "supervisor service without client events",
      25,
      { servicesRequested: 0x80 | 0x10 },
      StatusCode.E_CTI_FUNCTION_NOT_AVAILABLE,
    ],
    [
      "supervisor service for an agent who supervises no team",
      25,
      { servicesRequested: 0x80 | 0x1, peripheralID: 5000, agentID: "1002" },
      StatusCode.E_CTI_FUNCTION_NOT_AVAILABLE,
    ],
    [
      "unknown agent",
      25,
      { servicesRequested: 1, peripheralID: 5000, agentID: "9999" },
      StatusCode.E_CTI_INVALID_AGENT_DATA,
    ],
    [
      "inconsistent agent",
      25,
      { servicesRequested: 1, peripheralID: 5000, agentID: "1001", agentExtension: "2002" },
      StatusCode.E_CTI_INCONSISTENT_AGENT_DATA,
    ],
  ];
  for (const [name, version, fields, code] of cases) {
    test(`${name} → ${StatusCode[code]}`, async () => {
      const s = await sim();
      const c = await client(s.portA, version >= 17 && version <= 25 ? (version as 25) : 25);
      const m = await c.open({ versionNumber: version, ...fields });
      expect(m.type).toBe("FAILURE_CONF");
      expect(status(m)).toBe(code);
      await c.waitClosed();
    });
  }

  test("credentials → E_CTI_INVALID_PASSWORD", async () => {
    const s = await sim({ credentials: { clientID: "u", password: "p" } });
    const bad = await client(s.portA);
    expect(status(await bad.open({ clientID: "u", clientPassword: new TextEncoder().encode("x") }))).toBe(
      StatusCode.E_CTI_INVALID_PASSWORD,
    );
    const good = await client(s.portA);
    expect((await good.open({ clientID: "u", clientPassword: new TextEncoder().encode("p") })).type).toBe("OPEN_CONF");
  });

  test("a message before OPEN_REQ → E_CTI_SESSION_NOT_OPEN; OPEN twice → E_CTI_SESSION_ALREADY_OPEN", async () => {
    const s = await sim();
    const c = await client(s.portA);
    c.send({ type: "HEARTBEAT_REQ", invokeID: 9 });
    const f = await c.next("FAILURE_CONF");
    expect([f.invokeID, f.status]).toEqual([9, StatusCode.E_CTI_SESSION_NOT_OPEN]);
    expect((await c.open()).type).toBe("OPEN_CONF");
    const m = await c.open();
    expect(status(m)).toBe(StatusCode.E_CTI_SESSION_ALREADY_OPEN);
  });

  test("OPEN_CONF grants only supported services, per-version layout", async () => {
    const s = await sim({ agents: 2 });
    const c = await client(s.portA, 25);
    // 0x200 is CONFIG_MSG_AGENT_SERVICE_MASK, a ConfigMsgMask bit listed among the services
    const conf = (await c.open({ servicesRequested: 0x10 | 0x40 | 0x100 | 0x200 | 0x00200000 })) as CtiMessage &
      Record<string, unknown>;
    expect(conf.type).toBe("OPEN_CONF");
    expect(conf.servicesGranted).toBe(0x10 | 0x40 | 0x100 | 0x00200000);
    expect(conf.sessionType).toBe(1);
    expect(conf.peripherals).toEqual([{ fltPeripheralID: 5000, multilineAgentControl: 0 }]);
    const old = await client(s.portA, 20);
    const conf20 = (await old.open()) as CtiMessage & Record<string, unknown>;
    expect(conf20.type).toBe("OPEN_CONF");
    expect("sessionType" in conf20).toBe(false); // SessionType came in v24
  });

  test("client events session: agent data in OPEN_CONF; same device from another client → E_CTI_DEVICE_IN_USE", async () => {
    const clock = new ManualClock();
    const s = await sim({ clock, agents: 2 });
    clock.advance(10); // agent 1001 logs in
    const a = await client(s.portA);
    const conf = (await a.open({ servicesRequested: 1, peripheralID: 5000, agentID: "1001" })) as CtiMessage &
      Record<string, unknown>;
    expect(conf.type).toBe("OPEN_CONF");
    expect([conf.agentID, conf.agentExtension, conf.agentState]).toEqual(["1001", "2001", 2]);
    const b = await client(s.portA);
    expect(status(await b.open({ clientID: "other", servicesRequested: 1, peripheralID: 5000, ...AGENT }))).toBe(
      StatusCode.E_CTI_DEVICE_IN_USE,
    );
  });
});

describe("session maintenance", () => {
  test("a MessageLength above the session's limit: FAILURE_CONF E_CTI_INVALID_MESSAGE_LENGTH, connection closed", async () => {
    const s = await sim();
    const c = await client(s.portA, 17);
    await c.open();
    c.sendRaw(new Uint8Array([0, 0, 0x13, 0x88, 0, 0, 0, 5])); // 5000 + 8 bytes: fine at v25, above v17's 4329
    await c.waitClosed();
    const f = c.messages.find((m) => m.type === "FAILURE_CONF") as { status: number } | undefined;
    expect(f?.status).toBe(StatusCode.E_CTI_INVALID_MESSAGE_LENGTH);
  });

  test("HEARTBEAT_REQ → HEARTBEAT_CONF with the same InvokeID; stopHeartbeats", async () => {
    const s = await sim();
    const c = await client(s.portA);
    await c.open();
    c.send({ type: "HEARTBEAT_REQ", invokeID: 4242 });
    expect((await c.next("HEARTBEAT_CONF")).invokeID).toBe(4242);
    s.stopHeartbeats(true);
    const n = c.messages.length;
    c.send({ type: "HEARTBEAT_REQ", invokeID: 4243 });
    await c.barrier("QUERY_AGENT_STATE_REQ"); // answered, so 4243 was handled before it
    expect(c.messages.slice(n).some((m) => m.type === "HEARTBEAT_CONF")).toBe(false);
    s.stopHeartbeats(false);
    c.send({ type: "HEARTBEAT_REQ", invokeID: 4244 });
    expect((await c.next("HEARTBEAT_CONF", n)).invokeID).toBe(4244);
  });

  test("IdleTimeout enforced with a fake clock; any message restarts it", async () => {
    const clock = new ManualClock();
    const s = await sim({ clock });
    const closes: unknown[] = [];
    s.on("session-close", (i) => closes.push(i));
    const c = await client(s.portA);
    await c.open({ idleTimeout: 20 });
    clock.advance(15000);
    c.send({ type: "HEARTBEAT_REQ", invokeID: 1 });
    await c.next("HEARTBEAT_CONF");
    clock.advance(15000); // 30 s since open, 15 s since the heartbeat
    expect(s.stats.sessions).toBe(1); // advance() runs due timers at once: a timeout would have ended it
    clock.advance(5001);
    await c.waitClosed();
    expect(closes).toMatchObject([{ status: StatusCode.E_CTI_TIMEOUT }]);
  });

  test("idleTimeoutEnforced: false keeps idle sessions", async () => {
    const clock = new ManualClock();
    const s = await sim({ clock, idleTimeoutEnforced: false });
    const c = await client(s.portA);
    await c.open({ idleTimeout: 20 });
    clock.advance(60000);
    expect(s.stats.sessions).toBe(1); // advance() runs due timers at once: a timeout would have ended it
    await c.barrier();
    expect(c.closed).toBe(false);
  });

  test("CLOSE_REQ → CLOSE_CONF, then the connection closes", async () => {
    const s = await sim();
    const c = await client(s.portA);
    await c.open();
    expect(s.stats.sessions).toBe(1);
    c.send({ type: "CLOSE_REQ", invokeID: 77, status: 0 });
    expect((await c.next("CLOSE_CONF")).invokeID).toBe(77);
    await c.waitClosed();
    expect(s.stats.sessions).toBe(0);
  });
});

describe("client monitor", () => {
  test("OPENED for existing and new sessions, CLOSED on close", async () => {
    const s = await sim();
    const first = await client(s.portA);
    await first.open({ clientID: "first" });
    const mon = await client(s.portA, 19);
    await mon.open({ clientID: "mon", servicesRequested: 0x40 });
    const o1 = await mon.next("CLIENT_SESSION_OPENED_EVENT");
    expect([o1.clientID, o1.clientAddress, o1.servicesGranted]).toEqual(["first", "127.0.0.1", 0x10]);
    const n = mon.messages.length;
    const second = await client(s.portA, 17);
    await second.open({ clientID: "second", clientSignature: "sig2" });
    const o2 = await mon.next("CLIENT_SESSION_OPENED_EVENT", n);
    expect([o2.clientID, o2.clientSignature]).toEqual(["second", "sig2"]);
    second.send({ type: "CLOSE_REQ", invokeID: 1, status: 0 });
    const c2 = await mon.next("CLIENT_SESSION_CLOSED_EVENT");
    expect([c2.clientID, c2.status, c2.sessionID]).toEqual(["second", StatusCode.E_CTI_NO_ERROR, o2.sessionID]);
    first.close();
    await mon.until(() => mon.messages.filter((m) => m.type === "CLIENT_SESSION_CLOSED_EVENT").length === 2);
    const c1 = mon.messages.filter((m) => m.type === "CLIENT_SESSION_CLOSED_EVENT")[1] as CtiMessage & {
      status: number;
    };
    expect(c1.status).toBe(StatusCode.E_CTI_CLIENT_DISCONNECTED);
  });
});

/** Message types after OPEN_CONF, AGENT_STATE_EVENTs shown with their state. */
function flow(c: TestClient): string[] {
  return c.messages
    .filter((m) => m.type !== "OPEN_CONF" && m.type !== "SYSTEM_EVENT" && m.type !== "HEARTBEAT_CONF")
    .map((m) => (m.type === "AGENT_STATE_EVENT" ? `AGENT_STATE_EVENT(${m.agentState})` : m.type));
}

describe("scripted contact center", () => {
  const opts = (clock: ManualClock): SimulatorOptions => ({
    clock,
    seed: 42,
    agents: 1,
    callsPerSecond: 0.05,
    holdChance: 1,
    notReadyChance: 0,
  });

  test("call flow with a fixed seed: exact sequence", async () => {
    const clock = new ManualClock();
    const s = await sim(opts(clock));
    const c = await client(s.portA);
    await c.open();
    for (let i = 0; i < 120; i++) clock.advance(1000);
    await c.until(() => c.messages.filter((m) => m.type === "END_CALL_EVENT").length >= 1);
    const seq = flow(c);
    const firstEnd = seq.indexOf("END_CALL_EVENT");
    expect(seq.slice(0, firstEnd + 2)).toEqual([
      "AGENT_STATE_EVENT(0)",
      "AGENT_STATE_EVENT(2)",
      "AGENT_STATE_EVENT(3)",
      "BEGIN_CALL_EVENT",
      "AGENT_STATE_EVENT(8)",
      "CALL_DELIVERED_EVENT",
      "CALL_ESTABLISHED_EVENT",
      "AGENT_STATE_EVENT(4)",
      "CALL_HELD_EVENT",
      "AGENT_STATE_EVENT(10)",
      "CALL_RETRIEVED_EVENT",
      "AGENT_STATE_EVENT(4)",
      // the next call arrives while the only agent talks: announced and queued
      "BEGIN_CALL_EVENT",
      "CALL_QUEUED_EVENT",
      "CALL_CONNECTION_CLEARED_EVENT",
      "CALL_CLEARED_EVENT",
      "AGENT_STATE_EVENT(5)",
      "END_CALL_EVENT",
      "AGENT_STATE_EVENT(3)",
    ]);
    const begin = c.messages.find((m) => m.type === "BEGIN_CALL_EVENT");
    if (begin?.type !== "BEGIN_CALL_EVENT") throw new Error("no BEGIN_CALL_EVENT");
    expect(begin.callVariable1).toMatch(/^\d{8}$/);
    expect(begin.namedVariables.map((v) => v.name)).toEqual([
      "user.customer.id",
      "user.customer.tier",
      "user.ivr.intent",
    ]);
    // up to the first END_CALL: the first call's events, and the queued call's announcement only
    const others = c.messages
      .slice(0, c.messages.findIndex((m) => m.type === "END_CALL_EVENT") + 1)
      .filter((m) => "connectionCallID" in m && m.connectionCallID !== begin.connectionCallID)
      .map((m) => m.type);
    expect(others).toEqual(["BEGIN_CALL_EVENT", "CALL_QUEUED_EVENT"]);
  });

  test("same seed, same clock → byte-identical output (v17 and v25)", async () => {
    const run = async (version: 17 | 25) => {
      const clock = new ManualClock();
      const s = await sim({ clock, seed: 99, agents: 5, callsPerSecond: 0.5 });
      const c = await client(s.portA, version);
      await c.open();
      for (let i = 0; i < 200; i++) clock.advance(500);
      await c.barrier(); // every event the 200 steps made is in c.raw now
      expect(c.messages.length).toBeGreaterThan(100);
      const raw = c.raw;
      await s.close();
      return raw;
    };
    const a = await run(25);
    const b = await run(25);
    expect(a.length).toBeGreaterThan(5000);
    expect(Buffer.compare(a, b)).toBe(0);
    const c = await run(17);
    const d = await run(17);
    expect(Buffer.compare(c, d)).toBe(0);
    expect(Buffer.compare(a, c)).not.toBe(0);
  });

  test("masks: CallMsgMask and AgentStateMask filter ALL_EVENTS", async () => {
    const clock = new ManualClock();
    const s = await sim(opts(clock));
    const c = await client(s.portA);
    await c.open({ callMsgMask: 0x2000 | 0x4000, agentStateMask: 0x8 });
    for (let i = 0; i < 120; i++) clock.advance(1000);
    await c.until(() => c.messages.some((m) => m.type === "END_CALL_EVENT"));
    const seq = flow(c);
    // the second BEGIN_CALL: the next call, queued while the agent talks (its CALL_QUEUED_EVENT masked)
    expect(seq.slice(0, 4)).toEqual(["AGENT_STATE_EVENT(3)", "BEGIN_CALL_EVENT", "BEGIN_CALL_EVENT", "END_CALL_EVENT"]);
  });

  test("pause/resume stops and restarts the script", async () => {
    const clock = new ManualClock();
    const s = await sim({ ...opts(clock), paused: true });
    const c = await client(s.portA);
    await c.open();
    clock.advance(60000);
    await c.barrier();
    expect(flow(c)).toEqual([]);
    s.resume();
    clock.advance(60000);
    await c.until(() => flow(c).length > 3);
  });

  test("eventRate pushes extra AGENT_STATE_EVENTs", async () => {
    const clock = new ManualClock();
    const s = await sim({ clock, agents: 2, eventRate: 100 });
    const c = await client(s.portA);
    await c.open();
    clock.advance(1000);
    await c.until(() => c.messages.filter((m) => m.type === "AGENT_STATE_EVENT").length >= 100);
  });

  test("eventRate: each load event carries its sequence number (CTIClientSignature load:<n>)", async () => {
    const clock = new ManualClock();
    const s = await sim({ clock, agents: 2, eventRate: 50, callsPerSecond: 0 });
    const c = await client(s.portA);
    await c.open();
    clock.advance(1000);
    const load = () =>
      c.messages
        .map((m) => (m as { ctiClientSignature?: string }).ctiClientSignature ?? "")
        .filter((x) => x.startsWith("load:"));
    await c.until(() => load().length >= 50);
    expect(s.contactCenter.loadSequence).toBe(50);
    expect(load()).toEqual(Array.from({ length: 50 }, (_, i) => `load:${i + 1}`));
  });
});

describe("the queue: CALL_QUEUED_EVENT / CALL_DEQUEUED_EVENT", () => {
  // One agent, long talks, a call every 1-3 s: calls wait in the queue.
  const opts = (clock: ManualClock, o: SimulatorOptions = {}): SimulatorOptions => ({
    clock,
    seed: 7,
    agents: 1,
    callsPerSecond: 0.5,
    holdChance: 0,
    transferChance: 0,
    notReadyChance: 0,
    timing: { talk: [20000, 20000] },
    ...o,
  });
  type Q = Extract<CtiMessage, { type: "CALL_QUEUED_EVENT" | "CALL_DEQUEUED_EVENT" }>;
  const idOf = (m: CtiMessage) => (m as { connectionCallID?: number }).connectionCallID;
  const queueEvents = (c: TestClient) =>
    c.messages.filter((m): m is Q => m.type === "CALL_QUEUED_EVENT" || m.type === "CALL_DEQUEUED_EVENT");

  test("queued to the call's skill group after BEGIN_CALL; NumQueued per service; dequeued before delivery (v17, v25)", async () => {
    const clock = new ManualClock();
    const s = await sim(opts(clock));
    const skillOf = new Map<number, number>(); // call → skill group number, taken while the call exists
    const all25 = await client(s.portA, 25);
    const all17 = await client(s.portA, 17);
    await all25.open();
    await all17.open();
    clock.advance(10); // agent 1001 logs in
    const agent = await client(s.portA);
    await agent.open({ servicesRequested: 1, peripheralID: 5000, agentID: "1001" });
    for (let i = 0; i < 90; i++) {
      clock.advance(1000);
      for (const id of s.contactCenter.queue) skillOf.set(id, s.contactCenter.calls.get(id)?.skill?.number ?? -1);
    }
    await all25.barrier();
    await all17.barrier();
    await agent.barrier();

    for (const c of [all25, all17]) {
      const q = queueEvents(c);
      const queued = q.filter((m) => m.type === "CALL_QUEUED_EVENT");
      const dequeued = q.filter((m) => m.type === "CALL_DEQUEUED_EVENT");
      expect(queued.length).toBeGreaterThan(3);
      expect(dequeued.length).toBeGreaterThan(0);
      // NumQueued: the calls waiting for the service, the new one included / after the removal
      const waiting = new Map<number, Set<number>>();
      let deepest = 0;
      for (const m of q) {
        const set = waiting.get(m.serviceID) ?? new Set<number>();
        waiting.set(m.serviceID, set);
        if (m.type === "CALL_QUEUED_EVENT") set.add(m.connectionCallID);
        else expect(set.delete(m.connectionCallID)).toBe(true);
        expect(m.numQueued).toBe(set.size);
        deepest = Math.max(deepest, m.numQueued);
        const sg = skillOf.get(m.connectionCallID) as number;
        expect(sg).toBeGreaterThanOrEqual(100);
        // the simulator's skill group n has SkillGroupID 5001 + (n - 100), service 10 + (n - 100)
        expect(m.numSkillGroups).toBe(1);
        expect(m.skillGroups).toEqual([{ skillGroupNumber: sg, skillGroupID: 5001 + sg - 100, skillGroupPriority: 0 }]);
        expect([m.serviceNumber, m.serviceID]).toEqual([10 + sg - 100, 6001 + sg - 100]);
        expect(m.queueDeviceType).toBe(0xffff); // DEVID_NONE, no QueueDeviceID (Chapter 7)
        expect(m.peripheralID).toBe(5000);
        expect(m.localConnectionState).toBe(m.type === "CALL_QUEUED_EVENT" ? 5 : 3); // LCS_QUEUED; LCS_CONNECT
      }
      expect(deepest).toBeGreaterThan(1);
      expect(s.contactCenter.queue.length).toBe([...waiting.values()].reduce((n, w) => n + w.size, 0));
      for (const m of queued) {
        const mine = c.messages.filter((x) => idOf(x) === m.connectionCallID).map((x) => x.type);
        // announced once, before anything else of the call; dequeued before it is delivered
        expect(mine.slice(0, 2)).toEqual(["BEGIN_CALL_EVENT", "CALL_QUEUED_EVENT"]);
        expect(mine.filter((t) => t === "BEGIN_CALL_EVENT")).toHaveLength(1);
        const delivered = mine.indexOf("CALL_DELIVERED_EVENT");
        if (delivered >= 0)
          expect(mine.slice(2, delivered + 1)).toEqual(["CALL_DEQUEUED_EVENT", "CALL_DELIVERED_EVENT"]);
        else expect(mine).not.toContain("CALL_DEQUEUED_EVENT");
      }
    }
    expect(queueEvents(all17).map((m) => [m.type, m.connectionCallID, m.numQueued])).toEqual(
      queueEvents(all25).map((m) => [m.type, m.connectionCallID, m.numQueued]),
    );

    // The agent's own session: no queue events (they concern no agent device), and a BEGIN_CALL
    // before the delivery of each call that had waited.
    expect(queueEvents(agent)).toEqual([]);
    const waited = queueEvents(all25).filter((m) => m.type === "CALL_DEQUEUED_EVENT");
    for (const d of waited) {
      const mine = agent.messages.filter((x) => idOf(x) === d.connectionCallID).map((x) => x.type);
      expect(mine.slice(0, 2)).toEqual(["BEGIN_CALL_EVENT", "CALL_DELIVERED_EVENT"]);
    }
  });

  test("CallMsgMask: CALL_QUEUED_MASK 0x2 and CALL_DEQUEUED_MASK 0x40000", async () => {
    const clock = new ManualClock();
    const s = await sim(opts(clock));
    const every = await client(s.portA);
    const without = await client(s.portA);
    const only = await client(s.portA);
    await every.open({ callMsgMask: 0xffffffff });
    await without.open({ callMsgMask: (0xffffffff & ~(0x2 | 0x40000)) >>> 0 });
    await only.open({ callMsgMask: 0x2 | 0x40000 });
    for (let i = 0; i < 90; i++) clock.advance(1000);
    for (const c of [every, without, only]) await c.barrier();
    const types = (c: TestClient) => queueEvents(c).map((m) => [m.type, m.connectionCallID]);
    expect(new Set(types(every).map(([t]) => t))).toEqual(new Set(["CALL_QUEUED_EVENT", "CALL_DEQUEUED_EVENT"]));
    expect(types(without)).toEqual([]);
    expect(without.messages.some((m) => m.type === "BEGIN_CALL_EVENT")).toBe(true);
    expect(types(only)).toEqual(types(every));
    const calls = flow(only).filter((t) => !t.startsWith("AGENT_STATE_EVENT"));
    expect(new Set(calls)).toEqual(new Set(["CALL_QUEUED_EVENT", "CALL_DEQUEUED_EVENT"]));
  });

  test("a caller abandoned past maxQueue: DEQUEUED (LCS_NULL, CEC_CALL_CANCELLED), then the call clears and ends", async () => {
    const clock = new ManualClock();
    const s = await sim(opts(clock, { maxQueue: 1 }));
    const c = await client(s.portA);
    await c.open();
    for (let i = 0; i < 40; i++) clock.advance(1000);
    await c.barrier();
    const gone = queueEvents(c).filter((m) => m.type === "CALL_DEQUEUED_EVENT" && m.eventCause === 5);
    expect(gone.length).toBeGreaterThan(0);
    for (const d of gone) {
      expect([d.localConnectionState, d.numQueued]).toEqual([0, 0]);
      const mine = c.messages.filter((x) => idOf(x) === d.connectionCallID).map((x) => x.type);
      expect(mine).toEqual([
        "BEGIN_CALL_EVENT",
        "CALL_QUEUED_EVENT",
        "CALL_DEQUEUED_EVENT",
        "CALL_CONNECTION_CLEARED_EVENT",
        "CALL_CLEARED_EVENT",
        "END_CALL_EVENT",
      ]);
      expect(s.contactCenter.calls.has(d.connectionCallID)).toBe(false);
    }
    // never more than maxQueue waiting
    expect(queueEvents(c).every((m) => m.numQueued <= 1)).toBe(true);
  });
});

describe("agent control", () => {
  async function setup() {
    const clock = new ManualClock();
    const s = await sim({ clock, agents: 3, seed: 5 });
    const c = await client(s.portA);
    const conf = await c.open({
      servicesRequested: 0x1 | 0x2 | 0x4,
      peripheralID: 5000,
      ...AGENT,
      idleTimeout: 0xffffffff,
    });
    expect(conf.type).toBe("OPEN_CONF");
    let n = 0;
    const req = async (m: Record<string, unknown>, expectType: string) => {
      const invokeID = c.nextInvokeID();
      const from = c.messages.length;
      c.send({ peripheralID: 5000, invokeID, ...m } as never);
      await c.until(() => c.messages.slice(from).some((x) => "invokeID" in x && x.invokeID === invokeID));
      const r = c.messages.slice(from).find((x) => "invokeID" in x && x.invokeID === invokeID) as CtiMessage &
        Record<string, unknown>;
      expect(r.type, JSON.stringify(r)).toBe(expectType);
      n++;
      return r;
    };
    return { clock, s, c, req, n };
  }
  const setState = (agentState: number) => ({
    type: "SET_AGENT_STATE_REQ",
    agentState,
    agentWorkMode: 0,
    eventReasonCode: 0,
    forcedFlag: 0,
    agentServiceReq: 0,
    agentInstrument: "2001",
    agentID: "1001",
    skillGroupNumber: [],
    skillGroups: [],
  });

  test("login, state changes, invalid transitions, query", async () => {
    const { clock, c, req } = await setup();
    clock.advance(10000); // the script leaves a client-controlled agent alone
    expect(c.messages.filter((m) => m.type === "AGENT_STATE_EVENT")).toEqual([]);
    const q0 = await req(
      { type: "QUERY_AGENT_STATE_REQ", mrdid: 1, icmAgentID: 0, agentInstrument: "2001" },
      "QUERY_AGENT_STATE_CONF",
    );
    expect(q0.agentState).toBe(1);
    await req(setState(0), "SET_AGENT_STATE_CONF");
    await c.until(() => c.messages.filter((m) => m.type === "AGENT_STATE_EVENT").length === 2);
    expect((await req(setState(0), "CONTROL_FAILURE_CONF")).failureCode).toBe(259);
    expect((await req(setState(4), "CONTROL_FAILURE_CONF")).failureCode).toBe(22);
    expect((await req(setState(99), "CONTROL_FAILURE_CONF")).failureCode).toBe(3);
    await req(setState(3), "SET_AGENT_STATE_CONF");
    const ev = await c.next("AGENT_STATE_EVENT", c.messages.length - 1);
    expect([ev.agentState, ev.agentID, ev.agentExtension, ev.sessionID]).toEqual([3, "1001", "2001", 1]);
    const q = await req(
      { type: "QUERY_AGENT_STATE_REQ", mrdid: 1, icmAgentID: 0, agentID: "1001" },
      "QUERY_AGENT_STATE_CONF",
    );
    expect(q.agentState).toBe(3);
    expect(
      (await req({ type: "QUERY_AGENT_STATE_REQ", mrdid: 1, icmAgentID: 0, agentID: "777" }, "FAILURE_CONF")).status,
    ).toBe(StatusCode.E_CTI_INVALID_AGENT_DATA);
    // a client-events session may not control another device
    expect(
      (await req({ ...setState(2), agentInstrument: "2002", agentID: undefined }, "CONTROL_FAILURE_CONF")).failureCode,
    ).toBe(8);
  });

  test("make call, hold, retrieve, snapshot, set call data, clear", async () => {
    const { clock, c, req } = await setup();
    await req(setState(0), "SET_AGENT_STATE_CONF");
    const mk = await req(
      {
        type: "MAKE_CALL_REQ",
        callPlacementType: 0,
        callMannerType: 0,
        alertRings: 0,
        callOption: 0,
        facilityType: 0,
        answeringMachine: 0,
        priority: false,
        postRoute: false,
        skilGroupNumber: 0,
        agentInstrument: "2001",
        dialedNumber: "5550100",
        callVariable1: "hello",
        namedVariables: [],
        namedArrays: [],
      },
      "MAKE_CALL_CONF",
    );
    const callID = mk.newConnectionCallID as number;
    clock.advance(5000);
    await c.next("CALL_ESTABLISHED_EVENT");
    const conn = { connectionCallID: callID, connectionDeviceIDType: 0, connectionDeviceID: "2001" };
    expect((await req({ type: "ANSWER_CALL_REQ", ...conn }, "CONTROL_FAILURE_CONF")).failureCode).toBe(28);
    expect(
      (
        await req(
          { type: "HOLD_CALL_REQ", ...conn, connectionCallID: 12345, reservation: false },
          "CONTROL_FAILURE_CONF",
        )
      ).failureCode,
    ).toBe(11);
    await req({ type: "HOLD_CALL_REQ", ...conn, reservation: false }, "HOLD_CALL_CONF");
    await c.next("CALL_HELD_EVENT");
    expect(
      (await req({ type: "HOLD_CALL_REQ", ...conn, reservation: false }, "CONTROL_FAILURE_CONF")).failureCode,
    ).toBe(24);
    await req(
      {
        type: "RETRIEVE_CALL_REQ",
        heldConnectionCallID: callID,
        heldConnectionDeviceIDType: 0,
        heldConnectionDeviceID: "2001",
      },
      "RETRIEVE_CALL_CONF",
    );
    await c.next("CALL_RETRIEVED_EVENT");
    await req(
      {
        type: "SET_CALL_DATA_REQ",
        ...conn,
        numNamedVariables: 0,
        callType: 0,
        calledPartyDisposition: 0,
        campaignID: 0,
        queryRuleID: 0,
        callVariable2: "two",
        namedVariables: [{ name: "user.x", value: "1" }],
        namedArrays: [],
        routerCallKeyCallID: 0,
        routerCallKeySequenceNumber: 0,
        callOriginatedFrom: 0,
      },
      "SET_CALL_DATA_CONF",
    );
    const upd = await c.next("CALL_DATA_UPDATE_EVENT");
    expect([upd.callVariable1, upd.callVariable2, upd.namedVariables]).toEqual([
      "hello",
      "two",
      [{ name: "user.x", value: "1" }],
    ]);
    const snap = await req({ type: "SNAPSHOT_CALL_REQ", ...conn }, "SNAPSHOT_CALL_CONF");
    expect((snap.callDevices as { callConnectionDeviceID: string }[]).map((d) => d.callConnectionDeviceID)).toEqual([
      "2001",
      "5550100",
    ]);
    const dev = await req(
      { type: "SNAPSHOT_DEVICE_REQ", snapshotDeviceType: 0, agentInstrument: "2001" },
      "SNAPSHOT_DEVICE_CONF",
    );
    expect(dev.calls).toEqual([
      {
        callConnectionCallID: callID,
        callConnectionDeviceIDType: 0,
        callConnectionDeviceID: "2001",
        callState: 3,
        silentMonitorStatus: 0,
      },
    ]);
    const from = c.messages.length;
    await req({ type: "CLEAR_CALL_REQ", ...conn }, "CLEAR_CALL_CONF");
    await c.next("END_CALL_EVENT", from);
    expect(flow({ messages: c.messages.slice(from) } as TestClient)).toEqual([
      "CLEAR_CALL_CONF",
      "CALL_CONNECTION_CLEARED_EVENT",
      "CALL_CLEARED_EVENT",
      "AGENT_STATE_EVENT(5)",
      "END_CALL_EVENT",
    ]);
    expect((await req({ type: "CLEAR_CALL_REQ", ...conn }, "CONTROL_FAILURE_CONF")).failureCode).toBe(26);
  });

  test("requests without CLIENT_CONTROL, unsupported and unknown messages", async () => {
    const s = await sim();
    const c = await client(s.portA);
    await c.open();
    c.send({
      type: "ANSWER_CALL_REQ",
      invokeID: 1,
      peripheralID: 5000,
      connectionCallID: 1,
      connectionDeviceIDType: 0,
      connectionDeviceID: "x",
    });
    expect((await c.next("FAILURE_CONF")).status).toBe(StatusCode.E_CTI_FUNCTION_NOT_AVAILABLE);
    c.send({ type: "LIST_AGENT_TEAM_REQ", invokeID: 2, supervisorID: 5001 }); // no Supervisor service
    await c.until(() => c.messages.filter((m) => m.type === "FAILURE_CONF").length === 2);
    const f2 = c.messages.filter((m) => m.type === "FAILURE_CONF")[1] as CtiMessage & {
      status: number;
      invokeID: number;
    };
    expect([f2.invokeID, f2.status]).toEqual([2, StatusCode.E_CTI_FUNCTION_NOT_AVAILABLE]);
    c.sendRaw(new Uint8Array([0, 0, 0, 4, 0, 0, 0x27, 0x0f, 0, 0, 0, 3]));
    await c.until(() => c.messages.filter((m) => m.type === "FAILURE_CONF").length === 3);
    const f3 = c.messages.filter((m) => m.type === "FAILURE_CONF")[2] as CtiMessage & {
      status: number;
      invokeID: number;
    };
    expect([f3.invokeID, f3.status]).toEqual([3, StatusCode.E_CTI_INVALID_MSG_TYPE_FOR_VERSION]);
  });
});

describe("wire format per version", () => {
  for (const [version, hdr] of [
    [17, 2],
    [19, 2],
    [20, 4],
    [25, 4],
  ] as const) {
    test(`v${version}: ${hdr}-byte floating field headers`, async () => {
      const s = await sim();
      const c = await client(s.portA, version);
      await c.open();
      await c.next("SYSTEM_EVENT");
      const frame = c.frames.find((f) => new DataView(f.buffer, f.byteOffset).getUint32(4) === 31) as Uint8Array;
      const spec = messageSpec("SYSTEM_EVENT", version);
      if (!spec) throw new Error("no spec");
      const tag = spec.floating.find((f) => f.name === "EventDeviceID")?.tag as number;
      const tail = [...frame.subarray(spec.fixedSize)];
      expect(tail).toEqual(hdr === 2 ? [tag, 1, 0] : [tag >> 8, tag & 0xff, 0, 1, 0]);
    });
  }
});

describe("fault injection and duplex", () => {
  test("dropConnections closes sessions; midFrame leaves a truncated frame", async () => {
    const s = await sim();
    const a = await client(s.portA);
    await a.open();
    s.dropConnections("A");
    await a.waitClosed();
    const b = await client(s.portA);
    await b.open();
    s.dropConnections("A", { midFrame: true });
    await b.waitClosed();
    expect(b.pendingBytes).toBeGreaterThan(0);
    expect(b.pendingBytes).toBeLessThan(12);
  });

  test("standby side: v24+ ACTIVE_STANDBY → standby OPEN_CONF; others rejected; switchActiveSide", async () => {
    const s = await sim({ portB: 0 });
    expect(s.portB).toBeGreaterThan(0);
    const v23 = await client(s.portB as number, 23);
    expect(status(await v23.open())).toBe(StatusCode.E_CTI_CTI_SERVER_OFFLINE);
    const noMask = await client(s.portB as number, 25);
    expect(status(await noMask.open())).toBe(StatusCode.E_CTI_INVALID_CLIENT_FOR_STANDBY);
    const sb = await client(s.portB as number, 24);
    const conf = (await sb.open({ servicesRequested: 0x02000010 })) as CtiMessage & Record<string, unknown>;
    expect([conf.type, conf.sessionType, conf.servicesGranted]).toEqual(["OPEN_CONF", 2, 0x02000010]);
    sb.send({
      type: "QUERY_AGENT_STATE_REQ",
      invokeID: 5,
      peripheralID: 5000,
      mrdid: 1,
      icmAgentID: 0,
      agentID: "1001",
    });
    expect((await sb.next("FAILURE_CONF")).status).toBe(StatusCode.E_CTI_SERVER_NOT_MASTER);
    sb.send({ type: "HEARTBEAT_REQ", invokeID: 6 });
    await sb.next("HEARTBEAT_CONF");
    const onA = await client(s.portA, 25);
    await onA.open();
    const onA2 = await client(s.portA, 25);
    await onA2.open({ servicesRequested: 0x02000010, clientID: "as" });
    s.switchActiveSide();
    expect(s.activeSide).toBe("B");
    const ev = await sb.next("UNKNOWN");
    expect(ev.messageType).toBe(277);
    await onA.waitClosed();
    await onA2.barrier();
    expect(onA2.closed).toBe(false);
    const fresh = await client(s.portB as number, 22);
    expect((await fresh.open()).type).toBe("OPEN_CONF");
  });

  test("a client that does not read is dropped at the high-water mark", async () => {
    const clock = new ManualClock();
    const s = await sim({ clock, agents: 20, eventRate: 20000, maxBufferedBytes: 64 * 1024 });
    const c = await client(s.portA);
    await c.open();
    c.socket.pause();
    for (let i = 0; i < 50 && s.stats.sessions > 0; i++) {
      clock.advance(100);
      await new Promise((r) => setImmediate(r)); // let the socket try to flush
    }
    expect(s.stats.sessions).toBe(0);
  });
});
