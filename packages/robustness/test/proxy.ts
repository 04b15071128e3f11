// A loopback TCP proxy between the client and the simulator, for faults the simulator cannot make
// itself: a half-open connection (the server goes silent and never sends FIN or RST), responses held
// back (requests in flight), garbage injected into the server-to-client stream.
import * as net from "node:net";

export interface ProxyConn {
  client: net.Socket;
  server: net.Socket;
  /** Nothing is passed on either way, and a close of the server is not passed on: half-open. */
  frozen: boolean;
}

export class FaultProxy {
  readonly conns: ProxyConn[] = [];
  /** Server-to-client data is held (buffered here) while set, and flushed when released. */
  hold = false;
  #held: { conn: ProxyConn; data: Buffer }[] = [];
  port = 0;
  readonly #server: net.Server;

  private constructor(target: number) {
    this.#server = net.createServer((client) => {
      const server = net.connect({ host: "127.0.0.1", port: target });
      const conn: ProxyConn = { client, server, frozen: false };
      this.conns.push(conn);
      client.on("data", (d) => {
        if (!conn.frozen) server.write(d);
      });
      server.on("data", (d) => {
        if (conn.frozen) return;
        if (this.hold) this.#held.push({ conn, data: d });
        else client.write(d);
      });
      const end = () => {
        client.destroy();
        server.destroy();
      };
      client.on("close", () => server.destroy());
      server.on("close", () => {
        if (!conn.frozen) client.destroy();
      });
      client.on("error", end);
      server.on("error", () => {
        if (!conn.frozen) end();
      });
    });
  }

  static async start(target: number): Promise<FaultProxy> {
    const p = new FaultProxy(target);
    await new Promise<void>((resolve) => p.#server.listen(0, "127.0.0.1", () => resolve()));
    p.port = (p.#server.address() as net.AddressInfo).port;
    return p;
  }

  /** Makes every current connection half-open: the server side goes silent, no FIN, no RST. */
  freezeAll(): void {
    for (const c of this.conns) c.frozen = true;
  }

  release(): void {
    this.hold = false;
    for (const { conn, data } of this.#held.splice(0)) if (!conn.client.destroyed) conn.client.write(data);
  }

  /** Writes bytes to every client as if the server had sent them. */
  inject(bytes: Uint8Array): void {
    for (const c of this.conns) if (!c.client.destroyed) c.client.write(bytes);
  }

  async close(): Promise<void> {
    for (const c of this.conns) {
      c.client.destroy();
      c.server.destroy();
    }
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
