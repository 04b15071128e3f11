import { CTIServiceMask, StatusCode } from "ctiwire";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ClientEvent,
  CtiClient,
  isCtiClientError,
  ManualClock,
  reconnectPlan,
  type SessionReset,
} from "../src/index.js";
import { agentStateEvent, deadPort, FakeServer, until } from "./fake-server.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});
/** One turn of the event loop: queued I/O callbacks and promise continuations run. */
const turn = () => new Promise((r) => setImmediate(r));

describe("reconnect plan (Chapter 2)", () => {
  it("same, other, random N s, same, other, 15 s, 30 s, 60 s, 120 s, 120 s...", () => {
    const steps = [
      ...take(
        reconnectPlan("B", ["A", "B"], () => 0.5, { expectedClients: 50 }),
        20,
      ),
    ].map((s) => (s.kind === "attempt" ? s.side : `wait ${s.ms}`));
    expect(steps).toEqual([
      "B",
      "A",
      "wait 3000",
      "B",
      "A",
      "wait 15000",
      "B",
      "A",
      "wait 30000",
      "B",
      "A",
      "wait 60000",
      "B",
      "A",
      "wait 120000",
      "B",
      "A",
      "wait 120000",
      "B",
      "A",
    ]);
    const one = [
      ...take(
        reconnectPlan("A", ["A"], () => 0, { delaysMs: [1, 2] }),
        6,
      ),
    ].map((s) => (s.kind === "attempt" ? s.side : s.ms));
    expect(one).toEqual(["A", 0, "A", 1, "A", 2]);
  });
});

function* take<T>(it: Iterable<T>, n: number): Generator<T> {
  for (const x of it) {
    if (n-- <= 0) return;
    yield x;
  }
}

describe("duplex failover with the Chapter 2 timings (fake clock)", () => {
  it("A drops: B at once; B drops with both down: B, A, wait N, B, A, wait 15 s, B, A, wait 30 s, ... back to A", async () => {
    const clock = new ManualClock(1_000_000);
    const portB = await deadPort();
    let a = await FakeServer.start({ afterOpen: () => [agentStateEvent("1001", 3)] });
    const portA = a.port;
    const client = new CtiClient({
      sideA: `127.0.0.1:${portA}`,
      sideB: `127.0.0.1:${portB}`,
      version: 23,
      clientID: "failover",
      heartbeatIntervalMs: 0,
      clock,
      random: () => 0.99,
      reconnect: { expectedClients: 30 }, // N in 0..3 s; random 0.99 -> 3 s
    });
    cleanup.push(() => client.close());
    const log: string[] = [];
    const resets: SessionReset[] = [];
    const t0 = clock.now();
    client.on("attempt", (e) => log.push(`${e.side}@${e.at - t0}`));
    client.on("waiting", (e) => log.push(`wait ${e.ms}`));
    client.on("session-reset", (r) => resets.push(r));
    const events: ClientEvent[] = [];
    const iter = (async () => {
      for await (const e of client) events.push(e);
    })();
    await client.connect();
    expect(log).toEqual(["A@0"]);

    // A fails: same side (A) refused, other side (B) up
    log.length = 0;
    const b = await FakeServer.start({ afterOpen: () => [agentStateEvent("1001", 4)] }, portB);
    await a.close();
    await until(() => resets.length === 1);
    expect(log).toEqual(["A@0", "B@0"]);
    expect(resets[0]).toMatchObject({ type: "SESSION_RESET", reason: "reconnect", side: "B", previousSide: "A" });
    expect(resets[0]!.cause?.code).toBe("CONNECTION_LOST");
    expect(client.side).toBe("B");

    // B fails and A is down too
    log.length = 0;
    await b.close();
    await until(() => log.length === 3); // B, A, wait 3000
    await clock.advance(3000);
    await until(() => log.length === 6);
    await clock.advance(15_000);
    await until(() => log.length === 9);
    a = await FakeServer.start({ afterOpen: () => [agentStateEvent("1001", 5)] }, portA);
    cleanup.push(() => a.close());
    await clock.advance(29_999);
    // Nothing is due yet: the next attempt waits on the clock's timer, 1 ms away.
    expect(clock.pending()).toEqual([1]);
    await turn();
    expect(log.length).toBe(9);
    await clock.advance(1);
    await until(() => resets.length === 2);
    expect(log).toEqual([
      "B@0",
      "A@0",
      "wait 3000",
      "B@3000",
      "A@3000",
      "wait 15000",
      "B@18000",
      "A@18000",
      "wait 30000",
      "B@48000",
      "A@48000",
    ]);
    expect(resets[1]).toMatchObject({ side: "A", previousSide: "B", at: t0 + 48_000 });
    await until(() => events.filter((e) => e.type === "AGENT_STATE_EVENT").length === 3);
    // the iterator sees each reset between the sessions' events
    expect(events.map((e) => (e.type === "AGENT_STATE_EVENT" ? e.agentState : e.type))).toEqual([
      3,
      "SESSION_RESET",
      4,
      "SESSION_RESET",
      5,
    ]);
    await client.close();
    await iter;
  });

  it("heartbeats: three unconfirmed reset the connection; then the client reconnects", async () => {
    const clock = new ManualClock();
    const server = await FakeServer.start();
    cleanup.push(() => server.close());
    const client = new CtiClient({
      sideA: `127.0.0.1:${server.port}`,
      clientID: "hb",
      heartbeatIntervalMs: 5000,
      clock,
    });
    cleanup.push(() => client.close());
    await client.connect();
    const conn = server.open[0]!;
    const heartbeats = () => conn.received.filter((m) => m.type === "HEARTBEAT_REQ").length;
    expect((conn.open as unknown as { idleTimeout: number }).idleTimeout).toBe(20);
    // confirmed heartbeats: nothing happens. The server has written each HEARTBEAT_CONF when it
    // records the request; an event sent after it tells when the client has read the confirmation.
    for (let i = 0; i < 4; i++) {
      await clock.advance(5000);
      await until(() => heartbeats() === i + 1);
      const marker = client.next("AGENT_STATE_EVENT");
      conn.send(agentStateEvent(`after-hb-${i}`, 3));
      expect((await marker).agentID).toBe(`after-hb-${i}`);
    }
    expect(client.state).toBe("open");
    server.heartbeats = false;
    const disc = client.next("disconnect");
    // three unconfirmed: still open
    for (let i = 0; i < 3; i++) await clock.advance(5000);
    await until(() => heartbeats() === 7);
    expect(client.state).toBe("open");
    // the fourth interval finds them unconfirmed
    await clock.advance(5000);
    const d = await disc;
    expect(d.error.code).toBe("HEARTBEAT_TIMEOUT");
    expect(heartbeats()).toBe(7);
    server.heartbeats = true;
    await until(() => client.state === "open");
    expect(server.open.length).toBe(1);
  });

  it("heartbeats: FAILURE_CONF to a heartbeat resets the connection", async () => {
    const clock = new ManualClock();
    const server = await FakeServer.start();
    cleanup.push(() => server.close());
    const client = new CtiClient({
      sideA: `127.0.0.1:${server.port}`,
      clientID: "hb",
      heartbeatIntervalMs: 5000,
      clock,
    });
    cleanup.push(() => client.close());
    await client.connect();
    server.heartbeats = false;
    const conn = server.open[0]!;
    const disc = client.next("disconnect");
    await clock.advance(5000);
    await until(() => conn.received.some((m) => m.type === "HEARTBEAT_REQ"));
    const hb = conn.received.find((m) => m.type === "HEARTBEAT_REQ") as unknown as { invokeID: number };
    conn.send({ type: "FAILURE_CONF", invokeID: hb.invokeID, status: StatusCode.E_CTI_CTI_SERVER_OFFLINE });
    const d = await disc;
    expect(d.error.code).toBe("HEARTBEAT_FAILED");
    expect(d.error.statusName).toBe("E_CTI_CTI_SERVER_OFFLINE");
  });
});

describe("protocol v24 active/standby", () => {
  it("holds a standby session; STANDBY_ACTIVE_EVENT moves the session to it", async () => {
    const a = await FakeServer.start({ sessionType: 1, onRequest: () => null });
    const b = await FakeServer.start({ sessionType: 2 });
    cleanup.push(
      () => a.close(),
      () => b.close(),
    );
    const client = new CtiClient({
      sideA: `127.0.0.1:${a.port}`,
      sideB: `127.0.0.1:${b.port}`,
      version: 24,
      clientID: "as",
      heartbeatIntervalMs: 0,
    });
    cleanup.push(() => client.close());
    const standby = client.next("standby");
    await client.connect();
    expect(client.activeStandby).toBe(true);
    expect((await standby).side).toBe("B");
    expect(
      ((a.open[0]!.open as unknown as { servicesRequested: number }).servicesRequested &
        CTIServiceMask.CTI_SERVICE_ACTIVE_STANDBY) >>>
        0,
    ).toBe(CTIServiceMask.CTI_SERVICE_ACTIVE_STANDBY);
    const pending = client.snapshotDevice().catch((e) => e);
    await until(() => a.open[0]!.received.length === 2);
    const switched = client.next("side-switch");
    const reset = client.next("session-reset");
    b.open[0]!.sendRaw({ type: "UNKNOWN", messageType: 277, body: new Uint8Array(0) });
    expect(await switched).toEqual({ from: "A", to: "B" });
    expect((await reset).reason).toBe("side-switch");
    const err = await pending;
    expect(isCtiClientError(err, "SIDE_SWITCHED")).toBe(true);
    await until(() => a.conns[0]!.received.some((m) => m.messageType === 281));
    expect(client.side).toBe("B");
    const conf = await client.snapshotDevice();
    expect(conf.type).toBe("SNAPSHOT_DEVICE_CONF");
  });

  it("a standby side refusing the client (E_CTI_INVALID_CLIENT_FOR_STANDBY / SERVER_OFFLINE) sends it to the other side", async () => {
    const standby = await FakeServer.start({
      refuseOpen: (m) => {
        const o = m as unknown as { versionNumber: number; servicesRequested: number };
        if (o.versionNumber < 24) return StatusCode.E_CTI_CTI_SERVER_OFFLINE;
        return o.servicesRequested & CTIServiceMask.CTI_SERVICE_ACTIVE_STANDBY
          ? undefined
          : StatusCode.E_CTI_INVALID_CLIENT_FOR_STANDBY;
      },
      sessionType: 2,
    });
    const active = await FakeServer.start({ sessionType: 1 });
    cleanup.push(
      () => standby.close(),
      () => active.close(),
    );
    for (const [version, activeStandby] of [
      [25, false],
      [23, false],
    ] as const) {
      const client = new CtiClient({
        sideA: `127.0.0.1:${standby.port}`,
        sideB: `127.0.0.1:${active.port}`,
        version,
        activeStandby,
        clientID: "x",
        heartbeatIntervalMs: 0,
      });
      const failed = client.next("attempt-failed");
      const info = await client.connect();
      expect(info.side).toBe("B");
      expect((await failed).error.statusName).toBe(
        version >= 24 ? "E_CTI_INVALID_CLIENT_FOR_STANDBY" : "E_CTI_CTI_SERVER_OFFLINE",
      );
      await client.close();
    }
    // with active/standby, landing on the standby first is fine: it is kept as the standby session
    const client = new CtiClient({
      sideA: `127.0.0.1:${standby.port}`,
      sideB: `127.0.0.1:${active.port}`,
      version: 25,
      clientID: "y",
      heartbeatIntervalMs: 0,
    });
    cleanup.push(() => client.close());
    const info = await client.connect();
    expect(info.side).toBe("B");
    expect(client.hasStandby).toBe(true);
  });
});

describe("backpressure", () => {
  it("a slow iterator pauses socket reading at the high-water mark instead of buffering without bound", async () => {
    const N = 30_000;
    const server = await FakeServer.start({
      afterOpen: () => Array.from({ length: N }, (_, i) => agentStateEvent(String(i), 3)),
    });
    cleanup.push(() => server.close());
    const client = new CtiClient({
      sideA: `127.0.0.1:${server.port}`,
      clientID: "bp",
      heartbeatIntervalMs: 0,
      highWaterMark: 100,
    });
    cleanup.push(() => client.close());
    let dispatched = 0;
    client.on("message", () => dispatched++);
    const it = client.events();
    await client.connect();
    await until(() => client.paused);
    // Let the rest reach the client's side: the server has handed everything to the kernel (or is
    // blocked by TCP flow control), then a few turns of the event loop in which a client that kept
    // reading would read it.
    const sent = server.open[0]!.socket;
    await until(() => sent.writableLength === 0 || sent.writableNeedDrain);
    for (let i = 0; i < 5; i++) await turn();
    expect(client.paused).toBe(true);
    // bounded: the high-water mark plus what one socket chunk held
    expect(dispatched).toBeLessThan(100 + 2000);
    let n = 0;
    for await (const _ of it) {
      if (++n === N) break;
    }
    expect(n).toBe(N);
    expect(client.paused).toBe(false);
  });
});
