// The page in Chromium against NATS through the bridge: Debian's nats-server (JetStream and its
// WebSocket listener), the bridge in-process on the seeded simulator (raw payloads: the page decodes
// the frames), the live server serving the page in its NATS mode. Waits are on the DOM.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bridge, parseConfig } from "@ctiwire/bridge";
import type { Simulator } from "@ctiwire/simulator";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import type { Browser, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../src/server.js";
import { stateName } from "../src/state.js";
import {
  callsInProgress,
  callsShow,
  GARBAGE_FRAME,
  launchChromium,
  resumeOnceSessionOpen,
  screenShows as screenOf,
  simulator,
} from "./helpers.js";

const NATS_SERVER = process.env.NATS_SERVER ?? "/usr/sbin/nats-server";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let dir: string;
let natsPort = 0;
let wsPort = 0;
let nats: ChildProcess | undefined;
let sim: Simulator;
let bridge: Bridge;
let server: LiveServer;
let browser: Browser;
const pages: Page[] = [];
const pageErrors: string[] = [];

/** nats-server with JetStream and a WebSocket listener; resolves once it says it is ready. */
async function startNats(): Promise<void> {
  const conf = join(dir, "nats.conf");
  writeFileSync(
    conf,
    `listen: "127.0.0.1:${natsPort}"\njetstream { store_dir: "${join(dir, "store")}" }\nwebsocket { host: "127.0.0.1", port: ${wsPort}, no_tls: true }\n`,
  );
  const child = spawn(NATS_SERVER, ["-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
  nats = child;
  await new Promise<void>((resolve, reject) => {
    let log = "";
    const onData = (d: Buffer) => {
      log += d.toString();
      if (/Server is ready/.test(log)) resolve();
    };
    child.stderr?.on("data", onData);
    child.stdout?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`nats-server exited (${code}): ${log}`)));
  });
}

async function stopNats(): Promise<void> {
  const child = nats;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function modelStates(): Record<string, string> {
  return Object.fromEntries(sim.contactCenter.agents.map((a) => [a.agentID, stateName(a.state)]));
}

function screenShows(page: Page, expected: Record<string, string>): Promise<void> {
  return screenOf(page, expected, 30_000);
}

async function still(check: () => Promise<void>): Promise<void> {
  sim.pause();
  try {
    await check();
  } finally {
    sim.resume();
  }
}

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(server.url);
  pages.push(page);
  return page;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ctiwire-live-nats-"));
  natsPort = await freePort();
  wsPort = await freePort();
  await startNats();
  // The script waits until the bridge's session is open, so that the bridge sees every agent log in.
  sim = await simulator({ agents: 10, callsPerSecond: 3, seed: 5, paused: true });
  bridge = new Bridge(
    parseConfig(
      `nats:\n  servers: ["nats://127.0.0.1:${natsPort}"]\nhttp: false\nlog:\n  level: silent\npayload: raw\nsources:\n  - name: cc1\n    sideA: "127.0.0.1:${sim.portA}"\n    version: 25\n    heartbeat: 5s\n`,
      { env: {} },
    ),
  );
  await bridge.start();
  await resumeOnceSessionOpen(sim);
  server = await startLiveServer({ nats: { url: `ws://127.0.0.1:${wsPort}`, source: "cc1", version: 25 } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await bridge?.stop();
  await sim?.close();
  await stopNats();
  rmSync(dir, { recursive: true, force: true });
});

describe("the live view in Chromium against NATS through the bridge", () => {
  it("follows the bridge's stream: agents on screen as the simulator scripted them, frames decoded in the page", async () => {
    const page = await open();
    await page.waitForSelector('#banner[data-link="open"][data-cti="open"]');
    expect(await page.locator("#cti").textContent()).toContain("via the bridge: source cc1");
    await page.waitForFunction(() => document.querySelectorAll("#calls tbody tr").length > 0);
    await still(() => screenShows(page, modelStates()));
    expect(await page.locator("#backend").getAttribute("data-backend")).toBe("wasm");
  });

  it("a page that joins late loads agents and calls from the bridge's KV, then follows the stream from there", async () => {
    await still(async () => {
      await screenShows(pages[0] as Page, modelStates());
      const late = await open();
      await late.waitForSelector("#log li.note >> text=/NATS: snapshot of 10 agents/");
      await screenShows(late, modelStates());
      await callsShow(late, callsInProgress(sim));
    });
    const late = pages[1] as Page;
    await late.waitForFunction(() => document.querySelectorAll("#calls tbody tr").length > 0);
    await still(() => screenShows(late, modelStates()));
  });

  it("a garbage frame on the stream shows in the page's log, and the page goes on", async () => {
    const nc = await connect({ servers: `nats://127.0.0.1:${natsPort}` });
    try {
      await jetstream(nc).publish("cti.cc1.AGENT_STATE_EVENT", GARBAGE_FRAME);
    } finally {
      await nc.close();
    }
    const page = pages[0] as Page;
    await page.waitForSelector("#log li.error >> text=/garbage frame #\\d+ \\(12 bytes, type 30\\)/");
    await still(() => screenShows(page, modelStates()));
    expect(pageErrors).toEqual([]);
  });

  it("NATS lost: the banner shows it and clears when nats-server is back, and the page reads the stream on", async () => {
    const page = pages[0] as Page;
    await stopNats();
    await page.waitForSelector('#banner[data-link="reconnecting"]');
    const framesBefore = await page.evaluate(() =>
      Number(/^(\d+) frames/.exec(document.getElementById("stats")?.textContent ?? "")?.[1]),
    );
    await startNats();
    await page.waitForSelector('#banner[data-link="open"]', { timeout: 30_000 });
    // Events published after the restart reach the page: more frames, and the screen follows the script.
    await page.waitForFunction(
      (n) => Number(/^(\d+) frames/.exec(document.getElementById("stats")?.textContent ?? "")?.[1]) > n + 20,
      framesBefore,
      { timeout: 60_000, polling: 100 },
    );
    await still(() => screenShows(page, modelStates()));
    expect(pageErrors).toEqual([]);
  });
});
