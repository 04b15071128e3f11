// The simulator closes the connection itself after it rejects OPEN_REQ or confirms CLOSE_REQ, as a
// real CTI Server does: a client that never half-closes (like a C++ client that keeps sending
// heartbeats) must see the connection end, or it never fails over.
import * as net from "node:net";
import { CtiClient } from "@ctiwire/client";
import { decode, type EncodableMessage, encode, FrameSplitter, type ProtocolVersion, StatusCode } from "ctiwire";
import { afterEach, describe, expect, test } from "vitest";
import { until } from "../../../test-support/until.js";
import { type Simulator, type SimulatorOptions, startSimulator } from "../src/index.js";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function sim(o: SimulatorOptions = {}): Promise<Simulator> {
  const s = await startSimulator({ callsPerSecond: 0, ...o });
  cleanup.push(() => s.close());
  return s;
}

/** A client that never half-closes its side: it keeps writing until the server closes the connection. */
class HalfOpenClient {
  readonly socket: net.Socket;
  readonly messages: ReturnType<typeof decode>[] = [];
  readonly #split: FrameSplitter;
  readonly ended: Promise<void>;
  readonly closed: Promise<void>;

  constructor(
    port: number,
    readonly version: ProtocolVersion,
  ) {
    this.#split = new FrameSplitter({ version });
    this.socket = net.connect({ host: "127.0.0.1", port, allowHalfOpen: true });
    this.socket.on("error", () => {});
    this.socket.on("data", (d: Buffer) => {
      for (const f of this.#split.push(d)) this.messages.push(decode(f.bytes, { version }));
    });
    this.ended = new Promise((r) => this.socket.once("end", () => r()));
    this.closed = new Promise((r) => this.socket.once("close", () => r()));
    cleanup.push(() => this.socket.destroy());
  }

  send(m: Record<string, unknown>): void {
    if (!this.socket.destroyed) this.socket.write(encode(m as EncodableMessage, { version: this.version }));
  }

  /** Heartbeats every 10 ms until the connection is gone (a swallowed heartbeat never ends it). */
  async heartbeatUntilClosed(): Promise<void> {
    let id = 100;
    const t = setInterval(() => this.send({ type: "HEARTBEAT_REQ", invokeID: id++ }), 10);
    try {
      await this.closed;
    } finally {
      clearInterval(t);
    }
  }
}

function openReq(version: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "OPEN_REQ",
    invokeID: 1,
    versionNumber: version,
    idleTimeout: 0xffffffff,
    peripheralID: 0xffffffff,
    servicesRequested: 0x10,
    callMsgMask: 0,
    agentStateMask: 0,
    configMsgMask: 0,
    reserved1: 0,
    reserved2: 0,
    reserved3: 0,
    clientID: "cpp",
    clientPassword: new Uint8Array(0),
    ...fields,
  };
}

describe("the simulator closes the connection", () => {
  test("OPEN_REQ on the standby side: FAILURE_CONF, then the connection ends and closes", async () => {
    const s = await sim({ portB: 0, activeSide: "B" });
    const c = new HalfOpenClient(s.portA, 23);
    await new Promise((r) => c.socket.once("connect", r));
    c.send(openReq(23));
    await c.ended;
    expect(c.messages.map((m) => m.type)).toEqual(["FAILURE_CONF"]);
    expect(c.messages[0]).toMatchObject({ invokeID: 1, status: StatusCode.E_CTI_CTI_SERVER_OFFLINE });
    await c.heartbeatUntilClosed();
    await until(() => s.stats.connections === 0);
    expect(s.stats.sessions).toBe(0);
  });

  test("OPEN_REQ rejected for its content (v25 without ACTIVE_STANDBY on the standby side)", async () => {
    const s = await sim({ portB: 0 });
    const c = new HalfOpenClient(s.portB as number, 25);
    await new Promise((r) => c.socket.once("connect", r));
    c.send(openReq(25));
    await c.ended;
    expect(c.messages[0]).toMatchObject({ type: "FAILURE_CONF", status: StatusCode.E_CTI_INVALID_CLIENT_FOR_STANDBY });
    await c.heartbeatUntilClosed();
    await until(() => s.stats.connections === 0);
  });

  test("CLOSE_REQ: CLOSE_CONF, the session ends, then the connection closes", async () => {
    const s = await sim();
    const closed = new Promise<{ status: number }>((r) => s.once("session-close", r));
    const c = new HalfOpenClient(s.portA, 25);
    await new Promise((r) => c.socket.once("connect", r));
    c.send(openReq(25));
    await until(() => c.messages.length > 0);
    expect(c.messages[0]?.type).toBe("OPEN_CONF");
    expect(s.stats.sessions).toBe(1);
    c.send({ type: "CLOSE_REQ", invokeID: 9, status: 0 });
    await c.ended;
    expect(c.messages.at(-1)).toMatchObject({ type: "CLOSE_CONF", invokeID: 9 });
    expect((await closed).status).toBe(StatusCode.E_CTI_NO_ERROR);
    expect(s.stats.sessions).toBe(0);
    await c.heartbeatUntilClosed();
    await until(() => s.stats.connections === 0);
  });

  test("@ctiwire/client fails over from the rejecting side A to the active side B", async () => {
    const s = await sim({ portB: 0, activeSide: "B" });
    const c = new CtiClient({
      sideA: `127.0.0.1:${s.portA}`,
      sideB: `127.0.0.1:${s.portB}`,
      version: 23, // below v24 the standby side refuses the session
      clientID: "failover",
      heartbeatIntervalMs: 0,
      random: () => 0,
    });
    cleanup.push(() => c.close());
    const refused: string[] = [];
    c.on("attempt-failed", (e) => refused.push(`${e.side} ${e.error.statusName}`));
    const info = await c.connect();
    expect(info.side).toBe("B");
    expect(refused).toEqual(["A E_CTI_CTI_SERVER_OFFLINE"]);
    // Only B's connection is left: A's was closed by the simulator (or the client), not leaked.
    await until(() => s.stats.connections === 1);
    expect(s.sessions().map((x) => x.side)).toEqual(["B"]);
    // The session on B works. (The request also matters: the client keeps reading paused until the
    // events that came with OPEN_CONF are delivered, so a close() right after connect() waits
    // closeTimeoutMs for a CLOSE_CONF it does not read.)
    expect((await c.queryAgentState({ agentID: "1001" })).type).toBe("QUERY_AGENT_STATE_CONF");
  });
});
