// A small CTI Server stand-in for the client tests: answers OPEN_REQ, HEARTBEAT_REQ and CLOSE_REQ,
// lets a test answer other requests, push events and drop connections. Loopback only.
import * as net from "node:net";
import { type CtiMessage, encode, FrameDecoder } from "ctiwire";
import { buildMessage } from "../src/build.js";

export interface FakeConn {
  socket: net.Socket;
  version: number;
  open: CtiMessage | undefined;
  received: CtiMessage[];
  send(m: Record<string, unknown> & { type: string }): void;
  sendRaw(m: Record<string, unknown>): void;
  drop(): void;
}

export interface FakeServerOptions {
  /** OPEN_CONF SessionType (v24+): 1 active, 2 standby. */
  sessionType?: number;
  servicesGranted?: (requested: number) => number;
  pgStatus?: number;
  /** FAILURE_CONF status to OPEN_REQ (refuse the session). */
  refuseOpen?: number | ((open: CtiMessage) => number | undefined);
  /** Return a reply (or replies), or undefined to use the default *_CONF, or null to stay silent. */
  onRequest?: (m: CtiMessage, conn: FakeConn) => CtiMessage | CtiMessage[] | Record<string, unknown> | null | undefined;
  /** Messages sent right after OPEN_CONF, in the same write. */
  afterOpen?: (conn: FakeConn) => Record<string, unknown>[];
}

export class FakeServer {
  readonly server: net.Server;
  readonly conns: FakeConn[] = [];
  heartbeats = true;
  port = 0;
  opts: FakeServerOptions;
  #waiters: ((c: FakeConn) => void)[] = [];

  constructor(opts: FakeServerOptions = {}) {
    this.opts = opts;
    this.server = net.createServer((s) => this.#accept(s));
  }

  static async start(opts: FakeServerOptions = {}, port = 0): Promise<FakeServer> {
    const f = new FakeServer(opts);
    await new Promise<void>((resolve, reject) => {
      f.server.once("error", reject);
      f.server.listen(port, "127.0.0.1", () => resolve());
    });
    f.port = (f.server.address() as net.AddressInfo).port;
    return f;
  }

  get open(): FakeConn[] {
    return this.conns.filter((c) => !c.socket.destroyed && c.open);
  }

  /** The next connection whose session is open. */
  nextSession(): Promise<FakeConn> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  broadcast(m: Record<string, unknown> & { type: string }): void {
    for (const c of this.open) c.send(m);
  }

  dropAll(): void {
    for (const c of this.conns) c.drop();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  #accept(socket: net.Socket): void {
    socket.setNoDelay(true);
    let frames: FrameDecoder | undefined;
    let pending = new Uint8Array(0);
    const conn: FakeConn = {
      socket,
      version: 0,
      open: undefined,
      received: [],
      send: (m) => {
        if (socket.destroyed) return;
        socket.write(encode(buildMessage(m.type as never, m, conn.version), { version: conn.version }));
      },
      sendRaw: (m) => {
        if (!socket.destroyed) socket.write(encode(m as never, { version: conn.version }));
      },
      drop: () => socket.destroy(),
    };
    this.conns.push(conn);
    socket.on("error", () => {});
    socket.on("data", (chunk: Buffer) => {
      if (!frames) {
        // The first frame is OPEN_REQ: its VersionNumber (offset 12) selects the layouts.
        const all = new Uint8Array(pending.length + chunk.length);
        all.set(pending);
        all.set(chunk, pending.length);
        if (all.length < 16) {
          pending = all;
          return;
        }
        conn.version = new DataView(all.buffer, all.byteOffset).getUint32(12);
        frames = new FrameDecoder({ version: conn.version });
        chunk = Buffer.from(all);
      }
      for (const m of frames.push(chunk)) this.#onMessage(conn, m);
    });
  }

  #onMessage(conn: FakeConn, m: CtiMessage): void {
    conn.received.push(m);
    const invokeID = (m as { invokeID?: number }).invokeID ?? 0;
    if (m.type === "OPEN_REQ") {
      conn.open = m;
      const refuse = typeof this.opts.refuseOpen === "function" ? this.opts.refuseOpen(m) : this.opts.refuseOpen;
      if (refuse !== undefined) {
        conn.send({ type: "FAILURE_CONF", invokeID, status: refuse });
        return;
      }
      const frames: Uint8Array[] = [
        encode(
          buildMessage(
            "OPEN_CONF",
            {
              invokeID,
              servicesGranted: this.opts.servicesGranted
                ? this.opts.servicesGranted(m.servicesRequested)
                : m.servicesRequested,
              monitorID: 0,
              pgStatus: this.opts.pgStatus ?? 0,
              icmCentralControllerTime: 1_790_000_000,
              peripheralOnline: true,
              peripheralType: 17,
              agentState: 0,
              sessionType: this.opts.sessionType ?? 1,
            },
            conn.version,
          ),
          { version: conn.version },
        ),
      ];
      for (const e of this.opts.afterOpen?.(conn) ?? []) {
        frames.push(encode(buildMessage(e.type as never, e, conn.version), { version: conn.version }));
      }
      conn.socket.write(Buffer.concat(frames));
      const w = this.#waiters.splice(0);
      for (const f of w) f(conn);
      return;
    }
    if (m.type === "HEARTBEAT_REQ") {
      if (this.heartbeats) conn.send({ type: "HEARTBEAT_CONF", invokeID });
      return;
    }
    if (m.type === "CLOSE_REQ") {
      conn.send({ type: "CLOSE_CONF", invokeID });
      return;
    }
    const reply = this.opts.onRequest?.(m, conn);
    if (reply === null) return;
    if (reply === undefined) {
      const conf = m.type.replace(/_REQ$/, "_CONF");
      if (conf !== m.type) {
        try {
          conn.send({ type: conf, invokeID });
        } catch {
          conn.send({ type: "FAILURE_CONF", invokeID, status: 26 });
        }
      }
      return;
    }
    for (const r of Array.isArray(reply) ? reply : [reply]) conn.send({ invokeID, ...(r as { type: string }) });
  }
}

/** A loopback port with nothing listening. */
export async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export { until } from "../../../test-support/until.js";

export function agentStateEvent(agentID: string, agentState: number): Record<string, unknown> & { type: string } {
  return {
    type: "AGENT_STATE_EVENT",
    monitorID: 0,
    peripheralID: 5000,
    sessionID: 0,
    peripheralType: 17,
    skillGroupState: agentState,
    stateDuration: 0,
    skillGroupNumber: 100,
    skillGroupID: 5001,
    skillGroupPriority: 0,
    agentState,
    eventReasonCode: 0,
    agentID,
    agentExtension: agentID,
    agentInstrument: agentID,
  };
}
