// What the live server's tests share: a seeded simulator in fast motion, a live server on it, a
// WebSocket reader, and a TCP proxy that can slip a garbage frame between two real ones.
import { createServer, type Server, Socket } from "node:net";
import { type Call, type Simulator, type SimulatorOptions, startSimulator } from "@ctiwire/simulator";
import { type Browser, chromium, type Page } from "playwright";
import { vi } from "vitest";
import { WebSocket } from "ws";
// How every test and benchmark starts Chromium: the repository root's chromium.mjs (plain JS with
// JSDoc types, checked with this package's tests: allowJs in tsconfig.test.json).
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../../chromium.mjs";
import { type LiveServer, type LiveServerOptions, startLiveServer } from "../src/server.js";
import type { ServerNote } from "../src/wire.js";
import { unpackFrame } from "../src/wire.js";

/** Debian's Chromium, headless, through Playwright (nothing downloaded). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export const FAST = {
  ring: [200, 600],
  talk: [800, 2000],
  hold: [300, 800],
  wrapup: [200, 600],
  notReady: [200, 800],
  loginStagger: 20,
} as SimulatorOptions["timing"];

export async function simulator(o: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ agents: 10, callsPerSecond: 2, seed: 7, timing: FAST, ...o });
}

/** A live server on `sideA` (quick reconnects, so that tests need not wait for Chapter 2's 15 s). */
export async function live(sideA: string, o: Partial<LiveServerOptions> = {}): Promise<LiveServer> {
  return startLiveServer({
    cti: {
      sideA,
      version: 25,
      clientID: "live-test",
      heartbeatIntervalMs: 5000,
      reconnect: { expectedClients: 0, delaysMs: [250] },
    },
    pingIntervalMs: 0,
    ...o,
  });
}

/**
 * Lets a simulator started paused go on once a client's CTI session on it is open (the live server's,
 * or the bridge's), so that the client sees every agent log in. (The live server learns agents from
 * events only: an agent that logged in before its session opened, and then waited for a call, would
 * stay off the page until its next event.)
 */
export async function resumeOnceSessionOpen(sim: Simulator): Promise<void> {
  await vi.waitFor(
    () => {
      if (sim.stats.sessions === 0) throw new Error("no CTI session open on the simulator yet");
    },
    { timeout: 60_000, interval: 20 },
  );
  sim.resume();
}

export interface Reader {
  ws: WebSocket;
  notes: ServerNote[];
  frames: { seq: number; at: number; frame: Uint8Array }[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once `test` holds (checked on every message). */
  until(test: () => boolean, ms?: number): Promise<void>;
}

export function read(url: string, headers: Record<string, string> = {}): Reader {
  const ws = new WebSocket(url, { headers });
  const notes: ServerNote[] = [];
  const frames: Reader["frames"] = [];
  const waiters = new Set<() => void>();
  ws.on("message", (data, binary) => {
    if (binary) {
      const f = unpackFrame(new Uint8Array(data as Buffer));
      if (f) frames.push({ ...f, frame: f.frame.slice() });
    } else notes.push(JSON.parse(String(data)) as ServerNote);
    for (const w of waiters) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on("close", (code, reason) => {
      for (const w of waiters) w();
      resolve({ code, reason: String(reason) });
    });
    ws.on("error", () => {});
  });
  const until = (test: () => boolean, ms = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (test()) {
          waiters.delete(check);
          clearTimeout(t);
          resolve();
        } else if (ws.readyState === WebSocket.CLOSED) {
          waiters.delete(check);
          clearTimeout(t);
          reject(new Error("closed before the condition held"));
        }
      };
      const t = setTimeout(() => {
        waiters.delete(check);
        reject(new Error("timed out waiting"));
      }, ms);
      waiters.add(check);
      check();
    });
  return { ws, notes, frames, closed, until };
}

/**
 * A TCP proxy in front of a CTI Server that passes whole frames (it reads each MessageLength) and
 * can slip bytes in between two of them (`inject`), towards the client.
 */
export class FrameProxy {
  #server: Server;
  #conns = new Set<{ client: Socket; upstream: Socket; inject: (b: Uint8Array) => void }>();
  port = 0;

  constructor(readonly target: () => number) {
    this.#server = createServer((client) => {
      const upstream = new Socket();
      let held = Buffer.alloc(0);
      const pending: Uint8Array[] = [];
      const conn = {
        client,
        upstream,
        inject: (b: Uint8Array) => {
          pending.push(b);
          flush();
        },
      };
      const flush = () => {
        // Forward whole frames only; injected bytes go between frames.
        while (pending.length > 0) client.write(pending.shift() as Uint8Array);
      };
      upstream.on("data", (chunk: Buffer) => {
        held = Buffer.concat([held, chunk]);
        let off = 0;
        while (held.length - off >= 8) {
          const len = held.readUInt32BE(off);
          if (held.length - off < 8 + len) break;
          client.write(held.subarray(off, off + 8 + len));
          off += 8 + len;
          flush();
        }
        held = held.subarray(off);
      });
      client.on("data", (c) => upstream.write(c));
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.#conns.delete(conn);
      };
      client.on("close", end);
      upstream.on("close", end);
      client.on("error", end);
      upstream.on("error", end);
      upstream.connect(this.target(), "127.0.0.1");
      this.#conns.add(conn);
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((r) => this.#server.listen(0, "127.0.0.1", () => r()));
    this.port = (this.#server.address() as { port: number }).port;
    return this;
  }

  /** Bytes towards every client, between two frames. */
  inject(bytes: Uint8Array): void {
    for (const c of this.#conns) c.inject(bytes);
  }

  async close(): Promise<void> {
    for (const c of this.#conns) {
      c.client.destroy();
      c.upstream.destroy();
    }
    await new Promise<void>((r) => this.#server.close(() => r()));
  }
}

/** Waits until the page's tiles show exactly these states (agent ID → state name). */
export async function screenShows(page: Page, expected: Record<string, string>, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const seen: Record<string, string> = {};
      for (const t of document.querySelectorAll<HTMLElement>(".tile"))
        seen[t.dataset.agent ?? ""] = t.dataset.state ?? "";
      return JSON.stringify(Object.entries(seen).sort()) === JSON.stringify(Object.entries(want).sort());
    },
    expected,
    { timeout: timeoutMs, polling: 50 },
  );
}

/** The simulator's calls in progress (begun, not ended). */
export function callsInProgress(sim: Simulator): Call[] {
  return [...sim.contactCenter.calls.values()].filter((c) => c.began && !c.ended);
}

/** Waits until the page's calls table shows exactly these calls. */
export async function callsShow(page: Page, calls: Call[]): Promise<void> {
  await page.waitForFunction(
    (want) =>
      JSON.stringify(
        [...document.querySelectorAll<HTMLElement>("#calls tbody tr")].map((r) => Number(r.dataset.call)).sort(),
      ) === JSON.stringify(want),
    calls.map((c) => c.id).sort(),
    { polling: 50 },
  );
}

/** An AGENT_STATE_EVENT header whose body is far too short for its fixed part: a content error. */
export const GARBAGE_FRAME = Uint8Array.from([0, 0, 0, 4, 0, 0, 0, 30, 0xde, 0xad, 0xbe, 0xef]);
