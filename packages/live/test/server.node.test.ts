// The live server without a browser: snapshot then frames with no gap or double, the state it keeps,
// security (loopback, token, Host, Origin, read-only) and the bound on a slow browser.
import { request } from "node:http";
import { ManualClock } from "@ctiwire/simulator";
import { decode } from "ctiwire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LiveServer } from "../src/server.js";
import { LiveState, type Msg } from "../src/state.js";
import { CLOSE_READ_ONLY, CLOSE_SLOW } from "../src/wire.js";
import { live, read, simulator } from "./helpers.js";

function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("snapshot and frames", () => {
  let sim: Awaited<ReturnType<typeof simulator>>;
  let server: LiveServer;
  beforeAll(async () => {
    sim = await simulator({ agents: 8, callsPerSecond: 4 });
    server = await live(`127.0.0.1:${sim.portA}`);
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it("a page that joins late gets the snapshot, then every frame after it once, in order; its state is the server's", async () => {
    const first = read(`ws://127.0.0.1:${server.port}/ws`);
    await first.until(() => first.frames.length > 30);
    const late = read(`ws://127.0.0.1:${server.port}/ws`);
    await late.until(() => late.frames.length > 30);
    // Still: the late page catches up with the server's last item.
    sim.pause();
    await late.until(() => (late.frames.at(-1)?.seq ?? 0) === server.state.seq);
    for (const r of [first, late]) {
      const hello = r.notes[0];
      expect(hello?.t).toBe("hello");
      if (hello?.t !== "hello") throw new Error("no hello");
      expect(r.frames[0]?.seq).toBe(hello.snapshot.seq + 1);
      expect(r.frames.map((f) => f.seq)).toEqual(r.frames.map((_, i) => hello.snapshot.seq + 1 + i));
    }
    // The late page's state, from the snapshot and the frames decoded, is the server's at that seq.
    const hello = late.notes[0] as Extract<(typeof late.notes)[0], { t: "hello" }>;
    const st = LiveState.fromSnapshot(hello.snapshot);
    for (const f of late.frames) {
      st.seq = f.seq;
      st.apply(decode(f.frame, { version: 25 }) as unknown as Msg, f.at);
    }
    const expected = new Map([...server.state.agents].map(([k, a]) => [k, a.state]));
    const seen = new Map([...st.agents].map(([k, a]) => [k, a.state]));
    expect(st.seq).toBe(server.state.seq);
    expect(seen).toEqual(expected);
    expect(st.agents.size).toBe(8);
    // ... and the simulator's.
    const model = new Map(sim.contactCenter.agents.map((a) => [`5000.${a.agentID}`, a.state]));
    expect(seen).toEqual(model);
    sim.resume();
    expect(hello.session).toMatchObject({ state: "open", side: "A", version: 25 });
    first.ws.close();
    late.ws.close();
  });

  it("the page only reads: a browser that sends anything is closed (1008)", async () => {
    const r = read(`ws://127.0.0.1:${server.port}/ws`);
    await r.until(() => r.notes.length > 0);
    r.ws.send(JSON.stringify({ request: "SET_AGENT_STATE_REQ" }));
    expect((await r.closed).code).toBe(CLOSE_READ_ONLY);
    expect(sim.stats.framesIn).toBeGreaterThan(0); // OPEN_REQ and heartbeats only
  });

  it("serves the page, config.json, nothing outside the page's folder, and a strict CSP", async () => {
    const page = await get(server.port, "/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("ctiwire live");
    expect(String(page.headers["content-security-policy"])).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(JSON.parse((await get(server.port, "/config.json")).body)).toEqual({ mode: "ws" });
    expect((await get(server.port, "/../package.json")).status).toBe(404);
    expect((await get(server.port, "/%2e%2e/package.json")).status).toBe(404);
  });

  it("on loopback without a token: a request naming another host (DNS rebinding) or a foreign Origin is refused", async () => {
    expect((await get(server.port, "/", { host: "evil.example:80" })).status).toBe(403);
    const foreign = read(`ws://127.0.0.1:${server.port}/ws`, { origin: "http://evil.example" });
    expect((await foreign.closed).code).toBe(1006);
    expect(foreign.notes).toEqual([]);
    const same = read(`ws://127.0.0.1:${server.port}/ws`, { origin: `http://127.0.0.1:${server.port}` });
    await same.until(() => same.notes.length > 0);
    same.ws.close();
  });
});

describe("calls queued", () => {
  it("a skill group's queued count goes above 0 with CALL_QUEUED_EVENT and back to 0 with CALL_DEQUEUED_EVENT", async () => {
    // Two agents, a call a second: with this seed the script (on its own clock) queues a call within
    // 4 s and delivers it soon after. The live client's heartbeats are in real time: no idle timeout.
    const clock = new ManualClock();
    const sim = await simulator({ agents: 2, callsPerSecond: 1, clock, idleTimeoutEnforced: false });
    const server = await live(`127.0.0.1:${sim.portA}`);
    try {
      const r = read(`ws://127.0.0.1:${server.port}/ws`);
      await r.until(() => r.frames.length > 0); // SYSTEM_EVENT: the CTI session is open
      const client = server.client;
      if (!client) throw new Error("no CTI client");
      type Seen = { type: string; id: number; sg: number; queued: number; queuedIn: number[] | null | undefined };
      const seen: Seen[] = [];
      let first: number | undefined; // the first call queued
      const back = new Promise<void>((resolve) => {
        // registered after the server's own listener: the server's state has applied the message
        client.on("message", (m) => {
          if (m.type !== "CALL_QUEUED_EVENT" && m.type !== "CALL_DEQUEUED_EVENT") return;
          const sg = m.skillGroups[0]?.skillGroupNumber ?? -1;
          first ??= m.connectionCallID;
          seen.push({
            type: m.type,
            id: m.connectionCallID,
            sg,
            queued: server.state.skillGroupCounts().get(sg)?.queued ?? 0,
            queuedIn: server.state.calls.get(m.connectionCallID)?.queuedIn,
          });
          if (m.type === "CALL_DEQUEUED_EVENT" && m.connectionCallID === first) resolve();
        });
      });
      for (let i = 0; i < 100; i++) clock.advance(100);
      await back;
      const [queued, ...rest] = seen;
      expect(queued).toMatchObject({ type: "CALL_QUEUED_EVENT", queued: 1, queuedIn: [queued?.sg] });
      expect([100, 101, 102]).toContain(queued?.sg);
      const dequeued = rest.find((x) => x.id === queued?.id);
      expect(dequeued).toEqual({ ...queued, type: "CALL_DEQUEUED_EVENT", queued: 0, queuedIn: null });
      // the call goes on to its agent (DEQUEUED came before the delivery)
      await r.until(() => server.state.calls.get(queued?.id ?? 0)?.device !== "");
      r.ws.close();
    } finally {
      await server.close();
      await sim.close();
    }
  });

  it("CALL_QUEUED_EVENT adds its skill groups, CALL_DEQUEUED_EVENT removes its own or, listing none, all", () => {
    const st = new LiveState();
    const ev = (type: string, groups: number[]): Msg => ({
      type,
      connectionCallID: 7,
      numSkillGroups: groups.length,
      skillGroups: groups.map((g) => ({ skillGroupNumber: g, skillGroupID: g + 4901, skillGroupPriority: 0 })),
    });
    const queued = () => Object.fromEntries([...st.skillGroupCounts()].map(([g, c]) => [g, c.queued]));
    st.apply({ type: "BEGIN_CALL_EVENT", connectionCallID: 7 }, 1);
    st.apply(ev("CALL_QUEUED_EVENT", [100]), 2);
    st.apply(ev("CALL_QUEUED_EVENT", [101, 0xffffffff]), 3);
    expect(queued()).toEqual({ 100: 1, 101: 1 });
    expect(st.calls.get(7)?.skillGroup).toBe(100);
    st.apply(ev("CALL_DEQUEUED_EVENT", [100]), 4);
    expect(queued()).toEqual({ 101: 1 }); // no agents here: a group without a call queued is not listed
    st.apply(ev("CALL_DEQUEUED_EVENT", []), 5);
    expect(st.calls.get(7)?.queuedIn).toBeNull();
    expect(queued()).toEqual({});
  });
});

describe("binding and tokens", () => {
  it("anything but loopback needs a token", () => {
    expect(() => new LiveServer({ cti: { sideA: "127.0.0.1:1", clientID: "t" }, host: "0.0.0.0" })).toThrow(
      /needs a token/,
    );
    expect(
      () => new LiveServer({ cti: { sideA: "127.0.0.1:1", clientID: "t" }, host: "0.0.0.0", token: "short" }),
    ).toThrow(/at least 8/);
  });

  it("with a token, a WebSocket without it is refused; with it, the page's data flows", async () => {
    const sim = await simulator({ agents: 2 });
    const server = await live(`127.0.0.1:${sim.portA}`, { token: "s3cret-token" });
    try {
      expect(server.url).toMatch(/\?token=s3cret-token$/);
      const none = read(`ws://127.0.0.1:${server.port}/ws`);
      expect((await none.closed).code).toBe(1006);
      const wrong = read(`ws://127.0.0.1:${server.port}/ws?token=nope`);
      expect((await wrong.closed).code).toBe(1006);
      expect((await get(server.port, "/config.json")).status).toBe(401);
      const ok = read(`ws://127.0.0.1:${server.port}/ws?token=s3cret-token`);
      await ok.until(() => ok.notes.length > 0);
      expect(ok.notes[0]?.t).toBe("hello");
      ok.ws.close();
    } finally {
      await server.close();
      await sim.close();
    }
  });
});

describe("a slow browser", () => {
  it("is dropped with a reason once its unsent bytes pass the bound; the others go on", async () => {
    // A flood: 20,000 extra agent events a second.
    const sim = await simulator({ agents: 50, callsPerSecond: 0, eventRate: 20_000, maxBufferedBytes: 64 << 20 });
    const server = await live(`127.0.0.1:${sim.portA}`, { maxBufferedBytes: 256 * 1024 });
    try {
      const fast = read(`ws://127.0.0.1:${server.port}/ws`);
      const slow = read(`ws://127.0.0.1:${server.port}/ws`);
      await slow.until(() => slow.notes.length > 0);
      // Stop reading: the kernel's buffers fill, then the server's.
      (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      await new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (server.slowDrops > 0) {
            clearInterval(t);
            resolve();
          }
        }, 50);
      });
      expect(server.browsers).toBe(1);
      const n = fast.frames.length;
      await fast.until(() => fast.frames.length > n + 100);
      fast.ws.close();
      (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
      const closed = await slow.closed;
      expect([CLOSE_SLOW, 1006]).toContain(closed.code);
      if (closed.code === CLOSE_SLOW) expect(closed.reason).toMatch(/too slow/);
    } finally {
      await server.close();
      await sim.close();
    }
  });
});
