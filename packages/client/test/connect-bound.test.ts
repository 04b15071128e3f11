// connect() never gives up by default; connect({ timeoutMs, maxAttempts }) bounds the first connect.
import * as net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CtiClient, type CtiClientError, ManualClock, parseEndpoint } from "../src/index.js";
import { deadPort } from "./fake-server.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function client(port: number, extra: Partial<ConstructorParameters<typeof CtiClient>[0]> = {}) {
  const c = new CtiClient({
    sideA: `127.0.0.1:${port}`,
    clientID: "bound",
    heartbeatIntervalMs: 0,
    random: () => 0,
    ...extra,
  });
  cleanup.push(() => c.close());
  return Object.assign(c, { closed: new Promise<void>((r) => c.on("close", () => r())) });
}

/** Resolves with the rejection of p (fails the test if p resolves). */
async function rejection(p: Promise<unknown>): Promise<CtiClientError> {
  try {
    await p;
  } catch (e) {
    return e as CtiClientError;
  }
  throw new Error("expected a rejection");
}

/** A server that accepts connections and never answers: each attempt waits for OPEN_CONF. */
async function silentServer(): Promise<{ port: number; sockets: net.Socket[]; closed: Promise<void> }> {
  const sockets: net.Socket[] = [];
  let onClosed: () => void = () => {};
  const closed = new Promise<void>((r) => (onClosed = r));
  const server = net.createServer((s) => {
    sockets.push(s);
    s.on("error", () => {});
    s.on("close", onClosed);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  cleanup.push(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });
  return { port: (server.address() as net.AddressInfo).port, sockets, closed };
}

describe("connect() bounds", () => {
  it("without bounds, keeps trying while nothing listens (the promise stays pending)", async () => {
    const clock = new ManualClock();
    const c = client(await deadPort(), { clock, reconnect: { delaysMs: [1000] } });
    let attempts = 0;
    let failed = 0;
    c.on("attempt", () => attempts++);
    c.on("attempt-failed", () => failed++);
    let settled = false;
    const p = c.connect().then(
      () => (settled = true),
      () => (settled = true),
    );
    // Each refused attempt is real I/O; each wait is on the manual clock.
    for (let round = 0; round < 5; round++) {
      while (failed < attempts || attempts === 0) await new Promise((r) => setImmediate(r));
      await clock.advance(1000);
    }
    expect(attempts).toBeGreaterThanOrEqual(5);
    expect(settled).toBe(false);
    expect(c.state).toBe("connecting");
    await c.close();
    await p;
    expect(settled).toBe(true);
  });

  it("timeoutMs: rejects with CONNECT_FAILED (last attempt as cause) and closes the client", async () => {
    const clock = new ManualClock();
    const c = client(await deadPort(), { clock });
    let failed = 0;
    c.on("attempt-failed", () => failed++);
    const p = c.connect({ timeoutMs: 30_000 });
    while (failed === 0) await new Promise((r) => setImmediate(r));
    await clock.advance(30_000);
    const e = await rejection(p);
    expect(e.code).toBe("CONNECT_FAILED");
    expect(e.message).toMatch(/no session within 30000 ms \(last attempt: .*ECONNREFUSED/);
    expect((e.cause as CtiClientError).code).toBe("CONNECT_FAILED");
    await c.closed;
    expect(c.state).toBe("closed");
    expect(clock.pending()).toEqual([]); // no timer left behind
  });

  it("timeoutMs: an attempt in progress (no OPEN_CONF yet) is cut off, its socket closed", async () => {
    const server = await silentServer();
    const c = client(server.port, { openTimeoutMs: 60_000 });
    const e = await rejection(c.connect({ timeoutMs: 200 }));
    expect(e.code).toBe("CONNECT_FAILED");
    expect(e.message).toMatch(/no session within 200 ms/);
    await server.closed; // the server sees the connection go: nothing keeps the process alive
    await c.closed;
    expect(c.state).toBe("closed");
  });

  it("maxAttempts: rejects after that many attempts", async () => {
    const c = client(await deadPort(), { reconnect: { delaysMs: [0] } });
    let attempts = 0;
    c.on("attempt", () => attempts++);
    const e = await rejection(c.connect({ maxAttempts: 3 }));
    expect(e.code).toBe("CONNECT_FAILED");
    expect(e.message).toMatch(/no session after 3 attempts \(last: side A .*ECONNREFUSED/);
    expect(attempts).toBe(3);
    await c.closed;
    expect(c.state).toBe("closed");
  });

  it("invalid bounds reject at once", async () => {
    const c = client(await deadPort());
    expect((await rejection(c.connect({ timeoutMs: -1 }))).code).toBe("INVALID_REQUEST");
  });
});

describe("endpoints", () => {
  it("host, host:port, [v6]:port, bare v6; a port that is not one throws INVALID_REQUEST", () => {
    expect(parseEndpoint("cti-a", 42027)).toEqual({ host: "cti-a", port: 42027 });
    expect(parseEndpoint("10.0.0.1:43027", 42027)).toEqual({ host: "10.0.0.1", port: 43027 });
    expect(parseEndpoint("[::1]:5000", 42027)).toEqual({ host: "::1", port: 5000 });
    expect(parseEndpoint("fe80::1", 42027)).toEqual({ host: "fe80::1", port: 42027 });
    for (const bad of ["127.0.0.1:abc", "host:70000", "host:0", "a b:1", ""]) {
      expect(() => parseEndpoint(bad, 42027), bad).toThrow(/not an endpoint/);
    }
    expect(() => new CtiClient({ sideA: "127.0.0.1:abc", clientID: "x" })).toThrow(/not an endpoint/);
  });
});
