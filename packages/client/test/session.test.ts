import { CTIServiceMask, decode, encode, PGStatusCode, StatusCode } from "ctiwire";
import { afterEach, describe, expect, it } from "vitest";
import { type ClientEvent, CtiClient, frameOf, isCtiClientError } from "../src/index.js";
import { agentStateEvent, FakeServer, until } from "./fake-server.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function setup(version: number, opts: ConstructorParameters<typeof FakeServer>[0] = {}, clientOpts = {}) {
  const server = await FakeServer.start(opts);
  cleanup.push(() => server.close());
  const client = new CtiClient({
    sideA: `127.0.0.1:${server.port}`,
    version,
    clientID: "tester",
    clientPassword: "secret",
    peripheralID: 5000,
    heartbeatIntervalMs: 0,
    ...clientOpts,
  });
  cleanup.push(() => client.close());
  return { server, client };
}

describe("session management (Chapter 4)", () => {
  for (let version = 17; version <= 25; version++) {
    it(`v${version}: OPEN_REQ/OPEN_CONF, events, CLOSE_REQ/CLOSE_CONF`, async () => {
      const { server, client } = await setup(version, {
        afterOpen: () => [agentStateEvent("1001", 3)],
      });
      const seen: string[] = [];
      client.on("AGENT_STATE_EVENT", (m) => seen.push(`${m.agentID}:${m.agentState}`));
      const info = await client.connect();
      expect(info.side).toBe("A");
      const conn = server.open[0]!;
      expect(conn.version).toBe(version);
      const open = conn.open as unknown as { [k: string]: unknown };
      expect(open.versionNumber).toBe(version);
      expect(open.clientID).toBe("tester");
      expect(Buffer.from(open.clientPassword as Uint8Array).toString()).toBe("secret");
      expect(open.idleTimeout).toBe(0xffffffff); // no heartbeats
      expect(open.peripheralID).toBe(5000);
      expect(open.servicesRequested).toBe(CTIServiceMask.CTI_SERVICE_ALL_EVENTS);
      // the event that came in the same chunk as OPEN_CONF is not lost
      await until(() => seen.length === 1);
      server.broadcast(agentStateEvent("1002", 2));
      await until(() => seen.length === 2);
      expect(seen).toEqual(["1001:3", "1002:2"]);
      await client.close();
      expect(conn.received.map((m) => m.type)).toEqual(["OPEN_REQ", "CLOSE_REQ"]);
      expect((conn.received[1] as { status: number }).status).toBe(StatusCode.E_CTI_NO_ERROR);
      expect(client.state).toBe("closed");
    });
  }

  it("an iterator started after `await connect()` sees the events that came with OPEN_CONF, in order", async () => {
    // The fake server writes OPEN_CONF and these events in one TCP write, so they arrive in one chunk.
    const { server, client } = await setup(25, {
      afterOpen: () => [agentStateEvent("1001", 3), agentStateEvent("1002", 4)],
    });
    await client.connect();
    const events: ClientEvent[] = [];
    const iter = (async () => {
      for await (const e of client) events.push(e);
    })();
    server.broadcast(agentStateEvent("1003", 2));
    await until(() => events.length === 3);
    expect(events.map((e) => (e.type === "AGENT_STATE_EVENT" ? e.agentID : e.type))).toEqual(["1001", "1002", "1003"]);
    await client.close();
    await iter;
  });

  it("events that came with OPEN_CONF are delivered before the close ends the iteration", async () => {
    // closeTimeoutMs beyond the test's timeout: the close must end on CLOSE_CONF, read although
    // reading was paused for the first events' delivery (it used to wait the timeout out).
    const { client } = await setup(25, { afterOpen: () => [agentStateEvent("1001", 3)] }, { closeTimeoutMs: 600_000 });
    const events: ClientEvent[] = [];
    const iter = (async () => {
      for await (const e of client) events.push(e);
    })();
    await client.connect();
    await client.close(); // before the event loop's next turn
    await iter;
    expect(events.map((e) => e.type)).toEqual(["AGENT_STATE_EVENT"]);
  });

  it("reports services granted below those requested and PG status flags, without failing", async () => {
    const pg = PGStatusCode.PGS_PERIPHERAL_OFFLINE | PGStatusCode.PGS_CC_DOWN;
    const { client, server } = await setup(
      25,
      { servicesGranted: (r) => r & ~CTIServiceMask.CTI_SERVICE_CLIENT_CONTROL, pgStatus: pg },
      {
        services: ["CTI_SERVICE_ALL_EVENTS", "CTI_SERVICE_CLIENT_CONTROL"],
      },
    );
    const statuses: string[][] = [];
    client.on("pg-status", (s) => statuses.push(s.flags));
    const info = await client.connect();
    expect(info.servicesNotGranted).toEqual(["CTI_SERVICE_CLIENT_CONTROL"]);
    expect(info.pgStatus.flags.sort()).toEqual(["PGS_CC_DOWN", "PGS_PERIPHERAL_OFFLINE"]);
    server.broadcast({ type: "SYSTEM_EVENT", pgStatus: 0, systemEventID: 1 });
    await until(() => statuses.length === 2);
    expect(statuses[1]).toEqual([]);
    expect(client.state).toBe("open");
  });

  it("heartbeat rules: IdleTimeout at least 4 intervals and 20 s", async () => {
    expect(
      () => new CtiClient({ sideA: "x", clientID: "c", heartbeatIntervalMs: 10_000, idleTimeoutSeconds: 30 }),
    ).toThrow(/at least 4/);
    expect(
      () => new CtiClient({ sideA: "x", clientID: "c", heartbeatIntervalMs: 2_000, idleTimeoutSeconds: 10 }),
    ).toThrow(/20 s/);
    expect(new CtiClient({ sideA: "x", clientID: "c", heartbeatIntervalMs: 2_000 }).idleTimeoutSeconds).toBe(20);
    expect(new CtiClient({ sideA: "x", clientID: "c", heartbeatIntervalMs: 30_000 }).idleTimeoutSeconds).toBe(120);
    const c = new CtiClient({ sideA: "h", sideB: "h2", clientID: "c", tls: true });
    expect(c.sides).toEqual({ A: { host: "h", port: 42030 }, B: { host: "h2", port: 43030 } });
    expect(new CtiClient({ sideA: "h", sideB: "h2:1", clientID: "c" }).sides).toEqual({
      A: { host: "h", port: 42027 },
      B: { host: "h2", port: 1 },
    });
  });

  it("a fatal OPEN refusal rejects connect() and closes the client", async () => {
    const { client } = await setup(25, { refuseOpen: StatusCode.E_CTI_INVALID_PASSWORD });
    const err = await client.connect().catch((e) => e);
    expect(isCtiClientError(err, "OPEN_FAILED")).toBe(true);
    expect(err.statusName).toBe("E_CTI_INVALID_PASSWORD");
    await until(() => client.state === "closed");
  });

  for (const keepFrames of [true, false]) {
    it(`keepFrames: ${keepFrames}: frameOf(message) is ${keepFrames ? "the frame it came in" : "undefined"}`, async () => {
      const { client } = await setup(
        20,
        { afterOpen: () => [agentStateEvent("1001", 3), agentStateEvent("1002", 4)] },
        { keepFrames },
      );
      const got: ClientEvent[] = [];
      client.on("AGENT_STATE_EVENT", (m) => got.push(m));
      await client.connect();
      await until(() => got.length === 2);
      for (const m of got) {
        const f = frameOf(m);
        if (!keepFrames) {
          expect(f).toBeUndefined();
          continue;
        }
        expect(decode(f!, { version: 20 })).toEqual(m);
        expect(f).toEqual(encode(m as Parameters<typeof encode>[0], { version: 20 }));
        expect(f!.constructor).toBe(Uint8Array);
      }
    });
  }

  it("async iterator yields events and ends on close", async () => {
    const { server, client } = await setup(20);
    await client.connect();
    const got: ClientEvent[] = [];
    const done = (async () => {
      for await (const e of client) got.push(e);
    })();
    server.broadcast(agentStateEvent("1", 3));
    server.broadcast(agentStateEvent("2", 3));
    await until(() => got.length === 2);
    await client.close();
    await done;
    expect(got.map((m) => m.type)).toEqual(["AGENT_STATE_EVENT", "AGENT_STATE_EVENT"]);
  });

  it("FAILURE_EVENT E_CTI_CTI_SERVER_OFFLINE closes the session and reconnects", async () => {
    const { server, client } = await setup(25);
    await client.connect();
    const reset = client.next("session-reset");
    server.broadcast({ type: "FAILURE_EVENT", status: StatusCode.E_CTI_CTI_SERVER_OFFLINE });
    const r = await reset;
    expect(r.reason).toBe("reconnect");
    expect(r.cause?.code).toBe("SERVER_OFFLINE");
    expect(server.conns.length).toBe(2);
  });
});

describe("end of stream", () => {
  it("a frame cut off by the server's close is reported as a TRUNCATED_STREAM warning, then the session is lost", async () => {
    const { server, client } = await setup(25, {}, { reconnect: false });
    const warnings: unknown[] = [];
    client.on("warning", (w) => warnings.push(w));
    await client.connect();
    const disconnect = client.next("disconnect");
    // Half of a HEARTBEAT_CONF (MessageLength 4, type 6), then FIN.
    server.open[0]!.socket.end(Uint8Array.of(0, 0, 0, 4, 0, 0, 0, 6, 0, 0));
    expect((await disconnect).error.code).toBe("CONNECTION_LOST");
    expect(warnings.map((w) => (w as { code?: string }).code)).toEqual(["TRUNCATED_STREAM"]);
  });
});
