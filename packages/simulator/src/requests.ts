/**
 * The answers to a client's requests once its session is open: every request type of the guide
 * gets exactly one reply, the request's _CONF where the simulated contact center has the concept
 * (agents, calls, skill groups, teams and supervisors, call data, monitors), otherwise the
 * FAILURE_CONF (or, for Client Control failures, CONTROL_FAILURE_CONF) the guide gives.
 */
import type { CtiMessage } from "ctiwire";
import {
  CallType,
  ControlFailureCode as CF,
  StatusCode as E,
  messageSpec,
  messageTypeName,
  PROTOCOL_VERSIONS,
  type ProtocolVersion,
  CTIServiceMask as SVC,
} from "ctiwire";
import type { Props } from "./build.js";
import { type Agent, type ContactCenter, PT_ENTERPRISE_AGENT, type Reply } from "./contact-center.js";
import type { Monitor, Session } from "./session.js";

export const NULL_ID = 0xffffffff;

/** What the request handlers need of the server. */
export interface RequestHost {
  readonly contactCenter: ContactCenter;
  readonly heartbeatsStopped: boolean;
  send(s: Session, name: string, props: Props, event?: boolean): void;
  /** CLOSE_REQ: the session ends and the connection closes once CLOSE_CONF is flushed. */
  close(s: Session): void;
  /** Open sessions on the active side. */
  activeSessions(): Session[];
  nextMonitorID(): number;
  nextID(): number;
  now(): number;
}

/** Client Control service requests: they need CTI_SERVICE_CLIENT_CONTROL (IGNORE_CONF drops their confirmations). */
export const CONTROL_REQUESTS: ReadonlySet<string> = new Set([
  "SET_AGENT_STATE_REQ",
  "ALTERNATE_CALL_REQ",
  "ANSWER_CALL_REQ",
  "CLEAR_CALL_REQ",
  "CLEAR_CONNECTION_REQ",
  "CONFERENCE_CALL_REQ",
  "CONSULTATION_CALL_REQ",
  "DEFLECT_CALL_REQ",
  "HOLD_CALL_REQ",
  "MAKE_CALL_REQ",
  "MAKE_PREDICTIVE_CALL_REQ",
  "RECONNECT_CALL_REQ",
  "RETRIEVE_CALL_REQ",
  "TRANSFER_CALL_REQ",
  "SEND_DTMF_SIGNAL_REQ",
  "SUPERVISOR_ASSIST_REQ",
  "EMERGENCY_CALL_REQ",
  "BAD_CALL_REQ",
  "AGENT_GREETING_CONTROL_REQ",
  "START_NETWORK_RECORDING_REQ",
  "STOP_NETWORK_RECORDING_REQ",
]);

/** Supervisor service requests: they need CTI_SERVICE_SUPERVISOR. */
const SUPERVISOR_REQUESTS: ReadonlySet<string> = new Set([
  "SUPERVISE_CALL_REQ",
  "LIST_AGENT_TEAM_REQ",
  "MONITOR_AGENT_TEAM_START_REQ",
  "MONITOR_AGENT_TEAM_STOP_REQ",
]);

/** Call Data Update service requests: they need CTI_SERVICE_CALL_DATA_UPDATE. */
const CALL_DATA_REQUESTS: ReadonlySet<string> = new Set([
  "SET_CALL_DATA_REQ",
  "RELEASE_CALL_REQ",
  "SET_DEVICE_ATTRIBUTES_REQ",
]);

const CF_DEV = CF.CF_INVALID_CSTA_DEVICE_IDENTIFIER;
const CF_CALL = CF.CF_INVALID_CSTA_CALL_IDENTIFIER;
const CALL_VARIABLE_BITS = 0x3ff;

function reply(h: RequestHost, s: Session, invokeID: number): Reply {
  return {
    conf: (name, props = {}) => {
      if (s.services & SVC.CTI_SERVICE_IGNORE_CONF && CONTROL_REQUESTS.has(name.replace(/_CONF$/, "_REQ"))) return;
      h.send(s, name, { ...props, invokeID });
    },
    controlFailure: (code) =>
      h.send(s, "CONTROL_FAILURE_CONF", { invokeID, failureCode: code, peripheralErrorCode: 0 }),
    failure: (status) => h.send(s, "FAILURE_CONF", { invokeID, status }),
  };
}

/** A reply whose confirmation is renamed and reshaped (a request carried out by another operation). */
function renamed(r: Reply, name: string, shape: (p: Props) => Props): Reply {
  return { ...r, conf: (_n, p = {}) => r.conf(name, shape(p)) };
}

/** Handles one decoded request of an open session: exactly one reply (none for unknown non-requests). */
export function handleRequest(h: RequestHost, s: Session, msg: CtiMessage, invokeID: number) {
  const m = msg as CtiMessage & Record<string, unknown>;
  const r = reply(h, s, invokeID);
  const cc = h.contactCenter;
  const str = (k: string) => (typeof m[k] === "string" && m[k] !== "" ? (m[k] as string) : undefined);
  const num = (k: string) => (typeof m[k] === "number" ? (m[k] as number) : 0);
  const given = (k: string) => num(k) !== 0 && num(k) !== NULL_ID;
  switch (m.type) {
    case "HEARTBEAT_REQ":
      if (!h.heartbeatsStopped) h.send(s, "HEARTBEAT_CONF", { invokeID });
      return;
    case "CLOSE_REQ":
      h.send(s, "CLOSE_CONF", { invokeID });
      h.close(s);
      return;
    case "OPEN_REQ":
      return r.failure(E.E_CTI_SESSION_ALREADY_OPEN);
  }
  if (s.standby) {
    if (m.type !== "UNKNOWN") r.failure(E.E_CTI_SERVER_NOT_MASTER);
    return;
  }
  if ("peripheralID" in m && m.peripheralID !== cc.peripheralID && m.peripheralID !== NULL_ID) {
    if (m.type !== "MONITOR_START_REQ" || m.peripheralID !== 0) return r.failure(E.E_CTI_INVALID_PERIPHERAL_ID);
  }
  if (CONTROL_REQUESTS.has(m.type)) {
    if (!(s.services & SVC.CTI_SERVICE_CLIENT_CONTROL)) return r.failure(E.E_CTI_FUNCTION_NOT_AVAILABLE);
    // "only agent state change is allowed"
    if (s.services & SVC.CTI_AGENT_STATE_CONTROL_ONLY && m.type !== "SET_AGENT_STATE_REQ") {
      return r.failure(E.E_CTI_FUNCTION_NOT_AVAILABLE);
    }
  }
  if (SUPERVISOR_REQUESTS.has(m.type) && !(s.services & SVC.CTI_SERVICE_SUPERVISOR)) {
    return r.failure(E.E_CTI_FUNCTION_NOT_AVAILABLE);
  }
  if (CALL_DATA_REQUESTS.has(m.type) && !(s.services & SVC.CTI_SERVICE_CALL_DATA_UPDATE)) {
    return r.failure(E.E_CTI_FUNCTION_NOT_AVAILABLE);
  }

  /** The agent a control request is about: its AgentInstrument, else the session's agent. */
  const target = (unknownCode: number): Agent | null | undefined => {
    const instrument = str("agentInstrument");
    if (instrument) {
      const a = cc.agentByDevice(instrument);
      if (!a) {
        r.controlFailure(unknownCode);
        return null;
      }
      if (s.agent && s.agent !== a) {
        r.controlFailure(CF.CF_PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE);
        return null;
      }
      return a;
    }
    return s.agent;
  };
  /** The agent named by AgentExtension/AgentID/AgentInstrument (or ICMAgentID), else the session's agent. */
  const named = (): Agent | undefined => {
    const q = {
      instrument: str("agentInstrument"),
      extension: str("agentExtension"),
      agentID: str("agentID"),
      icmAgentID: num("icmAgentID"),
    };
    if (q.instrument || q.extension || q.agentID || q.icmAgentID > 0) return cc.findAgent(q);
    return s.agent;
  };

  switch (m.type) {
    // --- Client Control: agent state and queries ------------------------------------------------
    case "QUERY_AGENT_STATE_REQ": {
      const a = cc.findAgent({
        instrument: str("agentInstrument"),
        extension: str("agentExtension"),
        agentID: str("agentID"),
        icmAgentID: num("icmAgentID"),
      });
      if (!a) return r.failure(E.E_CTI_INVALID_AGENT_DATA);
      return cc.queryAgentState(a, r);
    }
    case "SET_AGENT_STATE_REQ": {
      const a = target(CF.CF_INVALID_LOGON_DEVICE_SPECIFIED);
      if (a === null) return;
      if (!a) return r.controlFailure(CF.CF_INVALID_LOGON_DEVICE_SPECIFIED);
      return cc.setAgentState(
        a,
        { agentState: num("agentState"), agentID: str("agentID"), eventReasonCode: num("eventReasonCode") },
        r,
      );
    }
    case "QUERY_DEVICE_INFO_REQ": {
      const dev = str("agentInstrument");
      if (!dev || !cc.agentByDevice(dev)) return r.controlFailure(CF_DEV);
      return r.conf("QUERY_DEVICE_INFO_CONF", {
        peripheralType: PT_ENTERPRISE_AGENT,
        typeOfDevice: 0, // DEVT_STATION
        classOfDevice: 0x4, // voice
        lines: [{ lineHandle: 0, lineType: 0 }],
        maxActiveCalls: 2,
        maxHeldCalls: 1,
        maxDevicesInConference: 6,
        makeCallSetup: 0,
        transferConferenceSetup: 0x3,
        callEventsSupported: 0x1ffff,
        callControlSupported: 0x3fff,
        otherFeaturesSupported: 0,
      });
    }
    case "SNAPSHOT_CALL_REQ":
      return cc.snapshotCall(num("connectionCallID"), r);
    case "SNAPSHOT_DEVICE_REQ":
      return cc.snapshotDevice(str("agentInstrument") ?? "", r);

    // --- Client Control: calls ---------------------------------------------------------------------
    case "ANSWER_CALL_REQ":
    case "HOLD_CALL_REQ":
    case "CLEAR_CALL_REQ":
    case "CLEAR_CONNECTION_REQ": {
      const a = target(CF_DEV);
      if (a === null) return;
      const args = [a, num("connectionCallID"), str("connectionDeviceID"), r] as const;
      if (m.type === "ANSWER_CALL_REQ") return cc.answerCall(...args);
      if (m.type === "HOLD_CALL_REQ") return cc.holdCall(...args);
      if (m.type === "CLEAR_CALL_REQ") return cc.clearCall(...args);
      return cc.clearConnection(...args);
    }
    case "RETRIEVE_CALL_REQ": {
      const a = target(CF_DEV);
      if (a === null) return;
      return cc.retrieveCall(a, num("heldConnectionCallID"), str("heldConnectionDeviceID"), r);
    }
    case "MAKE_CALL_REQ": {
      const a = target(CF.CF_INVALID_CALLING_DEVICE);
      if (a === null) return;
      if (!a) return r.controlFailure(CF.CF_INVALID_CALLING_DEVICE);
      return cc.makeCall(a, { dialedNumber: str("dialedNumber") ?? "", vars: m }, r);
    }
    case "MAKE_PREDICTIVE_CALL_REQ":
      return cc.makePredictiveCall({ dialedNumber: str("dialedNumber") ?? "", vars: m }, r);
    case "CONSULTATION_CALL_REQ": {
      const dev = str("activeConnectionDeviceID");
      const a = target(CF_DEV) ?? (dev ? cc.agentByDevice(dev) : undefined);
      if (a === null) return;
      if (!a) return r.controlFailure(CF_DEV);
      return cc.consultationCall(
        a,
        {
          activeCallID: num("activeConnectionCallID"),
          activeDevice: dev,
          dialedNumber: str("dialedNumber") ?? "",
          vars: m,
        },
        r,
      );
    }
    case "TRANSFER_CALL_REQ":
    case "CONFERENCE_CALL_REQ":
    case "RECONNECT_CALL_REQ": {
      const dev = str("activeConnectionDeviceID");
      const a = target(CF_DEV) ?? (dev ? cc.agentByDevice(dev) : undefined);
      if (a === null) return;
      if (!a) return r.controlFailure(CF_DEV);
      const req = {
        heldCallID: num("heldConnectionCallID"),
        activeCallID: num("activeConnectionCallID"),
        heldDevice: str("heldConnectionDeviceID"),
        activeDevice: dev,
      };
      if (m.type === "TRANSFER_CALL_REQ") return cc.transferCall(a, req, r);
      if (m.type === "CONFERENCE_CALL_REQ") return cc.conferenceCall(a, req, r);
      return cc.reconnectCall(a, req, r);
    }
    case "ALTERNATE_CALL_REQ": {
      const a = target(CF_DEV);
      if (a === null) return;
      return cc.alternateCall(
        a,
        {
          activeCallID: num("activeConnectionCallID"),
          activeDevice: str("activeConnectionDeviceID"),
          otherCallID: num("otherConnectionCallID"),
          otherDevice: str("otherConnectionDeviceID"),
        },
        r,
      );
    }
    case "DEFLECT_CALL_REQ": {
      const a = target(CF_DEV);
      if (a === null) return;
      return cc.deflectCall(a, num("connectionCallID"), str("connectionDeviceID"), str("calledDeviceID") ?? "", r);
    }
    case "SEND_DTMF_SIGNAL_REQ": {
      const a = target(CF_DEV);
      if (a === null) return;
      return cc.sendDTMF(a, num("connectionCallID"), str("connectionDeviceID"), str("dtmfString") ?? "", r);
    }
    case "BAD_CALL_REQ": {
      const call = cc.calls.get(num("connectionCallID"));
      if (!call || call.ended) return r.controlFailure(CF_CALL);
      return r.conf("BAD_CALL_CONF");
    }
    case "AGENT_GREETING_CONTROL_REQ": {
      const a = str("agentID") ? cc.findAgent({ agentID: str("agentID") }) : s.agent;
      if (!a) return r.failure(E.E_CTI_INVALID_AGENT_DATA);
      return r.conf("AGENT_GREETING_CONTROL_CONF");
    }
    case "START_NETWORK_RECORDING_REQ":
    case "STOP_NETWORK_RECORDING_REQ": {
      const call = cc.calls.get(num("connectionCallID"));
      if (!call || call.ended) return r.controlFailure(CF_CALL);
      return r.conf(m.type.replace(/_REQ$/, "_CONF"));
    }
    case "SUPERVISOR_ASSIST_REQ":
    case "EMERGENCY_CALL_REQ":
      return assist(h, s, m, r, named());

    // --- Call Data Update --------------------------------------------------------------------------
    case "SET_CALL_DATA_REQ":
      if (!cc.setCallData(num("connectionCallID"), m, r)) r.failure(E.E_CTI_INVALID_CALLID);
      return;
    case "RELEASE_CALL_REQ": {
      const call = cc.calls.get(num("connectionCallID"));
      if (!call || call.ended) return r.failure(E.E_CTI_INVALID_CALLID);
      return r.conf("RELEASE_CALL_CONF");
    }
    case "SET_DEVICE_ATTRIBUTES_REQ": {
      const dev = str("callingDeviceID");
      if (!dev || !cc.agentByDevice(dev)) return r.failure(E.E_CTI_INVALID_DEVICE);
      if (
        (given("skillGroupNumber") || given("skillGroupID")) &&
        !cc.skillGroup(num("skillGroupNumber"), num("skillGroupID"))
      ) {
        return r.failure(E.E_CTI_INVALID_SKILL_GROUP);
      }
      return r.conf("SET_DEVICE_ATTRIBUTES_CONF");
    }

    // --- Peripheral Monitor and Client Monitor -----------------------------------------------------
    case "MONITOR_START_REQ": {
      if (!(s.services & SVC.CTI_SERVICE_PERIPHERAL_MONITOR)) return r.failure(E.E_CTI_FUNCTION_NOT_AVAILABLE);
      const device = str("monitoredDeviceID");
      const callID = num("connectionCallID");
      const hasCall = given("connectionCallID");
      if (device && hasCall) return r.failure(E.E_CTI_MUTUALLY_EXCLUS_DEVICEID_TYPES);
      if (!device && !hasCall) return r.failure(E.E_CTI_REQUIRED_DATA_MISSING);
      if (device && !cc.agentByDevice(device)) return r.failure(E.E_CTI_INVALID_DEVICE);
      if (hasCall && !cc.calls.has(callID)) return r.failure(E.E_CTI_INVALID_CALLID);
      const dev = device ? (cc.agentByDevice(device) as Agent).extension : undefined;
      if (s.monitors.some((x) => (dev && x.device === dev) || (hasCall && x.callID === callID))) {
        return r.failure(E.E_CTI_MONITOR_ALREADY_EXISTS);
      }
      const mon: Monitor = {
        id: h.nextMonitorID(),
        device: dev,
        callID: hasCall ? callID : undefined,
        callMsgMask: num("callMsgMask") >>> 0,
        agentStateMask: num("agentStateMask") >>> 0,
      };
      s.monitors.push(mon);
      return r.conf("MONITOR_START_CONF", { monitorID: mon.id });
    }
    case "MONITOR_STOP_REQ": {
      const i = s.monitors.findIndex((x) => x.id === num("monitorID") && x.teamID === undefined);
      if (i < 0) return r.failure(E.E_CTI_INVALID_MONITORID);
      s.monitors.splice(i, 1);
      return r.conf("MONITOR_STOP_CONF");
    }
    case "CHANGE_MONITOR_MASK_REQ": {
      const mon = s.monitors.find((x) => x.id === num("monitorID"));
      if (!mon) return r.failure(E.E_CTI_INVALID_MONITORID);
      mon.callMsgMask = num("callMsgMask") >>> 0;
      mon.agentStateMask = num("agentStateMask") >>> 0;
      return r.conf("CHANGE_MONITOR_MASK_CONF");
    }
    case "SESSION_MONITOR_START_REQ": {
      if (!(s.services & SVC.CTI_SERVICE_CLIENT_MONITOR)) return r.failure(E.E_CTI_FUNCTION_NOT_AVAILABLE);
      const id = num("sessionID");
      if (id === s.id) return r.failure(E.E_CTI_SESSION_MONITOR_IS_CLIENTS);
      if (!h.activeSessions().some((x) => x.id === id)) return r.failure(E.E_CTI_CLIENT_NOT_FOUND);
      if ([...s.sessionMonitors.values()].includes(id)) return r.failure(E.E_CTI_SESSION_MONITOR_ALREADY_EXISTS);
      const monitorID = h.nextMonitorID();
      s.sessionMonitors.set(monitorID, id);
      return r.conf("SESSION_MONITOR_START_CONF", { monitorID });
    }
    case "SESSION_MONITOR_STOP_REQ":
      if (!s.sessionMonitors.delete(num("monitorID"))) return r.failure(E.E_CTI_INVALID_MONITORID);
      return r.conf("SESSION_MONITOR_STOP_CONF");

    // --- Supervisor ----------------------------------------------------------------------------------
    case "LIST_AGENT_TEAM_REQ": {
      const sup = given("supervisorID") ? cc.findAgent({ icmAgentID: num("supervisorID") }) : s.agent;
      const teams = sup ? cc.teamsSupervisedBy(sup) : [];
      if (teams.length === 0) return r.failure(E.E_CTI_SUPERVISOR_NOT_FOUND);
      // at most 64 TeamIDs a confirmation; More = 1 on all but the last
      for (let i = 0; i < teams.length; i += 64) {
        r.conf("LIST_AGENT_TEAM_CONF", {
          agentTeams: teams.slice(i, i + 64).map((t) => t.id), // a one-field group: plain TeamIDs
          segmentNumber: i / 64 + 1,
          more: i + 64 < teams.length ? 1 : 0,
        });
      }
      return;
    }
    case "MONITOR_AGENT_TEAM_START_REQ": {
      const team = cc.teamByID(num("teamID"));
      if (!team || !s.agent || team.supervisor !== s.agent) return r.failure(E.E_CTI_TEAM_NOT_FOUND);
      if (s.monitors.some((x) => x.teamID === team.id)) return r.failure(E.E_CTI_AGENT_TEAM_MONITOR_ALREADY_EXISTS);
      const mon: Monitor = {
        id: h.nextMonitorID(),
        teamID: team.id,
        callMsgMask: 0,
        agentStateMask: s.agentStateMask || 0x3fff,
      };
      s.monitors.push(mon);
      return r.conf("MONITOR_AGENT_TEAM_START_CONF", { monitorID: mon.id });
    }
    case "MONITOR_AGENT_TEAM_STOP_REQ": {
      const i = s.monitors.findIndex((x) => x.id === num("monitorID") && x.teamID !== undefined);
      if (i < 0) return r.failure(E.E_CTI_INVALID_MONITORID);
      s.monitors.splice(i, 1);
      return r.conf("MONITOR_AGENT_TEAM_STOP_CONF");
    }
    case "SUPERVISE_CALL_REQ":
      return superviseCall(h, s, m, r);

    // --- Miscellaneous -----------------------------------------------------------------------------
    case "CLIENT_EVENT_REPORT_REQ":
      return r.conf("CLIENT_EVENT_REPORT_CONF");
    case "USER_MESSAGE_REQ":
      return userMessage(h, s, m, r);
    case "REGISTER_VARIABLES_REQ":
      if ((num("callVariableMask") & ~CALL_VARIABLE_BITS) !== 0) return r.failure(E.E_CTI_INVALID_CALL_VARIABLE_MASK);
      return r.conf("REGISTER_VARIABLES_CONF");
    case "QUERY_AGENT_STATISTICS_REQ": {
      const a = named();
      if (!a) return r.failure(E.E_CTI_INVALID_AGENT_DATA);
      return r.conf("QUERY_AGENT_STATISTICS_CONF", cc.agentStatistics(a));
    }
    case "QUERY_SKILL_GROUP_STATISTICS_REQ": {
      const g = cc.skillGroup(num("skillGroupNumber"), num("skillGroupID"));
      if (!g) return r.failure(E.E_CTI_INVALID_SKILL_GROUP);
      return r.conf("QUERY_SKILL_GROUP_STATISTICS_CONF", cc.skillGroupStatistics(g));
    }
    case "SET_APP_DATA_REQ":
      return r.conf("SET_APP_DATA_CONF");
    case "AGENT_DESK_SETTINGS_REQ": {
      const a = str("agentID") ? cc.findAgent({ agentID: str("agentID") }) : s.agent;
      if (!a) return r.failure(E.E_CTI_INVALID_AGENT_DATA);
      return r.conf("AGENT_DESK_SETTINGS_CONF", {
        peripheralID: cc.peripheralID,
        deskSettingsMask: 0,
        wrapupDataIncomingMode: 1, // optional
        wrapupDataOutgoingMode: 1,
        logoutNonActivityTime: 0,
        qualityRecordingRate: 0,
        ringNoAnswerTime: 15,
        silentMonitorWarningMessage: 0,
        silentMonitorAudibleIndication: 0,
        supervisorAssistCallMethod: 0, // consultative call
        emergencyCallMethod: 0,
        autoRecordOnEmergency: 0,
        recordingMode: 0,
        workModeTimer: 0,
        ringNoAnswerDN: 0,
      });
    }
    case "START_RECORDING_REQ": {
      const call = cc.calls.get(num("connectionCallID"));
      if (!call || call.ended) return r.failure(E.E_CTI_INVALID_CALLID);
      const sessionID = h.nextID();
      s.recordings.add(sessionID);
      return r.conf("START_RECORDING_CONF", {
        sessionID,
        serverData: sessionID,
        clientID: str("clientID"),
        clientAddress: str("clientAddress"),
      });
    }
    case "STOP_RECORDING_REQ":
      if (!s.recordings.delete(num("sessionID"))) return r.failure(E.E_CTI_INVALID_OBJECT_STATE);
      return r.conf("STOP_RECORDING_CONF", { clientID: str("clientID"), clientAddress: str("clientAddress") });
    case "SET_AGENT_SERVICE_DATA_REQ":
      return r.conf("SET_AGENT_SERVICE_DATA_CONF", { status: E.E_CTI_NO_ERROR });

    // --- Server ------------------------------------------------------------------------------------
    case "REGISTER_SERVICE_REQ": {
      if (!(s.services & SVC.CTI_SERVICE_SERVER)) return r.failure(E.E_CTI_FUNCTION_NOT_AVAILABLE);
      const name = str("serviceName");
      if (!name) return r.failure(E.E_CTI_REQUIRED_DATA_MISSING);
      const registeredServiceID = h.nextID();
      s.registeredServices.set(registeredServiceID, name);
      return r.conf("REGISTER_SERVICE_CONF", { registeredServiceID });
    }
    case "UNREGISTER_SERVICE_REQ":
      if (!(s.services & SVC.CTI_SERVICE_SERVER)) return r.failure(E.E_CTI_FUNCTION_NOT_AVAILABLE);
      if (!s.registeredServices.delete(num("registeredServiceID"))) return r.failure(E.E_CTI_INVALID_SERVICE);
      return r.conf("UNREGISTER_SERVICE_CONF");
  }
  if (m.type === "UNKNOWN") {
    // A request the guide names without a layout (the ARM and task messages, AGENT_TEAM_CONFIG_REQ,
    // TEAM_CONFIG_REQ): refused as not granted. Any other number is not a message of this version.
    const name = messageTypeName(m.messageType);
    if (name !== undefined && /_REQ$/.test(name) && isLayoutless(name))
      return r.failure(E.E_CTI_FUNCTION_NOT_AVAILABLE);
    return r.failure(E.E_CTI_INVALID_MSG_TYPE_FOR_VERSION);
  }
  // A message the server does not take from a client (an event, a confirmation).
  if (messageSpec(m.type, s.version as ProtocolVersion)?.fixed[1]?.name === "InvokeID") {
    r.failure(E.E_CTI_FUNCTION_NOT_AVAILABLE);
  }
}

/** A request type the guide names but documents at no version (so no version can decode it). */
function isLayoutless(name: string): boolean {
  for (const v of PROTOCOL_VERSIONS) if (messageSpec(name, v)) return false;
  return true;
}

/** The open Supervisor-service session of the supervisor of one of the agent's teams. */
function supervisorSessions(h: RequestHost, supervisor: Agent | undefined): Session[] {
  if (!supervisor) return [];
  return h.activeSessions().filter((x) => x.agent === supervisor && x.services & SVC.CTI_SERVICE_SUPERVISOR);
}

/**
 * SUPERVISOR_ASSIST_REQ and EMERGENCY_CALL_REQ: a call to the agent's team supervisor (a
 * consultation when the agent is on a call). EMERGENCY_CALL_EVENT goes to bridge (ALL_EVENTS) and
 * supervisor sessions whether or not a supervisor is found.
 */
function assist(h: RequestHost, s: Session, m: Record<string, unknown> & CtiMessage, r: Reply, a: Agent | undefined) {
  const cc = h.contactCenter;
  if (!a) return r.failure(E.E_CTI_INVALID_AGENT_DATA);
  const emergency = m.type === "EMERGENCY_CALL_REQ";
  const callID = typeof m.connectionCallID === "number" ? m.connectionCallID : 0;
  const call = callID !== 0 && callID !== NULL_ID ? cc.calls.get(callID) : cc.activeCallOf(a);
  const team = cc.teamsOf(a).find((t) => t.supervisor && t.supervisor !== a);
  const sup = team?.supervisor;
  if (emergency) {
    const ev: Props = {
      peripheralID: cc.peripheralID,
      connectionCallID: call?.id ?? 0,
      connectionDeviceIDType: 0,
      sessionID: s.id,
      connectionDeviceID: call ? a.extension : "",
      clientID: s.clientID,
      clientAddress: s.remoteAddress,
      agentExtension: a.extension,
      agentID: a.agentID,
      agentInstrument: a.instrument,
    };
    const to = new Set([
      ...h.activeSessions().filter((x) => x.services & SVC.CTI_SERVICE_ALL_EVENTS),
      ...supervisorSessions(h, sup),
    ]);
    for (const x of to) if (x !== s) h.send(x, "EMERGENCY_CALL_EVENT", ev, true);
  }
  if (!team) return r.failure(E.E_CTI_TEAM_NOT_FOUND);
  if (!sup || supervisorSessions(h, sup).length === 0 || !cc.loggedIn(sup) || cc.callsOf(sup).length > 0) {
    return r.failure(E.E_CTI_SUPERVISOR_NOT_FOUND);
  }
  const confName = emergency ? "EMERGENCY_CALL_CONF" : "SUPERVISOR_ASSIST_CONF";
  const callType = emergency ? CallType.CALLTYPE_EMERGENCY : CallType.CALLTYPE_ASSIST;
  const rr = renamed(r, confName, (p) => ({
    connectionCallID: p.newConnectionCallID,
    connectionDeviceIDType: p.newConnectionDeviceIDType,
    connectionDeviceID: p.newConnectionDeviceID,
    lineHandle: p.lineHandle,
    lineType: p.lineType,
  }));
  const req = { dialedNumber: sup.extension, vars: {}, callType };
  if (call && !call.ended) return cc.consultationCall(a, { ...req, activeCallID: call.id }, rr);
  return cc.makeCall(a, req, rr);
}

function superviseCall(h: RequestHost, s: Session, m: Record<string, unknown> & CtiMessage, r: Reply) {
  const cc = h.contactCenter;
  const str = (k: string) => (typeof m[k] === "string" && m[k] !== "" ? (m[k] as string) : undefined);
  const num = (k: string) => (typeof m[k] === "number" ? (m[k] as number) : 0);
  const supInstrument = str("supervisorInstrument");
  const sup = s.agent ?? (supInstrument ? cc.agentByDevice(supInstrument) : undefined);
  if (!sup) return r.failure(E.E_CTI_REQUIRED_DATA_MISSING);
  const action = num("supervisoryAction");
  if (action > 4) return r.failure(E.E_CTI_INVALID_SUPERVISORY_ACTION);
  const byID = (k: string) => {
    const id = num(k);
    return id !== 0 && id !== NULL_ID ? cc.calls.get(id) : undefined;
  };
  const q = { agentID: str("agentID"), extension: str("agentExtension"), instrument: str("agentInstrument") };
  const agent = q.agentID || q.extension || q.instrument ? cc.findAgent(q) : undefined;
  if ((q.agentID || q.extension || q.instrument) && !agent) return r.failure(E.E_CTI_INVALID_AGENT_DATA);
  if (action === 0) {
    const call = byID("supervisorConnectionCallID") ?? byID("agentConnectionCallID") ?? cc.callsOf(sup)[0]?.call;
    if (!call) return r.failure(E.E_CTI_NO_CALL_ACTIVE);
    const status = cc.superviseCall(sup, call, action, r);
    if (status !== undefined) r.failure(status);
    return;
  }
  const call = byID("agentConnectionCallID") ?? (agent ? cc.activeCallOf(agent) : undefined);
  if (!call)
    return r.failure(
      agent || given(num("agentConnectionCallID")) ? E.E_CTI_NO_CALL_ACTIVE : E.E_CTI_REQUIRED_DATA_MISSING,
    );
  const onCall = call.parties.map((p) => p.agent).filter((x): x is Agent => !!x && x !== sup);
  const supervised = new Set(cc.teamsSupervisedBy(sup).flatMap((t) => t.members));
  if (!onCall.some((x) => supervised.has(x))) return r.failure(E.E_CTI_TEAM_NOT_FOUND);
  const status = cc.superviseCall(sup, call, action, r);
  if (status !== undefined) r.failure(status);
}

function given(n: number): boolean {
  return n !== 0 && n !== NULL_ID;
}

/** USER_MESSAGE_REQ: USER_MESSAGE_EVENT to the sessions its Distribution names. */
function userMessage(h: RequestHost, s: Session, m: Record<string, unknown> & CtiMessage, r: Reply) {
  const cc = h.contactCenter;
  const distribution = typeof m.distribution === "number" ? m.distribution : -1;
  const others = h.activeSessions().filter((x) => x !== s);
  let to: Session[];
  switch (distribution) {
    case 0: {
      // DISTRIBUTE_TO_CLIENT
      const id = typeof m.clientID === "string" ? m.clientID : "";
      to = others.filter((x) => x.clientID === id);
      if (to.length === 0) return r.failure(E.E_CTI_CLIENT_NOT_FOUND);
      break;
    }
    case 1: {
      // DISTRIBUTE_TO_SUPERVISOR
      const sups = s.agent ? cc.teamsOf(s.agent).map((t) => t.supervisor) : [];
      to = others.filter((x) => x.agent && sups.includes(x.agent) && x.services & SVC.CTI_SERVICE_SUPERVISOR);
      if (to.length === 0) return r.failure(E.E_CTI_SUPERVISOR_NOT_FOUND);
      break;
    }
    case 2: {
      // DISTRIBUTE_TO_TEAM: the teams the sender supervises or belongs to
      const teams = s.agent ? [...cc.teamsSupervisedBy(s.agent), ...cc.teamsOf(s.agent)] : [];
      if (teams.length === 0) return r.failure(E.E_CTI_TEAM_NOT_FOUND);
      const members = new Set(teams.flatMap((t) => t.members));
      to = others.filter((x) => x.agent && members.has(x.agent));
      break;
    }
    case 3: // DISTRIBUTE_TO_ALL
      to = others;
      break;
    default:
      return r.failure(E.E_CTI_INVALID_DISTRIBUTION_TYPE);
  }
  r.conf("USER_MESSAGE_CONF");
  const ev = {
    icmCentralControllerTime: Math.floor(h.now() / 1000),
    distribution,
    clientID: s.clientID,
    text: typeof m.text === "string" ? m.text : "",
  };
  for (const x of to) h.send(x, "USER_MESSAGE_EVENT", ev, true);
}
