// Every request type the guide names gets exactly one answer at every version, and the
// supervisor service works against the model.
import type { CtiMessage, EncodableMessage } from "ctiwire";
import { StatusCode as E, messageSpec, messageTypes, type ProtocolVersion } from "ctiwire";
import { afterEach, describe, expect, test } from "vitest";
import { buildMessage, ManualClock, type Simulator, type SimulatorOptions, startSimulator } from "../src/index.js";
import { TestClient } from "./helpers.js";

const sims: Simulator[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of sims.splice(0)) await s.close();
});
async function sim(o: SimulatorOptions = {}): Promise<Simulator> {
  const s = await startSimulator({ callsPerSecond: 0, ...o });
  sims.push(s);
  return s;
}
async function client(port: number, version: ProtocolVersion = 25): Promise<TestClient> {
  const c = await TestClient.connect(port, version);
  clients.push(c);
  return c;
}
type Msg = CtiMessage & Record<string, unknown>;
const NULL = 0xffffffff;
const SUPERVISOR_SERVICES = 0x1 | 0x2 | 0x4 | 0x20 | 0x40 | 0x80 | 0x100; // events, data, control, monitors, supervisor, server

/** Sends a request (fixed fields not given are defaulted) and waits for the one reply carrying its InvokeID. */
async function ask(c: TestClient, m: Record<string, unknown>): Promise<Msg> {
  const invokeID = c.nextInvokeID();
  const from = c.messages.length;
  c.send((buildMessage(m.type as string, c.version, { ...m, invokeID }) ?? { ...m, invokeID }) as EncodableMessage);
  const isReply = (x: CtiMessage) => (x as Msg).invokeID === invokeID && /_CONF$/.test(x.type);
  await c.until(() => c.messages.slice(from).some(isReply));
  return c.messages.slice(from).find(isReply) as Msg;
}

/** Context the filled requests refer to: a live call, the peer session, IDs from earlier confirmations. */
interface Ctx {
  callID: number;
  peerSessionID: number;
  monitorID?: number;
  sessionMonitorID?: number;
  teamMonitorID?: number;
  serviceID?: number;
  recordingID?: number;
}

type Expect = "conf" | "control" | number; // the _CONF, CONTROL_FAILURE_CONF, or FAILURE_CONF with that status

/**
 * What each request is filled with (the session is supervisor 1001's, on a call it placed to an
 * outside number that is still ringing), and the answer expected. "conf" rows are the requests
 * the simulator carries out on its model; the others are the guide's refusals for this state.
 */
const TABLE: Record<string, [(x: Ctx) => Record<string, unknown>, Expect]> = {
  OPEN_REQ: [() => ({}), E.E_CTI_SESSION_ALREADY_OPEN],
  HEARTBEAT_REQ: [() => ({}), "conf"],
  SET_CALL_DATA_REQ: [(x) => ({ connectionCallID: x.callID, connectionDeviceID: "2001", callVariable1: "v1" }), "conf"],
  RELEASE_CALL_REQ: [(x) => ({ connectionCallID: x.callID, connectionDeviceID: "2001" }), "conf"],
  CLIENT_EVENT_REPORT_REQ: [() => ({ state: 0, objectName: "desk", text: "ok" }), "conf"],
  QUERY_AGENT_STATE_REQ: [() => ({ mrdid: 1, agentID: "1002" }), "conf"],
  SET_AGENT_STATE_REQ: [() => ({ agentState: 3 }), "conf"], // on a call: becomes its NextAgentState
  ALTERNATE_CALL_REQ: [(x) => ({ activeConnectionCallID: x.callID, otherConnectionCallID: 999 }), "control"],
  ANSWER_CALL_REQ: [(x) => ({ connectionCallID: x.callID }), "control"], // the agent placed it
  CLEAR_CALL_REQ: [() => ({ connectionCallID: 999 }), "control"],
  CLEAR_CONNECTION_REQ: [() => ({ connectionCallID: 999 }), "control"],
  CONFERENCE_CALL_REQ: [() => ({ heldConnectionCallID: 998, activeConnectionCallID: 999 }), "control"],
  CONSULTATION_CALL_REQ: [(x) => ({ activeConnectionCallID: x.callID, dialedNumber: "2003" }), "control"],
  DEFLECT_CALL_REQ: [(x) => ({ connectionCallID: x.callID, calledDeviceID: "2003" }), "control"],
  HOLD_CALL_REQ: [(x) => ({ connectionCallID: x.callID }), "control"], // not connected yet
  MAKE_CALL_REQ: [() => ({ dialedNumber: "5550000" }), "control"], // busy on the first call
  MAKE_PREDICTIVE_CALL_REQ: [() => ({ dialedNumber: "5550001" }), "conf"],
  RECONNECT_CALL_REQ: [() => ({ activeConnectionCallID: 999, heldConnectionCallID: 998 }), "control"],
  RETRIEVE_CALL_REQ: [(x) => ({ heldConnectionCallID: x.callID }), "control"],
  TRANSFER_CALL_REQ: [() => ({ heldConnectionCallID: 998, activeConnectionCallID: 999 }), "control"],
  QUERY_DEVICE_INFO_REQ: [() => ({ agentInstrument: "2001" }), "conf"],
  SNAPSHOT_CALL_REQ: [(x) => ({ connectionCallID: x.callID }), "conf"],
  SNAPSHOT_DEVICE_REQ: [() => ({ agentInstrument: "2001" }), "conf"],
  SEND_DTMF_SIGNAL_REQ: [(x) => ({ connectionCallID: x.callID, dtmfString: "12#" }), "control"],
  MONITOR_START_REQ: [() => ({ monitoredDeviceID: "2004", callMsgMask: NULL, agentStateMask: 0x3fff }), "conf"],
  MONITOR_STOP_REQ: [() => ({ monitorID: 424242 }), E.E_CTI_INVALID_MONITORID],
  CHANGE_MONITOR_MASK_REQ: [(x) => ({ monitorID: x.monitorID, callMsgMask: 1, agentStateMask: 1 }), "conf"],
  SESSION_MONITOR_START_REQ: [(x) => ({ sessionID: x.peerSessionID }), "conf"],
  SESSION_MONITOR_STOP_REQ: [(x) => ({ monitorID: x.sessionMonitorID }), "conf"],
  USER_MESSAGE_REQ: [() => ({ distribution: 0, clientID: "peer", text: "hello" }), "conf"],
  REGISTER_VARIABLES_REQ: [() => ({ callVariableMask: 0x3ff }), "conf"],
  QUERY_AGENT_STATISTICS_REQ: [() => ({ agentID: "1002" }), "conf"],
  QUERY_SKILL_GROUP_STATISTICS_REQ: [() => ({ skillGroupNumber: 100, skillGroupID: NULL }), "conf"],
  SUPERVISOR_ASSIST_REQ: [() => ({}), E.E_CTI_TEAM_NOT_FOUND], // 1001 is its team's supervisor
  EMERGENCY_CALL_REQ: [() => ({}), E.E_CTI_TEAM_NOT_FOUND],
  SUPERVISE_CALL_REQ: [() => ({ agentID: "1002", supervisoryAction: 1 }), E.E_CTI_NO_CALL_ACTIVE],
  SET_APP_DATA_REQ: [() => ({ callVariable1: "a" }), "conf"],
  AGENT_DESK_SETTINGS_REQ: [() => ({ agentID: "1001" }), "conf"],
  LIST_AGENT_TEAM_REQ: [() => ({ supervisorID: 5001 }), "conf"],
  MONITOR_AGENT_TEAM_START_REQ: [() => ({ teamID: 9001 }), "conf"],
  MONITOR_AGENT_TEAM_STOP_REQ: [(x) => ({ monitorID: x.teamMonitorID }), "conf"],
  BAD_CALL_REQ: [(x) => ({ connectionCallID: x.callID, connectionDeviceID: "2001" }), "conf"],
  SET_DEVICE_ATTRIBUTES_REQ: [
    () => ({
      callingDeviceID: "2002",
      skillGroupNumber: 100,
      skillGroupID: NULL,
      serviceNumber: NULL,
      serviceID: NULL,
    }),
    "conf",
  ],
  REGISTER_SERVICE_REQ: [() => ({ serviceName: "recorder" }), "conf"],
  UNREGISTER_SERVICE_REQ: [(x) => ({ registeredServiceID: x.serviceID }), "conf"],
  START_RECORDING_REQ: [(x) => ({ connectionCallID: x.callID, connectionDeviceID: "2001", clientID: "rec" }), "conf"],
  STOP_RECORDING_REQ: [(x) => ({ connectionCallID: x.callID, sessionID: x.recordingID }), "conf"],
  AGENT_GREETING_CONTROL_REQ: [() => ({ agentID: "1001", agentAction: 1 }), "conf"],
  START_NETWORK_RECORDING_REQ: [(x) => ({ connectionCallID: x.callID, connectionDeviceID: "2001" }), "conf"],
  STOP_NETWORK_RECORDING_REQ: [(x) => ({ connectionCallID: x.callID, connectionDeviceID: "2001" }), "conf"],
  SET_AGENT_SERVICE_DATA_REQ: [() => ({ agentSkillTargetID: 5001 }), "conf"],
};

const ALL_REQUESTS = messageTypes.filter((t) => t.name.endsWith("_REQ") && t.name !== "CLOSE_REQ");
const everDefined = (name: string) => ([17, 18, 19, 20, 21, 22, 23, 24, 25] as const).some((v) => messageSpec(name, v));

describe("every request type gets exactly one answer", () => {
  test("the table covers every request type with a layout", () => {
    const missing = ALL_REQUESTS.filter((t) => everDefined(t.name) && !(t.name in TABLE)).map((t) => t.name);
    expect(missing).toEqual([]);
    expect(ALL_REQUESTS.length).toBeGreaterThanOrEqual(68);
  });

  for (const version of [17, 20, 24, 25] as const) {
    test(`v${version}`, async () => {
      const clock = new ManualClock();
      const s = await sim({ clock, agents: 10 });
      clock.advance(1000); // every agent logged in
      const peer = await client(s.portA, version);
      expect((await peer.open({ clientID: "peer" })).type).toBe("OPEN_CONF");
      const c = await client(s.portA, version);
      const conf = (await c.open({
        servicesRequested: SUPERVISOR_SERVICES,
        peripheralID: 5000,
        agentID: "1001",
      })) as Msg;
      expect(conf.type).toBe("OPEN_CONF");
      expect(conf.servicesGranted).toBe(SUPERVISOR_SERVICES);
      const made = await ask(
        c,
        buildMessage("MAKE_CALL_REQ", version, { peripheralID: 5000, dialedNumber: "5551234" }) as never,
      );
      expect(made.type).toBe("MAKE_CALL_CONF");
      const peerInfo = s.sessions().find((x) => x.clientID === "peer");
      const ctx: Ctx = { callID: made.newConnectionCallID as number, peerSessionID: peerInfo?.sessionID ?? 0 };
      const sent: number[] = [];
      const seen: string[] = [];
      for (const { name, type } of ALL_REQUESTS) {
        let reply: Msg;
        let expected: Expect;
        if (messageSpec(name, version)) {
          const row = TABLE[name] as [(x: Ctx) => Record<string, unknown>, Expect];
          expected = row[1];
          const m = buildMessage(name, version, { peripheralID: 5000, ...row[0](ctx) }) as Record<string, unknown>;
          reply = await ask(c, m);
        } else {
          // no layout at this version: sent raw (header and InvokeID)
          expected = everDefined(name) ? E.E_CTI_INVALID_MSG_TYPE_FOR_VERSION : E.E_CTI_FUNCTION_NOT_AVAILABLE;
          const invokeID = c.nextInvokeID();
          const from = c.messages.length;
          const frame = new Uint8Array(12);
          const dv = new DataView(frame.buffer);
          dv.setUint32(0, 4);
          dv.setUint32(4, type);
          dv.setUint32(8, invokeID);
          c.sendRaw(frame);
          await c.until(() => c.messages.slice(from).some((x) => (x as Msg).invokeID === invokeID));
          reply = c.messages.slice(from).find((x) => (x as Msg).invokeID === invokeID) as Msg;
        }
        sent.push(reply.invokeID as number);
        const got =
          reply.type === "FAILURE_CONF"
            ? (reply.status as number)
            : reply.type === "CONTROL_FAILURE_CONF"
              ? "control"
              : reply.type === name.replace(/_REQ$/, "_CONF")
                ? "conf"
                : reply.type;
        seen.push(`${name} → ${typeof got === "number" ? E[got] : got}`);
        expect(`${name} → ${typeof got === "number" ? E[got] : got}`).toBe(
          `${name} → ${typeof expected === "number" ? E[expected] : expected}`,
        );
        if (name === "MONITOR_START_REQ") ctx.monitorID = reply.monitorID as number;
        if (name === "SESSION_MONITOR_START_REQ") ctx.sessionMonitorID = reply.monitorID as number;
        if (name === "MONITOR_AGENT_TEAM_START_REQ") ctx.teamMonitorID = reply.monitorID as number;
        if (name === "REGISTER_SERVICE_REQ") ctx.serviceID = reply.registeredServiceID as number;
        if (name === "START_RECORDING_REQ") ctx.recordingID = reply.sessionID as number;
      }
      // Exactly one reply each: everything before this heartbeat's confirmation has been answered.
      const last = await ask(c, { type: "HEARTBEAT_REQ" });
      expect(last.type).toBe("HEARTBEAT_CONF");
      for (const id of sent) {
        const replies = c.messages.filter((x) => (x as Msg).invokeID === id && /_CONF$/.test(x.type));
        expect(replies.length, `InvokeID ${id}`).toBe(1);
      }
      expect(seen.length).toBe(ALL_REQUESTS.length);
      expect(c.closed).toBe(false);
      // the peer got the USER_MESSAGE_EVENT
      const um = (await peer.next("USER_MESSAGE_EVENT")) as Msg;
      expect([um.clientID, um.text, um.distribution]).toEqual(["test", "hello", 0]);
    });
  }
});

describe("supervisor service", () => {
  async function setup() {
    const clock = new ManualClock();
    const s = await sim({ clock, agents: 10 });
    clock.advance(1000); // every agent logged in (NOT_READY)
    const sup = await client(s.portA);
    const conf = (await sup.open({ servicesRequested: 0x1 | 0x4 | 0x80, peripheralID: 5000, agentID: "1001" })) as Msg;
    const agent = await client(s.portA);
    await agent.open({ clientID: "agent", servicesRequested: 0x1 | 0x4, peripheralID: 5000, agentID: "1002" });
    return { clock, s, sup, conf, agent };
  }

  test("OPEN_CONF grants it to a supervisor; AGENT_TEAM_CONFIG_EVENT lists the team, and its changes", async () => {
    const { s, sup, conf } = await setup();
    expect(conf.servicesGranted).toBe(0x1 | 0x4 | 0x80);
    const ev = (await sup.next("AGENT_TEAM_CONFIG_EVENT")) as Msg;
    expect([ev.teamID, ev.configOperation, ev.agentTeamName]).toEqual([9001, 0, "Team 1"]);
    const members = ev.agents as { atcAgentID: string; agentFlags: number; atcAgentState: number }[];
    expect(members.map((a) => a.atcAgentID)).toEqual(["1001", "1002", "1003", "1004", "1005"]);
    expect(members[0]?.agentFlags).toBe(0x5); // primary supervisor
    expect(members[1]?.agentFlags).toBe(0);
    expect(members[1]?.atcAgentState).toBe(2); // NOT_READY
    const from = sup.messages.length;
    expect(s.contactCenter.addTeamMember(9001, "1009")).toBe(true);
    const added = (await sup.next("AGENT_TEAM_CONFIG_EVENT", from)) as Msg;
    expect(added.configOperation).toBe(1);
    expect((added.agents as { atcAgentID: string }[]).map((a) => a.atcAgentID)).toEqual(["1009"]);
    const list = await ask(sup, { type: "LIST_AGENT_TEAM_REQ", supervisorID: 5001 });
    expect([list.type, list.agentTeams, list.more]).toEqual(["LIST_AGENT_TEAM_CONF", [9001], 0]);
    expect((await ask(sup, { type: "LIST_AGENT_TEAM_REQ", supervisorID: 5002 })).status).toBe(
      E.E_CTI_SUPERVISOR_NOT_FOUND,
    );
  });

  test("team monitor: members' AGENT_STATE_EVENTs carry its MonitorID until it stops", async () => {
    const { sup, agent } = await setup();
    const start = await ask(sup, { type: "MONITOR_AGENT_TEAM_START_REQ", teamID: 9001 });
    expect(start.type).toBe("MONITOR_AGENT_TEAM_START_CONF");
    expect((await ask(sup, { type: "MONITOR_AGENT_TEAM_START_REQ", teamID: 9001 })).status).toBe(
      E.E_CTI_AGENT_TEAM_MONITOR_ALREADY_EXISTS,
    );
    expect((await ask(sup, { type: "MONITOR_AGENT_TEAM_START_REQ", teamID: 9002 })).status).toBe(
      E.E_CTI_TEAM_NOT_FOUND,
    );
    const from = sup.messages.length;
    await ask(agent, {
      type: "SET_AGENT_STATE_REQ",
      peripheralID: 5000,
      agentState: 3,
      agentWorkMode: 0,
      eventReasonCode: 0,
      forcedFlag: 0,
      agentServiceReq: 0,
    });
    const ev = (await sup.next("AGENT_STATE_EVENT", from)) as Msg;
    expect([ev.monitorID, ev.agentID, ev.agentState]).toEqual([start.monitorID, "1002", 3]);
    const stop = await ask(sup, { type: "MONITOR_AGENT_TEAM_STOP_REQ", monitorID: start.monitorID });
    expect(stop.type).toBe("MONITOR_AGENT_TEAM_STOP_CONF");
  });

  test("SUPERVISE_CALL_REQ barge-in and clear; SUPERVISOR_ASSIST_REQ calls the supervisor; EMERGENCY_CALL_REQ", async () => {
    const { clock, s, sup, agent } = await setup();
    const made = await ask(agent, { type: "MAKE_CALL_REQ", peripheralID: 5000, dialedNumber: "5551234" });
    expect(made.type).toBe("MAKE_CALL_CONF");
    const callID = made.newConnectionCallID as number;
    // before the far end answers there is no active call to supervise
    expect(
      (await ask(sup, { type: "SUPERVISE_CALL_REQ", peripheralID: 5000, agentID: "1002", supervisoryAction: 3 }))
        .status,
    ).toBe(E.E_CTI_NO_CALL_ACTIVE);
    clock.advance(4000); // the far end answers
    const from = sup.messages.length;
    const barge = await ask(sup, {
      type: "SUPERVISE_CALL_REQ",
      peripheralID: 5000,
      agentID: "1002",
      supervisoryAction: 3,
    });
    expect([barge.type, barge.connectionCallID, barge.connectionDeviceID]).toEqual([
      "SUPERVISE_CALL_CONF",
      callID,
      "2001",
    ]);
    const conf = (await sup.next("CALL_CONFERENCED_EVENT", from)) as Msg;
    expect(conf.addedPartyDeviceID).toBe("2001");
    expect(s.contactCenter.calls.get(callID)?.parties.map((p) => p.device)).toEqual(["2002", "5551234", "2001"]);
    expect(
      (await ask(sup, { type: "SUPERVISE_CALL_REQ", peripheralID: 5000, agentID: "1002", supervisoryAction: 9 }))
        .status,
    ).toBe(E.E_CTI_INVALID_SUPERVISORY_ACTION);
    const clear = await ask(sup, {
      type: "SUPERVISE_CALL_REQ",
      peripheralID: 5000,
      supervisorConnectionCallID: callID,
      supervisoryAction: 0,
    });
    expect(clear.type).toBe("SUPERVISE_CALL_CONF");
    expect(s.contactCenter.calls.get(callID)?.parties.map((p) => p.device)).toEqual(["2002", "5551234"]);
    // assist: a consultation call from the agent to the supervisor's phone
    const from2 = sup.messages.length;
    const assist = await ask(agent, { type: "SUPERVISOR_ASSIST_REQ", peripheralID: 5000, connectionCallID: callID });
    expect(assist.type).toBe("SUPERVISOR_ASSIST_CONF");
    const consult = s.contactCenter.calls.get(assist.connectionCallID as number);
    expect([consult?.callType, consult?.parties.map((p) => p.device)]).toEqual([19, ["2002", "2001"]]); // CALLTYPE_ASSIST
    const delivered = (await sup.next("CALL_DELIVERED_EVENT", from2)) as Msg;
    expect(delivered.alertingDeviceID).toBe("2001");
    // emergency: the supervisor is busy now, but still learns of it
    const from3 = sup.messages.length;
    const em = await ask(agent, { type: "EMERGENCY_CALL_REQ", peripheralID: 5000, connectionCallID: callID });
    expect([em.type, em.status]).toEqual(["FAILURE_CONF", E.E_CTI_SUPERVISOR_NOT_FOUND]);
    const ev = (await sup.next("EMERGENCY_CALL_EVENT", from3)) as Msg;
    expect([ev.agentID, ev.connectionCallID, ev.clientID]).toEqual(["1002", callID, "agent"]);
  });

  test("without the service: supervisor requests → E_CTI_FUNCTION_NOT_AVAILABLE; USER_MESSAGE to the supervisor", async () => {
    const { sup, agent } = await setup();
    expect((await ask(agent, { type: "MONITOR_AGENT_TEAM_START_REQ", teamID: 9001 })).status).toBe(
      E.E_CTI_FUNCTION_NOT_AVAILABLE,
    );
    const um = await ask(agent, { type: "USER_MESSAGE_REQ", peripheralID: 5000, distribution: 1, text: "help" });
    expect(um.type).toBe("USER_MESSAGE_CONF");
    const ev = (await sup.next("USER_MESSAGE_EVENT")) as Msg;
    expect([ev.clientID, ev.text, ev.distribution]).toEqual(["agent", "help", 1]);
  });
});
