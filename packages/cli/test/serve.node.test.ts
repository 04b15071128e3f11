// `ctiwire serve` and the demo's live view, as the built bin runs them: the URL printed, the page
// served, a browser's WebSocket given the snapshot of the simulator's agents; usage errors.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startSimulator } from "@ctiwire/simulator";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type Watched, watchChild } from "../../../test-support/child.js";

const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function start(args: string[], env: Record<string, string> = {}): Watched {
  return watchChild(
    spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } }),
  );
}

/** The first note of the page's WebSocket (the hello with its snapshot). */
function hello(url: string): Promise<{ t: string; snapshot: { agents: unknown[] }; session: { state: string } }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, "ws").replace(/\/(\?|$)/, "/ws$1"));
    ws.on("message", (data, binary) => {
      if (binary) return;
      ws.close();
      resolve(JSON.parse(String(data)));
    });
    ws.on("error", reject);
  });
}

describe("ctiwire serve", () => {
  it("serves the live view of a CTI Server: the URL, the page, a snapshot of the agents; Ctrl-C stops it", async () => {
    const sim = await startSimulator({ agents: 5, callsPerSecond: 1, seed: 2 });
    try {
      const p = start(["serve", "--side-a", `127.0.0.1:${sim.portA}`, "--http", "0", "--version", "24"]);
      const url = (
        await p.until(/live view on (http:\/\/127\.0\.0\.1:\d+\/) \(CTI side A 127\.0\.0\.1:\d+, v24;/, "stdout")
      )[1] as string;
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("ctiwire live");
      await p.until(/# CTI session open on side A \(v24\)/, "stdout");
      let h = await hello(url);
      while (h.snapshot.agents.length === 0) h = await hello(url); // until the first agent logged in
      expect(h.session.state).toBe("open");
      p.child.kill("SIGINT");
      expect(await p.exit).toBe(0);
      expect(p.stderr()).toBe("");
      expect(p.stdout()).toMatch(/ctiwire serve: stopped\n$/);
    } finally {
      await sim.close();
    }
  });

  it("with a token: the printed URL carries it, and the WebSocket needs it", async () => {
    const sim = await startSimulator({ agents: 2, seed: 2 });
    try {
      const p = start(["serve", "--side-a", `127.0.0.1:${sim.portA}`, "--http", "0", "--duration", "20s"], {
        CTIWIRE_LIVE_TOKEN: "a-long-token",
      });
      const url = (await p.until(/live view on (\S+) /, "stdout"))[1] as string;
      expect(url).toMatch(/\?token=a-long-token$/);
      expect((await hello(url)).t).toBe("hello");
      await expect(hello(url.replace(/\?token=.*/, ""))).rejects.toThrow(/401/);
      p.child.kill("SIGTERM");
      expect(await p.exit).toBe(0);
    } finally {
      await sim.close();
    }
  });

  it("usage errors: no CTI Server, or another address than loopback without a token (exit 2)", async () => {
    for (const args of [
      ["serve", "--http", "0"],
      ["serve", "--side-a", "127.0.0.1:42027", "--host", "0.0.0.0"],
      ["serve", "--side-a", "127.0.0.1:abc"],
      ["serve", "--nats", "nats://127.0.0.1:4222"],
    ]) {
      const p = start(args, { CTIWIRE_LIVE_TOKEN: "" });
      const code = await p.exit;
      const stderr = p.stderr();
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(/usage:\n {2}ctiwire serve/);
    }
  });
});

describe("ctiwire demo", () => {
  it("prints the live view's URL beside the events, and serves it while it runs", async () => {
    const p = start(["demo", "--duration", "30s"]);
    const url = (await p.until(/# live view on (http:\/\/127\.0\.0\.1:\d+\/) /, "stdout"))[1] as string;
    expect((await fetch(url)).status).toBe(200);
    expect((await hello(url)).t).toBe("hello");
    await p.until(/AGENT_STATE_EVENT agent=\d+/, "stdout");
    p.child.kill("SIGINT");
    expect(await p.exit).toBe(0);
    expect(p.stdout()).toMatch(/# \d+ events in \d+\.\d s/);
  });
});
