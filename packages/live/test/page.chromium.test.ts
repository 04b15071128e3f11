// The page in Chromium (Debian's, through Playwright), against the seeded simulator through the live
// server: what it shows follows what the simulator scripted; a garbage frame shows in its log and it
// goes on; a lost CTI session and a lost server show in its banner and clear when they come back.
// Every wait is on the DOM (polled by Playwright), none on a clock.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Simulator } from "@ctiwire/simulator";
import type { Browser, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveServer } from "../src/server.js";
import { stateName } from "../src/state.js";
import {
  callsInProgress,
  callsShow,
  FrameProxy,
  GARBAGE_FRAME,
  launchChromium,
  live,
  resumeOnceSessionOpen,
  screenShows as screenOf,
  simulator,
} from "./helpers.js";

const RESULTS = fileURLToPath(new URL("../test-results/", import.meta.url));

let sim: Simulator;
let simPort = 0;
let proxy: FrameProxy;
let server: LiveServer;
let httpPort = 0;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** The agents' states as the simulator's model has them: agentID → state name. */
function modelStates(): Record<string, string> {
  return Object.fromEntries(sim.contactCenter.agents.map((a) => [a.agentID, stateName(a.state)]));
}

/** Runs `check` with the simulator's script held still (its events all sent). */
async function still(check: () => Promise<void>): Promise<void> {
  sim.pause();
  try {
    await check();
  } finally {
    sim.resume();
  }
}

/** Waits until the tiles on screen show exactly these states. */
function screenShows(expected: Record<string, string>): Promise<void> {
  return screenOf(page, expected, 20_000);
}

/** Waits until every tile not marked stale shows its agent's state in `model` (and there are some). */
async function nonStaleShow(model: Record<string, string>): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const tiles = [...document.querySelectorAll<HTMLElement>(".tile:not([data-stale])")];
      return tiles.length > 0 && tiles.every((t) => want[t.dataset.agent ?? ""] === t.dataset.state);
    },
    model,
    { timeout: 20_000, polling: 50 },
  );
}

beforeAll(async () => {
  sim = await simulator({ agents: 12, callsPerSecond: 3, seed: 11, paused: true });
  simPort = sim.portA;
  // The live server reaches the simulator through a proxy that can slip a garbage frame in.
  proxy = await new FrameProxy(() => simPort).listen();
  server = await live(`127.0.0.1:${proxy.port}`);
  await resumeOnceSessionOpen(sim);
  httpPort = server.port;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await proxy?.close();
  await sim?.close();
});

describe("the live view in Chromium, against the simulator through the live server", () => {
  it("shows each agent in the state the simulator scripted (checked twice, the script paused), with its time in state", async () => {
    await page.waitForSelector('#banner[data-link="open"][data-cti="open"][data-side="A"]');
    for (let round = 0; round < 2; round++) {
      // Let the script run until calls are being handled, then hold it still and compare.
      await page.waitForFunction(
        () => document.querySelectorAll('#calls tbody tr[data-state="ESTABLISHED"]').length > 0,
      );
      await still(() => screenShows(modelStates()));
      const tile = page.locator(".tile").first();
      expect(await tile.textContent()).toMatch(/^\d+\n\d+( r\d+)? \d+:\d\d$/); // agent, extension, time in state
      // A colour per state: the tile's background is its state's.
      const colours = await page.evaluate(() => {
        const out: Record<string, string> = {};
        for (const t of document.querySelectorAll<HTMLElement>(".tile"))
          out[t.dataset.state ?? ""] = getComputedStyle(t).backgroundColor;
        return out;
      });
      expect(new Set(Object.values(colours)).size).toBe(Object.keys(colours).length);
    }
    const backend = await page.locator("#backend").getAttribute("data-backend");
    expect(backend).toBe("wasm"); // WebAssembly loads in Chromium (the server's CSP allows it)
  });

  it("shows the calls in progress with their call variables, and per skill group counts that add up", async () => {
    await page.waitForFunction(() => document.querySelectorAll('#calls tbody tr[data-state="ESTABLISHED"]').length > 0);
    await still(async () => {
      await screenShows(modelStates());
      const inProgress = callsInProgress(sim);
      await callsShow(page, inProgress);
      const call = inProgress[0];
      if (call) {
        const vars = await page.locator(`#calls tr[data-call="${call.id}"] td.vars`).textContent();
        expect(vars).toContain(`CV1=${call.vars[0]}`);
        expect(vars).toContain(`user.customer.tier=${call.ecc.find((v) => v.name === "user.customer.tier")?.value}`);
      }
      // Per skill group: every logged-in agent counted once in each of its groups.
      const rows = await page.$$eval("#skill-groups tbody tr", (trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))),
      );
      const memberships = sim.contactCenter.agents.reduce((n, a) => n + a.skills.length, 0);
      expect(rows.reduce((n, r) => n + (r[1] ?? 0) + (r[2] ?? 0) + (r[3] ?? 0) + (r[4] ?? 0), 0)).toBe(memberships);
      const ready = sim.contactCenter.agents.filter((a) => stateName(a.state) === "AVAILABLE");
      expect(rows.reduce((n, r) => n + (r[1] ?? 0), 0)).toBe(ready.reduce((n, a) => n + a.skills.length, 0));
    });
  });

  it("filters the event log", async () => {
    await page.fill("#log-filter", "AGENT_STATE_EVENT agent 1003");
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll("#log li")];
      return rows.length > 0 && rows.every((r) => r.textContent?.includes("AGENT_STATE_EVENT agent 1003"));
    });
    await page.fill("#log-filter", "");
  });

  it("a garbage frame from the CTI Server shows in the log, and the page goes on", async () => {
    const before = await page.evaluate(() => document.querySelectorAll("#log li").length);
    expect(before).toBeGreaterThan(0);
    proxy.inject(GARBAGE_FRAME);
    await page.waitForSelector("#log li.warn >> text=/could not decode a frame.*AGENT_STATE_EVENT/");
    // ... and goes on: the states still follow the script.
    await page.waitForFunction(() => document.querySelectorAll('#calls tbody tr[data-state="ESTABLISHED"]').length > 0);
    await still(() => screenShows(modelStates()));
    expect(pageErrors).toEqual([]);
  });

  it("the banner shows a lost CTI session, and clears when the simulator comes back", async () => {
    const port = sim.portA;
    await sim.close();
    await page.waitForSelector('#banner[data-cti="lost"]');
    expect(await page.locator("#cti").textContent()).toMatch(/CTI session lost/);
    sim = await simulator({ agents: 12, callsPerSecond: 3, seed: 11, port });
    await page.waitForSelector('#banner[data-cti="open"][data-link="open"]');
    await page.waitForSelector("#log li.note >> text=/session reset/");
    // Events in the gap are lost: agents stay, shown stale until their next event; then the
    // simulator's (new) script shows.
    await page.waitForFunction(() => document.querySelectorAll(".tile:not([data-stale])").length >= 6);
    await still(() => nonStaleShow(modelStates()));
  });

  it("the banner shows a lost server; the page reconnects with back-off and gets a new snapshot", async () => {
    await server.close();
    await page.waitForSelector('#banner[data-link="reconnecting"]');
    expect(await page.locator("#link").textContent()).toMatch(/reconnecting in \d+\.\d s \(attempt \d+\)/);
    server = await live(`127.0.0.1:${proxy.port}`, { port: httpPort });
    await page.waitForSelector('#banner[data-link="open"][data-cti="open"]', { timeout: 30_000 });
    await page.waitForSelector("#log li.note >> text=/connected: snapshot of \\d+ agents/");
    // A new server knows the agents that changed state since it started (it sends no requests):
    // each of them shows the simulator's state.
    await page.waitForFunction(() => document.querySelectorAll("#calls tbody tr").length > 0);
    await still(() => nonStaleShow(modelStates()));
  });

  it("saves a screenshot with the test results", async () => {
    mkdirSync(RESULTS, { recursive: true });
    await page.waitForFunction(() => document.querySelectorAll("#calls tbody tr").length >= 3);
    await page.screenshot({ path: `${RESULTS}live-view.png` });
    expect(pageErrors).toEqual([]);
  });
});
