// `onWire` reports each connection's end once, after its last bytes, and how it ended: what
// `ctiwire simulate --pcap` turns into FIN/ACK exchanges or a RST.
import { afterEach, describe, expect, test } from "vitest";
import { type Simulator, startSimulator, type WireEnd, type WireInfo } from "../src/index.js";
import { TestClient } from "./helpers.js";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** A simulator whose `onWire` reports are kept; `ended(id)` resolves at that session's end report. */
async function recording(): Promise<{
  sim: Simulator;
  wire: WireInfo[];
  ended: (sessionID: number) => Promise<WireEnd>;
}> {
  const wire: WireInfo[] = [];
  const waiting = new Map<number, (e: WireEnd) => void>();
  const sim = await startSimulator({
    callsPerSecond: 0,
    onWire: (w) => {
      // Bytes are not to be kept: copied.
      wire.push(w.direction === "end" ? w : { ...w, bytes: w.bytes.slice() });
      if (w.direction === "end") waiting.get(w.sessionID)?.(w);
    },
  });
  cleanup.push(() => sim.close());
  const ended = (sessionID: number) => {
    const done = wire.find((w): w is WireEnd => w.direction === "end" && w.sessionID === sessionID);
    return done ? Promise.resolve(done) : new Promise<WireEnd>((r) => waiting.set(sessionID, r));
  };
  return { sim, wire, ended };
}

async function openClient(sim: Simulator): Promise<{ client: TestClient; id: number }> {
  const client = await TestClient.connect(sim.portA, 24);
  cleanup.push(() => client.close());
  expect((await client.open()).type).toBe("OPEN_CONF");
  const id = sim.sessions().find((s) => s.remotePort === client.socket.localPort)!.sessionID;
  return { client, id };
}

/** The session's reports: the end is the last one and comes once. */
function reportsOf(wire: WireInfo[], id: number): WireInfo[] {
  const mine = wire.filter((w) => w.sessionID === id);
  expect(mine.filter((w) => w.direction === "end")).toHaveLength(1);
  expect(mine.at(-1)!.direction).toBe("end");
  return mine;
}

describe("onWire: the end of a connection", () => {
  test("the client closes (FIN): close by the client, after every frame", async () => {
    const { sim, wire, ended } = await recording();
    const { client, id } = await openClient(sim);
    await client.barrier();
    client.socket.end();
    expect(await ended(id)).toMatchObject({ direction: "end", how: "close", by: "client", side: "A" });
    await client.waitClosed();
    const mine = reportsOf(wire, id);
    expect(mine.filter((w) => w.direction === "in")).toHaveLength(2); // OPEN_REQ, HEARTBEAT_REQ
  });

  test("CLOSE_REQ: the simulator closes (FIN) after CLOSE_CONF", async () => {
    const { sim, wire, ended } = await recording();
    const { client, id } = await openClient(sim);
    client.send({ type: "CLOSE_REQ", invokeID: client.nextInvokeID(), status: 0 });
    expect(await ended(id)).toMatchObject({ how: "close", by: "server" });
    await client.waitClosed();
    const mine = reportsOf(wire, id);
    expect(client.messages.at(-1)!.type).toBe("CLOSE_CONF");
    // CLOSE_CONF is the last write reported, before the end.
    expect(mine.at(-2)!.direction).toBe("out");
  });

  test("the client resets the connection: reset by the client", async () => {
    const { sim, wire, ended } = await recording();
    const { client, id } = await openClient(sim);
    await client.barrier();
    client.socket.resetAndDestroy();
    expect(await ended(id)).toMatchObject({ how: "reset", by: "client" });
    reportsOf(wire, id);
  });

  test("the simulator drops its clients: reset by the server, or a FIN after half a frame", async () => {
    const { sim, wire, ended } = await recording();
    const a = await openClient(sim);
    sim.dropConnections("A");
    expect(await ended(a.id)).toMatchObject({ how: "reset", by: "server" });
    const b = await openClient(sim);
    sim.dropConnections("A", { reset: true });
    expect(await ended(b.id)).toMatchObject({ how: "reset", by: "server" });
    const c = await openClient(sim);
    sim.dropConnections("A", { midFrame: true });
    expect(await ended(c.id)).toMatchObject({ how: "close", by: "server" });
    await c.client.waitClosed();
    const mine = reportsOf(wire, c.id);
    const half = mine.at(-2)!;
    expect(half.direction === "out" && half.bytes.length).toBe(c.client.pendingBytes);
    for (const x of [a, b]) reportsOf(wire, x.id);
  });

  test("a MessageLength above the limit: FAILURE_CONF, then reset by the server", async () => {
    const { sim, wire, ended } = await recording();
    const { client, id } = await openClient(sim);
    client.sendRaw(new Uint8Array([0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 5]));
    expect(await ended(id)).toMatchObject({ how: "reset", by: "server" });
    reportsOf(wire, id);
  });

  test("the simulator's close resets what is still open", async () => {
    const { sim, wire, ended } = await recording();
    const { id } = await openClient(sim);
    await sim.close();
    expect(await ended(id)).toMatchObject({ how: "reset", by: "server" });
    reportsOf(wire, id);
  });
});
