// Requests back to the CTI Server over NATS, and who may send them: the example nats-server
// configuration (examples/nats-server.conf) with its bridge, reader and controller users.
import { readFileSync } from "node:fs";
import type { NatsConnection } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bridge, parseConfig, type RequestReply } from "../src/index.js";
import { natsClient, readStream, type Simulator, silent, sim, waitFor } from "./helpers.js";
import { NatsServer } from "./nats-server.js";

const EXAMPLE = readFileSync(new URL("../examples/nats-server.conf", import.meta.url), "utf8");

let nats: NatsServer;
let s: Simulator;
let bridge: Bridge;
let controller: NatsConnection;
let reader: NatsConnection;

beforeAll(async () => {
  nats = await NatsServer.start({ config: EXAMPLE, probe: { user: "bridge", pass: "bridge-secret" } });
  s = await sim({ agents: 4, callsPerSecond: 0 });
  const cfg = parseConfig(
    `nats:
  servers: ["${nats.url}"]
  user: bridge
  password: { env: BRIDGE_NATS_PASSWORD }
stream:
  subjects: ["cti.*.*"]
requests:
  allow: [QUERY_AGENT_STATE_REQ, SET_AGENT_STATE_REQ]
  timeout: 2s
http: false
log: { level: silent }
sources:
  - name: pg1
    sideA: "127.0.0.1:${s.portA}"
    services: [CTI_SERVICE_ALL_EVENTS, CTI_SERVICE_CLIENT_CONTROL]
  - name: mute
    sideA: "127.0.0.1:${s.portA}"
    clientID: mute
    # IGNORE_CONF: the server sends no confirmation of control requests (a request that times out)
    services: [CTI_SERVICE_ALL_EVENTS, CTI_SERVICE_CLIENT_CONTROL, CTI_SERVICE_IGNORE_CONF]
`,
    { env: { BRIDGE_NATS_PASSWORD: "bridge-secret" } },
  );
  bridge = new Bridge(cfg, { logger: silent });
  await bridge.start();
  await waitFor(() => bridge.sources.every((x) => x.sessionOpen), "the CTI sessions");
  controller = await natsClient(nats.url, { user: "controller", pass: "controller-secret" });
  reader = await natsClient(nats.url, { user: "reader", pass: "reader-secret" });
});

afterAll(async () => {
  await controller?.close();
  await reader?.close();
  await bridge?.stop(1000);
  await s?.close();
  await nats?.dispose();
});

async function ask(type: string, body: unknown, source = "pg1", nc = controller): Promise<RequestReply> {
  const data = typeof body === "string" ? body : JSON.stringify(body);
  const m = await nc.request(`cti.${source}.request.${type}`, data, { timeout: 5000 });
  return m.json<RequestReply>();
}

describe("requests back", () => {
  it("a request becomes the CTI request; the reply is its confirmation as JSON", async () => {
    await waitFor(() => s.contactCenter.agents.some((a) => a.state === 3), "an agent available");
    const r = await ask("QUERY_AGENT_STATE_REQ", { agentID: "1001" });
    expect(r.ok).toBe(true);
    expect(r.type).toBe("QUERY_AGENT_STATE_CONF");
    expect(r.confirmation).toMatchObject({ type: "QUERY_AGENT_STATE_CONF", agentID: "1001" });
    const set = await ask("SET_AGENT_STATE_REQ", { agentID: "1002", agentInstrument: "2002", agentState: 2 });
    expect(set).toMatchObject({ ok: true, type: "SET_AGENT_STATE_CONF" });
  });

  it("the server's refusal comes back as FAILURE_CONF / CONTROL_FAILURE with its names", async () => {
    const r = await ask("QUERY_AGENT_STATE_REQ", { agentID: "9999" });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ code: "FAILURE_CONF", statusName: "E_CTI_INVALID_AGENT_DATA" });
    const c = await ask("SET_AGENT_STATE_REQ", { agentInstrument: "no-such", agentState: 3 });
    expect(c.ok).toBe(false);
    expect(c.error?.code).toBe("CONTROL_FAILURE");
    expect(c.error?.failureName).toMatch(/^CF_/);
  });

  it("bad bodies get a clear error reply, never a crash", async () => {
    const cases: [unknown, RegExp][] = [
      ["{not json", /not JSON/],
      ["[1,2]", /JSON object/],
      ['"text"', /JSON object/],
      [{ agentID: "1001", noSuchField: 1 }, /unknown property noSuchField/],
      [{ agentState: "AVAILABLE" }, /agentState: must be integer/],
      [{ agentState: 70_000 }, /agentState: must be <= 65535/],
      [{ agentID: 1001 }, /agentID: must be string/],
      [{ invokeID: 5 }, /unknown property invokeID/],
    ];
    for (const [body, re] of cases) {
      const r = await ask("SET_AGENT_STATE_REQ", body);
      expect(r.ok, JSON.stringify(body)).toBe(false);
      expect(r.error?.code, JSON.stringify(body)).toBe("INVALID_BODY");
      expect(r.error?.message, JSON.stringify(body)).toMatch(re);
    }
    // Still serving.
    expect((await ask("QUERY_AGENT_STATE_REQ", { agentID: "1001" })).ok).toBe(true);
  });

  it("only the types the configuration allows", async () => {
    const r = await ask("CLEAR_CALL_REQ", { connectionCallID: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: "NOT_ALLOWED" } });
    expect(r.error?.message).toMatch(/CLEAR_CALL_REQ is not allowed/);
    const n = await ask("NO_SUCH_REQ", {});
    expect(n.error?.code).toBe("NOT_ALLOWED");
  });

  it("no confirmation within requests.timeout: a TIMEOUT reply", async () => {
    const t0 = Date.now();
    const r = await ask("SET_AGENT_STATE_REQ", { agentID: "1003", agentInstrument: "2003", agentState: 2 }, "mute");
    expect(r).toMatchObject({ ok: false, error: { code: "TIMEOUT" } });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
  });

  it("the read-only user is refused by NATS; it can still read the stream", async () => {
    const before = await bridge.metrics.requests.get();
    const count = (v: typeof before) => v.values.reduce((a, x) => a + x.value, 0);
    await expect(ask("QUERY_AGENT_STATE_REQ", { agentID: "1001" }, "pg1", reader)).rejects.toThrow(
      /permissions violation|Permissions Violation/i,
    );
    expect(count(await bridge.metrics.requests.get())).toBe(count(before)); // never reached the bridge
    const msgs = await readStream(reader, "CTI", "cti.pg1.*");
    expect(msgs.length).toBeGreaterThan(0);
    // Nor may it publish events.
    const errors: unknown[] = [];
    const statusLoop = (async () => {
      for await (const st of reader.status()) if (st.type === "error") errors.push(st);
    })();
    reader.publish("cti.pg1.AGENT_STATE_EVENT", "{}");
    await waitFor(() => errors.length > 0, "the permissions error");
    void statusLoop;
  });
});
