// A wallboard with more than a screen of agents and calls, in Chromium against the simulator through
// the live server: tiles are drawn in blocks, and a block far from the screen is not rendered at all
// until it is scrolled to; call rows are in blocks too, and the calls shown stay exactly those in
// progress as blocks fill and empty. Every wait is on the DOM (polled by Playwright), none on a clock.
import type { Simulator } from "@ctiwire/simulator";
import type { Browser, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { LiveServer } from "../src/server.js";
import { stateName } from "../src/state.js";
import {
  callsInProgress,
  callsShow,
  FAST,
  launchChromium,
  live,
  resumeOnceSessionOpen,
  screenShows,
  simulator,
} from "./helpers.js";

const AGENTS = 400;

let sim: Simulator;
let server: LiveServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  sim = await simulator({
    agents: AGENTS,
    callsPerSecond: 25,
    seed: 3,
    timing: { ...FAST, loginStagger: 1 },
    paused: true,
  });
  server = await live(`127.0.0.1:${sim.portA}`);
  await resumeOnceSessionOpen(sim);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(server.url);
  await page.waitForFunction((n) => document.querySelectorAll(".tile").length === n, AGENTS, {
    polling: 100,
    timeout: 60_000,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await sim?.close();
});

/** Per block: whether it is marked far, whether its first tile is rendered, and its place on screen. */
function blocks(): Promise<{ far: boolean; rendered: boolean; top: number; bottom: number }[]> {
  return page.$$eval(".block", (bs) =>
    bs
      .filter((b) => b.firstElementChild !== null)
      .map((b) => {
        const r = b.getBoundingClientRect();
        return {
          far: b.hasAttribute("data-far"),
          rendered: (b.firstElementChild as HTMLElement).checkVisibility({ contentVisibilityAuto: true }),
          top: r.top,
          bottom: r.bottom,
        };
      }),
  );
}

describe("the live view with more agents and calls than a screen holds", () => {
  it("does not render the blocks of tiles far from the screen, and renders them once scrolled to", async () => {
    // The page marks blocks at each redraw, from where they were before it: with the script held
    // still, wait until the marks agree with where the blocks are, then check them.
    sim.pause();
    try {
      await page.waitForFunction(
        () => {
          const h = window.innerHeight;
          const bs = [...document.querySelectorAll<HTMLElement>(".block")];
          return (
            bs.some((b) => b.hasAttribute("data-far")) &&
            bs.every((b) => {
              const r = b.getBoundingClientRect();
              // (a block within a pixel of the edge may fall either way)
              const edge = Math.abs(r.bottom + 200) < 1 || Math.abs(r.top - h - 200) < 1;
              return edge || b.hasAttribute("data-far") === (r.bottom < -200 || r.top > h + 200);
            })
          );
        },
        null,
        { polling: 50 },
      );
      const before = await blocks();
      for (const b of before) {
        if (b.far) expect(b.rendered, "a far block is not rendered").toBe(false);
        if (b.top < 700 && b.bottom > 0) expect(b.rendered, "a block on screen is rendered").toBe(true);
      }
      expect(before.some((b) => b.far)).toBe(true);
    } finally {
      sim.resume();
    }

    // Scrolled to the last block of tiles (the calls and the log are below the agents): the blocks
    // now on screen are rendered, those at the top are far.
    await page.evaluate(() =>
      [...document.querySelectorAll(".block")]
        .filter((b) => b.firstElementChild !== null)
        .at(-1)
        ?.scrollIntoView({ block: "end" }),
    );
    await page.waitForFunction(
      () => {
        const h = window.innerHeight;
        const shown = [...document.querySelectorAll<HTMLElement>(".block")].filter((b) => {
          const r = b.getBoundingClientRect();
          return b.firstElementChild !== null && r.top < h && r.bottom > 0;
        });
        return (
          shown.length > 0 &&
          shown.every((b) => !b.hasAttribute("data-far") && (b.firstElementChild as HTMLElement).checkVisibility())
        );
      },
      null,
      { polling: 50 },
    );
    // (the blocks scrolled far above are marked far at a later redraw: wait for one, not for all)
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>(".block[data-far]")].some(
          (b) => b.getBoundingClientRect().bottom < -200,
        ),
      null,
      { polling: 50 },
    );
    const after = await blocks();
    expect(after.filter((b) => b.far).every((b) => !b.rendered)).toBe(true);

    // A tile scrolled into view has its time in state drawn: with the script held still (its agent
    // stays in its state), the one last on screen ticks on.
    sim.pause();
    try {
      const first = await page.evaluate(() => {
        const tiles = [...document.querySelectorAll<HTMLElement>(".tile")].filter((t) => {
          const r = t.getBoundingClientRect();
          return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; // (a tile not rendered has no box)
        });
        const t = tiles.at(-1) as HTMLElement;
        return { agent: t.dataset.agent ?? "", text: t.textContent ?? "" };
      });
      expect(first.text).toMatch(/^\d+\n\d+( r\d+)? \d+:\d\d$/);
      await page.waitForFunction(
        ({ agent, was }) => {
          const t = document.querySelector<HTMLElement>(`.tile[data-agent="${agent}"]`);
          return t !== null && t.textContent !== was;
        },
        { agent: first.agent, was: first.text },
        { polling: 50 },
      );
    } finally {
      sim.resume();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it("shows exactly the calls in progress, their rows in blocks sized to the rows they hold", async () => {
    // Held still once more than a block of calls is in progress.
    await vi.waitFor(
      () => {
        if (callsInProgress(sim).length <= 16) throw new Error("a block of calls or fewer in progress");
        sim.pause();
      },
      { timeout: 60_000, interval: 20 },
    );
    try {
      await screenShows(
        page,
        Object.fromEntries(sim.contactCenter.agents.map((a) => [a.agentID, stateName(a.state)])),
        20_000,
      );
      const calls = callsInProgress(sim);
      expect(calls.length).toBeGreaterThan(16);
      await callsShow(page, calls);
      const sizes = await page.$$eval("#calls tbody", (bodies) =>
        bodies.map((b) => ({ rows: b.childElementCount, height: b.style.height })),
      );
      for (const s of sizes) {
        expect(s.rows).toBeGreaterThan(0);
        expect(s.rows).toBeLessThanOrEqual(16);
        expect(s.height).toBe(`${Math.round(s.rows * 1.45 * 100) / 100}rem`);
      }
    } finally {
      sim.resume();
    }
    expect(pageErrors).toEqual([]);
  });
});
