import { ControlFailureCode, StatusCode } from "ctiwire";
import { afterEach, describe, expect, it } from "vitest";
import { CtiClient, isCtiClientError, ManualClock } from "../src/index.js";
import { FakeServer, type FakeServerOptions, until } from "./fake-server.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function setup(opts: FakeServerOptions, clientOpts: Partial<ConstructorParameters<typeof CtiClient>[0]> = {}) {
  const server = await FakeServer.start(opts);
  cleanup.push(() => server.close());
  const client = new CtiClient({
    sideA: `127.0.0.1:${server.port}`,
    version: 25,
    clientID: "tester",
    peripheralID: 5000,
    agentInstrument: "4001",
    heartbeatIntervalMs: 0,
    ...clientOpts,
  });
  cleanup.push(() => client.close());
  await client.connect();
  return { server, client };
}

describe("requests: InvokeID correlation", () => {
  it("resolves each confirmation to its request, whatever the order", async () => {
    const held: { id: number; m: unknown }[] = [];
    const { server, client } = await setup({
      onRequest: (m, conn) => {
        const id = (m as { invokeID: number }).invokeID;
        if (m.type === "QUERY_AGENT_STATE_REQ") {
          held.push({ id, m });
          if (held.length === 3) {
            // answer in reverse order
            for (const h of held.reverse()) {
              conn.send({ type: "QUERY_AGENT_STATE_CONF", invokeID: h.id, agentState: h.id % 7, agentID: `a${h.id}` });
            }
          }
          return null;
        }
        return undefined;
      },
    });
    const rs = await Promise.all([1, 2, 3].map((i) => client.queryAgentState({ agentID: `x${i}` })));
    const ids = rs.map((r) => r.invokeID);
    expect(new Set(ids).size).toBe(3);
    for (const r of rs) expect(r.agentID).toBe(`a${r.invokeID}`);
    const sent = server.open[0]!.received.filter((m) => m.type === "QUERY_AGENT_STATE_REQ") as unknown as {
      invokeID: number;
      peripheralID: number;
      agentID: string;
    }[];
    expect(sent.map((m) => m.agentID)).toEqual(["x1", "x2", "x3"]);
    expect(sent.every((m) => m.peripheralID === 5000)).toBe(true);
  });

  it("typed helpers send the right messages and resolve with their _CONF", async () => {
    const { server, client } = await setup({});
    const conf = await client.setAgentState({ agentState: 3, agentID: "1001" });
    expect(conf.type).toBe("SET_AGENT_STATE_CONF");
    await client.answerCall({ connectionCallID: 77, connectionDeviceID: "4001" });
    await client.holdCall({ connectionCallID: 77, connectionDeviceID: "4001" });
    await client.retrieveCall({ heldConnectionCallID: 77, heldConnectionDeviceID: "4001" });
    await client.clearCall({ connectionCallID: 77, connectionDeviceID: "4001" });
    await client.setCallData({
      connectionCallID: 77,
      connectionDeviceID: "4001",
      callVariable1: "hello",
      namedVariables: [{ name: "user.x", value: "1" }],
    });
    await client.snapshotCall({ connectionCallID: 77, connectionDeviceID: "4001" });
    await client.snapshotDevice();
    await client.monitorStop({ monitorID: 9 });
    const received = server.open[0]!.received.map((m) => m.type);
    expect(received).toEqual([
      "OPEN_REQ",
      "SET_AGENT_STATE_REQ",
      "ANSWER_CALL_REQ",
      "HOLD_CALL_REQ",
      "RETRIEVE_CALL_REQ",
      "CLEAR_CALL_REQ",
      "SET_CALL_DATA_REQ",
      "SNAPSHOT_CALL_REQ",
      "SNAPSHOT_DEVICE_REQ",
      "MONITOR_STOP_REQ",
    ]);
    const scd = server.open[0]!.received[6] as unknown as { callVariable1: string; namedVariables: unknown[] };
    expect(scd.callVariable1).toBe("hello");
    expect(scd.namedVariables).toEqual([{ name: "user.x", value: "1" }]);
    const sdr = server.open[0]!.received[8] as unknown as { agentInstrument: string };
    expect(sdr.agentInstrument).toBe("4001");
  });

  it("FAILURE_CONF and CONTROL_FAILURE_CONF reject with typed errors", async () => {
    const { client } = await setup({
      onRequest: (m) =>
        m.type === "MAKE_CALL_REQ"
          ? {
              type: "CONTROL_FAILURE_CONF",
              failureCode: ControlFailureCode.CF_INVALID_DESTINATION ?? 5,
              peripheralErrorCode: 42,
            }
          : { type: "FAILURE_CONF", status: StatusCode.E_CTI_INVALID_CALLID },
    });
    const e1 = await client.answerCall({ connectionCallID: 1 }).catch((e) => e);
    expect(isCtiClientError(e1, "FAILURE_CONF")).toBe(true);
    expect(e1.statusName).toBe("E_CTI_INVALID_CALLID");
    expect(e1.request).toBe("ANSWER_CALL_REQ");
    const e2 = await client.makeCall({ dialedNumber: "5551234" }).catch((e) => e);
    expect(isCtiClientError(e2, "CONTROL_FAILURE")).toBe(true);
    expect(e2.peripheralErrorCode).toBe(42);
    expect(typeof e2.failureName).toBe("string");
  });

  it("times out (fake clock) and a late confirmation goes to listeners, not to the rejected promise", async () => {
    const clock = new ManualClock();
    let conn: { send: (m: { type: string } & Record<string, unknown>) => void } | undefined;
    let lateID = 0;
    const { client } = await setup(
      {
        onRequest: (m, c) => {
          conn = c;
          lateID = (m as { invokeID: number }).invokeID;
          return null;
        },
      },
      { clock, requestTimeoutMs: 2000 },
    );
    const p = client.snapshotDevice().catch((e) => e);
    await until(() => conn !== undefined);
    await clock.advance(1999);
    let settled = false;
    void p.then(() => (settled = true));
    // The request's timer is the only one, 1 ms away; the promise is still pending after a turn.
    expect(clock.pending()).toEqual([1]);
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    await clock.advance(1);
    const err = await p;
    expect(isCtiClientError(err, "TIMEOUT")).toBe(true);
    expect(err.invokeID).toBe(lateID);
    const late = client.next("SNAPSHOT_DEVICE_CONF");
    conn!.send({ type: "SNAPSHOT_DEVICE_CONF", invokeID: lateID });
    expect((await late).invokeID).toBe(lateID);
  });

  it("pending requests reject with CONNECTION_LOST when the connection drops; none hang", async () => {
    const { server, client } = await setup({ onRequest: () => null }, { reconnect: { maxAttempts: 1 } });
    const ps = [client.snapshotDevice(), client.queryAgentState(), client.monitorStop({ monitorID: 1 })].map((p) =>
      p.catch((e) => e),
    );
    await until(() => server.open[0]!.received.length === 4);
    server.dropAll();
    const errs = await Promise.all(ps);
    for (const e of errs) expect(isCtiClientError(e, "CONNECTION_LOST")).toBe(true);
    const e = await client.snapshotDevice().catch((x) => x);
    expect(["NOT_CONNECTED", "CLOSED"]).toContain(e.code);
  });

  it("requests after close() reject with CLOSED; close() rejects outstanding ones with CLOSED", async () => {
    const { client } = await setup({ onRequest: () => null });
    const p = client.snapshotDevice().catch((e) => e);
    await client.close();
    expect((await p).code).toBe("CLOSED");
    expect((await client.snapshotDevice().catch((e) => e)).code).toBe("CLOSED");
  });

  it("a request the version lacks fails with INVALID_REQUEST", async () => {
    const { client } = await setup({}, { version: 17 });
    const e = await client.request("SNAPSHOT_TASK_REQ" as never).catch((x) => x);
    expect(e.code).toBe("INVALID_REQUEST");
  });
});
