#!/usr/bin/env node
// The live view under load: 1,000 agents at 200 events a second (the simulator through the live
// server, as `ctiwire serve` runs it) into the page in headless Chromium (Debian's, through
// Playwright), measured in the page with the Performance API:
// - frame interval: requestAnimationFrame deltas (60 Hz: 16.7 ms; a dropped frame shows as 33 ms);
// - frame work: from the frame's start (rAF timestamp) to a task posted from its rAF callbacks,
//   which runs once the frame's script, style, layout and paint are done: the main thread's work
//   per frame, what must stay under 16 ms for the page to stay smooth;
// - long tasks (PerformanceObserver 'longtask': main-thread tasks over 50 ms), and long animation
//   frames ('long-animation-frame': frames whose work, rendering included, took 50 ms or more).
// Usage: npm run bench -w @ctiwire/live [-- --agents 1000 --rate 200 --seconds 20 --backend ts|wasm]
// (after the build: the page and the packages it runs; the package's build compiles this file into
// build/bench/frame-time.js, as npm run bench does first). Writes bench/latest.json.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startLiveServer } from "@ctiwire/live";
import { startSimulator } from "@ctiwire/simulator";
import { chromium } from "playwright";

// How every test and benchmark starts Chromium: the repository root's chromium.mjs (plain JS, outside
// this package, so imported by URL, which TypeScript cannot follow: its two exports are typed here).
// build/bench/frame-time.js → the repository root.
const { CHROMIUM_ARGS, CHROMIUM_PATH }: { CHROMIUM_ARGS: string[]; CHROMIUM_PATH: string } = await import(
  new URL("../../../../chromium.mjs", import.meta.url).href
);

/** p50, p99 and max of a series (ms). */
interface Quantiles {
  p50: number;
  p99: number;
  max: number;
}

/** What bench/latest.json holds. */
interface Results {
  date: string;
  chromium: string;
  agents: number;
  callsOnScreen: number;
  eventsPerSecond: number;
  backend: string | undefined;
  seconds: number;
  animationFrames: number;
  frameIntervalMs: Quantiles;
  frameWorkMs: Quantiles;
  framesOver16ms: number;
  mainThreadPercent: { task: number; script: number; style: number; layout: number };
  longTasks: number;
  longestTaskMs: number;
  /** Long animation frames (Chrome's LoAF entries: a frame whose work took 50 ms or more). */
  longAnimationFrames: number;
  longestAnimationFrameMs: number;
  pageErrors: string[];
}

const { values } = parseArgs({
  options: {
    agents: { type: "string", default: "1000" },
    rate: { type: "string", default: "200" },
    seconds: { type: "string", default: "20" },
    backend: { type: "string", default: "" },
  },
});
const agents = Number(values.agents);
const rate = Number(values.rate);
const seconds = Number(values.seconds);

// About 8 events per call as measured (BEGIN_CALL, RESERVED, DELIVERED, ESTABLISHED, TALKING, ...,
// END_CALL, then AVAILABLE or NOT_READY): half the rate from the scripted calls, half agent state
// re-reports (the page's frame counter gives the rate reached).
const sim = await startSimulator({
  agents,
  callsPerSecond: (rate * 0.5) / 8,
  eventRate: rate * 0.5,
  seed: 1,
  timing: {
    ring: [1000, 4000],
    talk: [5000, 40000],
    hold: [2000, 10000],
    wrapup: [2000, 8000],
    notReady: [5000, 20000],
    loginStagger: 2,
  },
});
const server = await startLiveServer({
  cti: { sideA: `127.0.0.1:${sim.portA}`, version: 25, clientID: "bench" },
});
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
let out: Results;
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}${values.backend ? `?backend=${values.backend}` : ""}`);
  // Warm up: every agent logged in and on screen, calls flowing.
  await page.waitForFunction((n) => document.querySelectorAll(".tile").length >= n, agents, {
    timeout: 120_000,
    polling: 200,
  });
  await page.waitForFunction(() => document.querySelectorAll("#calls tbody tr").length >= 20, null, {
    timeout: 120_000,
    polling: 200,
  });
  // Where the main thread's time goes (Chrome's own counters, over the measured window).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = async (): Promise<Record<string, number>> =>
    Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const m0 = await metrics();
  const result = await page.evaluate(async (ms) => {
    const intervals: number[] = [];
    const work: number[] = [];
    const longTasks: number[] = [];
    const obs = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) longTasks.push(e.duration);
    });
    obs.observe({ type: "longtask", buffered: false });
    const longFrames: number[] = [];
    const loaf = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) longFrames.push(e.duration);
    });
    loaf.observe({ type: "long-animation-frame", buffered: false });
    const channel = new MessageChannel();
    let frameStart = 0;
    channel.port1.onmessage = () => work.push(performance.now() - frameStart);
    const framesBefore = Number(/^(\d+) frames/.exec(document.getElementById("stats")?.textContent ?? "")?.[1] ?? 0);
    const t0 = performance.now();
    let last = 0;
    await new Promise<void>((resolve) => {
      const tick = (t: number) => {
        if (last > 0) intervals.push(t - last);
        last = t;
        frameStart = t;
        channel.port2.postMessage(0); // runs after this frame's rendering
        if (performance.now() - t0 < ms) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    obs.disconnect();
    loaf.disconnect();
    await new Promise((r) => setTimeout(r, 1100)); // the stats line ticks once a second
    const framesAfter = Number(/^(\d+) frames/.exec(document.getElementById("stats")?.textContent ?? "")?.[1] ?? 0);
    return {
      intervals,
      work,
      longTasks,
      longFrames,
      seconds: (performance.now() - t0) / 1000,
      frames: framesAfter - framesBefore,
      backend: document.getElementById("backend")?.dataset.backend,
      tiles: document.querySelectorAll(".tile").length,
      calls: document.querySelectorAll("#calls tbody tr").length,
    };
  }, seconds * 1000);
  const m1 = await metrics();
  const share = (k: string) => Math.round((1000 * ((m1[k] ?? 0) - (m0[k] ?? 0))) / result.seconds) / 10;
  const q = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? 0 : (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0);
  };
  const r2 = (x: number) => Math.round(x * 100) / 100;
  out = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    agents: result.tiles,
    callsOnScreen: result.calls,
    eventsPerSecond: r2(result.frames / result.seconds),
    backend: result.backend,
    seconds: r2(result.seconds),
    animationFrames: result.intervals.length,
    frameIntervalMs: {
      p50: r2(q(result.intervals, 50)),
      p99: r2(q(result.intervals, 99)),
      max: r2(q(result.intervals, 100)),
    },
    frameWorkMs: { p50: r2(q(result.work, 50)), p99: r2(q(result.work, 99)), max: r2(q(result.work, 100)) },
    framesOver16ms: result.work.filter((w) => w > 16).length,
    mainThreadPercent: {
      task: share("TaskDuration"),
      script: share("ScriptDuration"),
      style: share("RecalcStyleDuration"),
      layout: share("LayoutDuration"),
    },
    longTasks: result.longTasks.length,
    longestTaskMs: r2(Math.max(0, ...result.longTasks)),
    longAnimationFrames: result.longFrames.length,
    longestAnimationFrameMs: r2(Math.max(0, ...result.longFrames)),
    pageErrors: errors,
  };
} finally {
  await browser.close();
  await server.close();
  await sim.close();
}
console.log(
  `live view, ${out.agents} agents at ${out.eventsPerSecond} events/s (decoder: ${out.backend}), ${out.seconds} s, ${out.animationFrames} animation frames:\n` +
    `  frame interval  p50 ${out.frameIntervalMs.p50} ms  p99 ${out.frameIntervalMs.p99} ms  max ${out.frameIntervalMs.max} ms\n` +
    `  frame work      p50 ${out.frameWorkMs.p50} ms  p99 ${out.frameWorkMs.p99} ms  max ${out.frameWorkMs.max} ms  (${out.framesOver16ms} frames over 16 ms)\n` +
    `  long tasks      ${out.longTasks} (longest ${out.longestTaskMs} ms); long animation frames (50 ms or more) ${out.longAnimationFrames} (longest ${out.longestAnimationFrameMs} ms)\n` +
    `  main thread     ${out.mainThreadPercent.task} % busy: script ${out.mainThreadPercent.script} %, style ${out.mainThreadPercent.style} %, layout ${out.mainThreadPercent.layout} %`,
);
writeFileSync(new URL("../../bench/latest.json", import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
if (out.pageErrors.length > 0) {
  console.error(out.pageErrors);
  process.exitCode = 1;
}
