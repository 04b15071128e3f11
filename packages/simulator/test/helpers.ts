import * as net from "node:net";
import type { ProtocolVersion } from "ctiwire";
import { type CtiMessage, decode, type EncodableMessage, encode } from "ctiwire";

/** A raw-socket CTI client for tests: frames are split by MessageLength and decoded at `version`. */
export class TestClient {
  readonly socket: net.Socket;
  readonly messages: CtiMessage[] = [];
  readonly frames: Uint8Array[] = [];
  raw: Buffer = Buffer.alloc(0);
  #pending = Buffer.alloc(0);
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
      this.#pending = Buffer.concat([this.#pending, d]);
      while (this.#pending.length >= 8) {
        const len = this.#pending.readUInt32BE(0);
        if (this.#pending.length < len + 8) break;
        const f = new Uint8Array(this.#pending.subarray(0, len + 8));
        this.#pending = this.#pending.subarray(len + 8);
        this.frames.push(f);
        this.messages.push(decode(f, { version: this.version }));
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
    return this.#pending.length;
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

  /** Waits until pred holds (checked on every arrival), at most `ms`. */
  async until(pred: () => boolean, ms = 3000): Promise<void> {
    const end = Date.now() + ms;
    while (!pred()) {
      const left = end - Date.now();
      if (left <= 0) throw new Error(`timeout; got ${this.messages.map((m) => m.type).join(",")}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits for a message of that type after index `from`; returns it. */
  async next<T extends CtiMessage["type"]>(type: T, from = 0, ms = 3000): Promise<Extract<CtiMessage, { type: T }>> {
    let found: CtiMessage | undefined;
    await this.until(() => {
      found = this.messages.slice(from).find((m) => m.type === type);
      return found !== undefined;
    }, ms);
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

  async waitClosed(ms = 3000): Promise<void> {
    await this.until(() => this.closed, ms);
  }

  close(): void {
    this.socket.destroy();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
