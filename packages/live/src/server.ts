/**
 * The live server: one CTI session (a CtiClient that keeps each event's frame), the page (static
 * files built by this package), and a WebSocket per browser that gets a snapshot of agents and calls
 * and then every raw frame, numbered (see wire.ts).
 *
 * Security: it listens on loopback unless told otherwise, and anywhere else only with a token (the
 * page's URL carries it; WebSocket upgrades without it are refused). On loopback without a token,
 * requests must name a loopback host (so that a DNS-rebinding page cannot read it). A WebSocket
 * upgrade from a browser must come from the page's own origin (or one of `allowOrigins`). The page
 * only reads: the server never sends a CTI request, and a browser that sends anything is closed.
 *
 * Memory: what a browser has not read yet is bounded (`maxBufferedBytes` each); past it the browser
 * is dropped with a reason (close code 4008), and its page reconnects for a new snapshot.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { CtiClient, type CtiClientOptions, frameOf } from "@ctiwire/client";
import { WebSocket, WebSocketServer } from "ws";
import { LiveState, type Msg } from "./state.js";
import {
  CLOSE_READ_ONLY,
  CLOSE_SHUTDOWN,
  CLOSE_SLOW,
  packFrame,
  type ServerNote,
  type SessionStatus,
  type Side,
  WIRE_VERSION,
} from "./wire.js";

/** Where the page's NATS mode finds the bridge (see the package README). */
export interface NatsPageConfig {
  /** nats-server's WebSocket listener, e.g. ws://127.0.0.1:9222 */
  url: string;
  /** The bridge's source name (its KV keys and subjects start with it). */
  source: string;
  /** Stream, subjects and buckets: the bridge's defaults unless given. */
  stream?: string;
  subject?: string;
  agentsBucket?: string;
  callsBucket?: string;
  /** Protocol version of the raw frames on the stream (payload: raw); JSON payloads need none. */
  version?: number;
  token?: string;
}

export interface LiveServerOptions {
  /**
   * The CTI session (sideA, sideB, version, clientID, ...). `keepFrames` is set; requests are
   * never sent. Leave it out with `nats` (the page then reads NATS, and the server only serves it).
   */
  cti?: CtiClientOptions;
  /** The page's NATS mode instead of a CTI session of its own. */
  nats?: NatsPageConfig;
  /** Listen address: default 127.0.0.1. Anything but loopback needs `token`. */
  host?: string;
  /** HTTP port (0: any free one). */
  port?: number;
  /** Required from browsers (the page's URL carries it as ?token=). Required off loopback. */
  token?: string;
  /** Origins besides the page's own allowed to open the WebSocket (e.g. a wallboard served elsewhere). */
  allowOrigins?: string[];
  /** Per browser: the most bytes sent and not yet handed to the network; past it the browser is dropped. Default 4 MiB. */
  maxBufferedBytes?: number;
  /** The page's files (default: the build next to this module, dist/page). */
  pageDir?: string;
  /** Ping browsers this often and drop the ones that did not answer the last ping (ms, default 30 s; 0: never). */
  pingIntervalMs?: number;
  /** Lines for a log (session changes, browsers dropped). */
  log?: (line: string) => void;
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return LOOPBACK_NAMES.has(h) || /^127(\.\d{1,3}){3}$/.test(h) || h.endsWith(".localhost");
}

/** The host name of a Host header ("[::1]:8080" → "[::1]", "a.b:80" → "a.b"). */
function hostName(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(header.trim());
  return m?.[1]?.toLowerCase();
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

function digest(s: string): Buffer {
  return createHash("sha256").update(s).digest();
}

interface Browser {
  ws: WebSocket;
  alive: boolean;
  dropped: boolean;
  remote: string;
}

export class LiveServer {
  readonly host: string;
  readonly state = new LiveState();
  /** The CTI session's client (undefined in NATS mode). */
  readonly client: CtiClient | undefined;
  #http: Server;
  #wss: WebSocketServer;
  #browsers = new Set<Browser>();
  #o: LiveServerOptions;
  #token: Buffer | undefined;
  #maxBuffered: number;
  #pageDir: string;
  #status: SessionStatus;
  #pinger: ReturnType<typeof setInterval> | undefined;
  #closed = false;
  #connecting: Promise<unknown> | undefined;
  /** Browsers dropped for being too slow, since the start. */
  slowDrops = 0;
  framesOut = 0;

  constructor(o: LiveServerOptions) {
    this.#o = o;
    this.host = o.host ?? "127.0.0.1";
    if (!isLoopback(this.host) && !o.token) {
      throw new Error(
        `listening on ${this.host} (not loopback) needs a token: give one (--token or CTIWIRE_LIVE_TOKEN), or listen on 127.0.0.1`,
      );
    }
    if (o.token !== undefined && o.token.length < 8) throw new Error("the token must have at least 8 characters");
    if (!o.cti === !o.nats) throw new Error("give either a CTI session (cti) or the bridge's NATS (nats)");
    this.#token = o.token ? digest(o.token) : undefined;
    this.#maxBuffered = o.maxBufferedBytes ?? 4 * 1024 * 1024;
    this.#pageDir = resolve(o.pageDir ?? defaultPageDir());
    const cti = o.cti;
    this.#status = {
      state: cti ? "connecting" : "closed",
      side: null,
      sides: cti
        ? { A: String(cti.sideA), ...(cti.sideB !== undefined ? { B: String(cti.sideB) } : {}) }
        : { A: o.nats?.url ?? "" },
      version: cti?.version ?? o.nats?.version ?? 25,
      since: Date.now(),
    };
    this.client = cti ? new CtiClient({ ...cti, keepFrames: true }) : undefined;
    if (this.client) this.#wire(this.client);
    this.#http = createServer((req, res) => {
      this.#request(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    });
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: 64, perMessageDeflate: false });
    this.#http.on("upgrade", (req, socket, head) => this.#upgrade(req, socket, head));
  }

  /** The session's status as pages see it. */
  get session(): SessionStatus {
    return this.#status;
  }

  get browsers(): number {
    return this.#browsers.size;
  }

  get port(): number {
    return (this.#http.address() as AddressInfo | null)?.port ?? 0;
  }

  /** The page's URL (with the token, where there is one). */
  get url(): string {
    const h = this.host === "0.0.0.0" || this.host === "::" ? "127.0.0.1" : this.host;
    const host = h.includes(":") ? `[${h}]` : h;
    return `http://${host}:${this.port}/${this.#o.token ? `?token=${encodeURIComponent(this.#o.token)}` : ""}`;
  }

  async listen(): Promise<void> {
    this.#pageDir = await realpath(this.#pageDir).catch(() => this.#pageDir);
    await new Promise<void>((res, rej) => {
      this.#http.once("error", rej);
      this.#http.listen(this.#o.port ?? 0, this.host, () => {
        this.#http.off("error", rej);
        res();
      });
    });
    const every = this.#o.pingIntervalMs ?? 30_000;
    if (every > 0) {
      this.#pinger = setInterval(() => {
        for (const b of this.#browsers) {
          if (!b.alive) {
            this.#log(`browser ${b.remote} did not answer a ping: dropped`);
            b.ws.terminate();
            continue;
          }
          b.alive = false;
          b.ws.ping();
        }
      }, every);
      this.#pinger.unref?.();
    }
    // The session: connect() keeps trying until one opens (or a fatal refusal, logged).
    this.#connecting = this.client?.connect().catch((e: Error) => {
      if (this.#closed) return;
      this.#setStatus({ state: "lost", detail: e.message });
      this.#log(`CTI session: ${e.message}`);
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#pinger);
    this.#setStatus({ state: "closed" });
    for (const b of this.#browsers) b.ws.close(CLOSE_SHUTDOWN, "server stopping");
    const closing = [...this.#browsers].map(
      (b) =>
        new Promise<void>((r) => {
          if (b.ws.readyState === WebSocket.CLOSED) return r();
          const t = setTimeout(() => {
            b.ws.terminate();
            r();
          }, 1000);
          b.ws.once("close", () => {
            clearTimeout(t);
            r();
          });
        }),
    );
    await Promise.all(closing);
    this.#wss.close();
    await this.client?.close();
    await this.#connecting;
    this.#http.closeAllConnections?.();
    await new Promise<void>((r) => this.#http.close(() => r()));
  }

  /** The client's events → state, and out to every browser. */
  #wire(client: CtiClient): void {
    client.on("message", (m) => {
      const frame = frameOf(m);
      if (frame === undefined) return;
      const at = Date.now();
      const seq = ++this.state.seq;
      this.state.apply(m as unknown as Msg, at);
      this.#broadcast(packFrame(seq, at, frame));
      this.framesOut++;
    });
    client.on("open", (i) => {
      this.#setStatus({ state: "open", side: i.side as Side, version: client.version });
      this.#log(`CTI session open on side ${i.side} (v${client.version})`);
    });
    client.on("session-reset", (r) => {
      const seq = ++this.state.seq;
      this.state.reset();
      this.#broadcast(
        JSON.stringify({
          t: "reset",
          seq,
          at: Date.now(),
          reason: r.reason,
          side: (r.side as Side | undefined) ?? null,
        } satisfies ServerNote),
      );
    });
    client.on("disconnect", (d) => {
      this.#setStatus({ state: "lost", side: d.side as Side, detail: d.error.message });
      this.#log(`CTI side ${d.side} lost: ${d.error.message}`);
    });
    client.on("attempt-failed", (a) => {
      if (this.#status.state !== "open") this.#setStatus({ detail: a.error.message });
    });
    client.on("side-switch", (s) => {
      this.#setStatus({ state: "open", side: s.to as Side });
      this.#log(`CTI active side is now ${s.to}`);
    });
    client.on("warning", (w) => {
      const e = w as { code?: unknown; message?: unknown };
      const note: ServerNote = {
        t: "warning",
        at: Date.now(),
        code: typeof e.code === "string" ? e.code : "WARNING",
        message: typeof e.message === "string" ? e.message : String(w),
      };
      this.#broadcast(JSON.stringify(note));
    });
  }

  #setStatus(p: Partial<SessionStatus>): void {
    const s: SessionStatus = { ...this.#status, ...p, since: Date.now() };
    if (p.state === "open") delete s.detail;
    this.#status = s;
    this.#broadcast(JSON.stringify({ t: "status", session: s } satisfies ServerNote));
  }

  #log(line: string): void {
    this.#o.log?.(line);
  }

  #broadcast(data: Uint8Array | string): void {
    const size = typeof data === "string" ? data.length * 3 : data.length;
    for (const b of this.#browsers) this.#send(b, data, size);
  }

  #send(b: Browser, data: Uint8Array | string, size: number): void {
    if (b.dropped || b.ws.readyState !== WebSocket.OPEN) return;
    if (b.ws.bufferedAmount + size > this.#maxBuffered) {
      this.#drop(b, `too slow: over ${this.#maxBuffered} bytes unsent`);
      return;
    }
    b.ws.send(data);
  }

  /** A browser that does not keep up: closed with a reason, so that its page reconnects for a snapshot. */
  #drop(b: Browser, reason: string): void {
    b.dropped = true;
    this.slowDrops++;
    this.#browsers.delete(b);
    this.#log(`browser ${b.remote} dropped: ${reason}`);
    b.ws.close(CLOSE_SLOW, reason);
    // Its buffer is full, so the close frame may never get through: cut it off soon.
    setTimeout(() => b.ws.terminate(), 2000).unref?.();
  }

  #hostAllowed(req: IncomingMessage): boolean {
    if (this.#token !== undefined || !isLoopback(this.host)) return true;
    const h = hostName(req.headers.host);
    return h !== undefined && isLoopback(h.replace(/^\[|\]$/g, ""));
  }

  #tokenOk(req: IncomingMessage): boolean {
    if (this.#token === undefined) return true;
    const given = new URL(req.url ?? "/", "http://x").searchParams.get("token") ?? "";
    return timingSafeEqual(digest(given), this.#token);
  }

  #originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true; // not a browser: the token (where set) decides
    if (this.#o.allowOrigins?.includes(origin)) return true;
    const host = req.headers.host;
    return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
  }

  #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const refusal =
      path !== "/ws" || this.#closed || !this.client
        ? "404 Not Found"
        : !this.#hostAllowed(req) || !this.#originAllowed(req)
          ? "403 Forbidden"
          : !this.#tokenOk(req)
            ? "401 Unauthorized"
            : undefined;
    if (refusal !== undefined) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      setTimeout(() => socket.destroy(), 1000).unref?.();
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#join(ws, req));
  }

  #join(ws: WebSocket, req: IncomingMessage): void {
    const b: Browser = {
      ws,
      alive: true,
      dropped: false,
      remote: `${req.socket.remoteAddress}:${req.socket.remotePort}`,
    };
    ws.on("pong", () => {
      b.alive = true;
    });
    ws.on("message", () => ws.close(CLOSE_READ_ONLY, "this server is read-only"));
    ws.on("close", () => this.#browsers.delete(b));
    ws.on("error", () => this.#browsers.delete(b));
    // The snapshot and, from the next item on, everything: both from this turn of the event loop,
    // so that nothing falls between them.
    const hello: ServerNote = {
      t: "hello",
      wire: WIRE_VERSION,
      serverTime: Date.now(),
      session: this.#status,
      snapshot: this.state.snapshot(),
    };
    const text = JSON.stringify(hello);
    this.#browsers.add(b);
    this.#send(b, text, text.length);
  }

  #headers(type: string): Record<string, string> {
    const connect = ["'self'"];
    if (this.#o.nats) connect.push(new URL(this.#o.nats.url).origin.replace(/^http/, "ws"));
    return {
      "content-type": type,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-store",
      // The page's WebAssembly backend needs 'wasm-unsafe-eval'; nothing else is allowed in.
      "content-security-policy": `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src ${connect.join(" ")}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    };
  }

  async #request(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.#hostAllowed(req)) {
      res.writeHead(403, { "content-type": "text/plain" }).end("forbidden: not a loopback host name\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/config.json") {
      if (!this.#tokenOk(req)) {
        res.writeHead(401, { "content-type": "text/plain" }).end("a token is required\n");
        return;
      }
      const body = JSON.stringify(this.#o.nats ? { mode: "nats", nats: this.#o.nats } : { mode: "ws" });
      res.writeHead(200, this.#headers("application/json")).end(req.method === "HEAD" ? undefined : body);
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith("/")) rel += "index.html";
    const file = resolve(join(this.#pageDir, rel));
    let real: string;
    try {
      real = await realpath(file);
      if (!real.startsWith(this.#pageDir + sep) || !(await stat(real)).isFile()) throw new Error("not a page file");
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    const body = await readFile(real);
    res.writeHead(200, this.#headers(TYPES[extname(real)] ?? "application/octet-stream"));
    res.end(req.method === "HEAD" ? undefined : body);
  }
}

/** The page built next to this module (dist/page), also when this module runs from src/ (tests). */
function defaultPageDir(): string {
  const built = fileURLToPath(new URL("./page/", import.meta.url));
  return existsSync(built) ? built : fileURLToPath(new URL("../dist/page/", import.meta.url));
}

/** Starts a live server (listening when it resolves; the CTI session connects in the background). */
export async function startLiveServer(o: LiveServerOptions): Promise<LiveServer> {
  const s = new LiveServer(o);
  await s.listen();
  return s;
}
