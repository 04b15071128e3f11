import * as net from "node:net";
import type { ProtocolVersion } from "ctiwire";
import { type CtiMessage, decode, type EncodableMessage, encode, FrameSplitter, fillMessage } from "ctiwire";

/**
 * A raw-socket CTI client for tests: frames are split by ctiwire's FrameSplitter and decoded at
 * `version`. Waits have no deadline of their own: vitest's per-test timeout is the hang guard.
 */
export class TestClient {
  readonly socket: net.Socket;
  readonly messages: CtiMessage[] = [];
  readonly frames: Uint8Array[] = [];
  raw: Buffer = Buffer.alloc(0);
  readonly #split = new FrameSplitter({ version: 25 }); // v25's limit is the largest
  #waiters: (() => void)[] = [];
  closed = false;
  #invoke = 1;

  private constructor(
    socket: net.Socket,
    public version: ProtocolVersion,
  ) {
    this.socket = socket;
    socket.on("data", (d: Buffer) => {
      this.raw = Buffer.concat([this.raw, d]);
      for (const f of this.#split.push(d)) {
        this.frames.push(f.bytes);
        this.messages.push(decode(f.bytes, { version: this.version }));
      }
      this.#wake();
    });
    socket.on("close", () => {
      this.closed = true;
      this.#wake();
    });
    socket.on("error", () => {});
  }

  #wake(): void {
    const w = this.#waiters;
    this.#waiters = [];
    for (const f of w) f();
  }

  static connect(port: number, version: ProtocolVersion = 25): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ host: "127.0.0.1", port }, () => resolve(new TestClient(s, version)));
      s.once("error", reject);
    });
  }

  get pendingBytes(): number {
    return this.#split.bufferedBytes;
  }

  nextInvokeID(): number {
    return this.#invoke++;
  }

  send(m: EncodableMessage): void {
    this.socket.write(encode(m, { version: this.version }));
  }

  sendRaw(b: Uint8Array): void {
    this.socket.write(b);
  }

  /** Waits until pred holds (checked on every arrival and at the close). */
  async until(pred: () => boolean): Promise<void> {
    while (!pred()) {
      if (this.closed) throw new Error(`closed while waiting; got ${this.messages.map((m) => m.type).join(",")}`);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /**
   * A round trip: sends a request and waits for the answer with its InvokeID (or the close).
   * The simulator handles a connection's requests in order and TCP keeps order, so whatever the
   * simulator sent before it handled this request has arrived when this resolves.
   */
  async barrier(type: "HEARTBEAT_REQ" | "QUERY_AGENT_STATE_REQ" = "HEARTBEAT_REQ"): Promise<void> {
    const invokeID = this.nextInvokeID();
    const props = type === "HEARTBEAT_REQ" ? { invokeID } : { invokeID, agentID: "nobody" };
    this.send(fillMessage(type, props, { version: this.version }) as EncodableMessage);
    const answered = () => this.messages.some((m) => (m as { invokeID?: number }).invokeID === invokeID);
    while (!answered() && !this.closed) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  /** Waits for a message of that type after index `from`; returns it. */
  async next<T extends CtiMessage["type"]>(type: T, from = 0): Promise<Extract<CtiMessage, { type: T }>> {
    let found: CtiMessage | undefined;
    await this.until(() => {
      found = this.messages.slice(from).find((m) => m.type === type);
      return found !== undefined;
    });
    return found as Extract<CtiMessage, { type: T }>;
  }

  async open(fields: Record<string, unknown> = {}): Promise<CtiMessage> {
    const invokeID = this.nextInvokeID();
    const from = this.messages.length;
    this.send({
      type: "OPEN_REQ",
      invokeID,
      versionNumber: this.version,
      idleTimeout: 0xffffffff,
      peripheralID: 0xffffffff,
      servicesRequested: 0x10,
      callMsgMask: 0xffffffff,
      agentStateMask: 0x3fff,
      configMsgMask: 0,
      reserved1: 0,
      reserved2: 0,
      reserved3: 0,
      clientID: "test",
      clientPassword: new Uint8Array(0),
      ...fields,
    } as EncodableMessage);
    await this.until(() => this.messages.slice(from).some((m) => m.type === "OPEN_CONF" || m.type === "FAILURE_CONF"));
    return this.messages.slice(from).find((m) => m.type === "OPEN_CONF" || m.type === "FAILURE_CONF") as CtiMessage;
  }

  async waitClosed(): Promise<void> {
    while (!this.closed) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  close(): void {
    this.socket.destroy();
  }
}
