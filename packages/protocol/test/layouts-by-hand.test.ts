/**
 * An independent, by-hand check of message layouts against Cisco's guide.
 *
 * Every expectation below was transcribed from the guide's own pipe tables (the complete copies at the end of
 * each chapter; the flattened prose drops cells), NOT from tools/extract or src/generated. To avoid slips of
 * the pen on ~165 tables, the rows were first flattened with a throw-away 40-line script of my own (join the
 * lines of a cell, strip "(optional)", remove white space in names), then every row the script could not read
 * cleanly (odd types, empty or wordy size cells, inline Notes, extra markers) was decided by hand; those
 * decisions carry a "Reading:" comment. Tags were looked up by hand in Ch 6 "Tag Values"
 * (06-constants-and-status-codes.md, pipe table "Floating Field Tag | Using Messages | Value").
 *
 * Conventions (from the brief): names are the guide's with line-wrap white space removed and "(optional)" /
 * "(required)" removed; "(optional)" means required: false, no marker means required: true; "NAMED VAR" is
 * NAMEDVAR; the row range "CallVariable1 … CallVariable10" is ten fields (CALL_VAR_1_TAG..CALL_VAR_10_TAG =
 * 13..22). Project decisions respected: network recording 267..274 (Ch 3) not 268..275 (Ch 5);
 * CONFIG_MRD_EVENT 254 (layout says 245); REGISTER_VARIABLES_CONF 111 (layout says 118).
 * Where the guide is ambiguous a field attribute is ANY (not asserted) or oneOf(...) (either reading accepted).
 *
 * Messages checked, protocol version 25 (source file in cti-server-v25-15.0/):
 *   03-messaging-conventions.md: FAILURE_CONF 1, FAILURE_EVENT 2
 *   04-session-management.md: OPEN_REQ 3, OPEN_CONF 4, HEARTBEAT_REQ 5, HEARTBEAT_CONF 6, CLOSE_REQ 7, CLOSE_CONF 8
 *   05-application-level-interfaces.md:
 *     call events: CALL_DELIVERED_EVENT 9, CALL_ESTABLISHED_EVENT 10, CALL_HELD_EVENT 11, CALL_RETRIEVED_EVENT 12,
 *       CALL_CLEARED_EVENT 13, CALL_CONNECTION_CLEARED_EVENT 14, CALL_ORIGINATED_EVENT 15, CALL_FAILED_EVENT 16,
 *       CALL_CONFERENCED_EVENT 17, CALL_TRANSFERRED_EVENT 18, CALL_DIVERTED_EVENT 19, CALL_SERVICE_INITIATED_EVENT 20,
 *       CALL_QUEUED_EVENT 21, CALL_TRANSLATION_ROUTE_EVENT 22, BEGIN_CALL_EVENT 23, END_CALL_EVENT 24,
 *       CALL_DATA_UPDATE_EVENT 25, CALL_REACHED_NETWORK_EVENT 34, CALL_DEQUEUED_EVENT 86, CALL_AGENT_GREETING_EVENT 248
 *     agent: AGENT_STATE_EVENT 30, QUERY_AGENT_STATE_REQ 36, QUERY_AGENT_STATE_CONF 37, SET_AGENT_STATE_REQ 38,
 *       SET_AGENT_STATE_CONF 39
 *     call data update: SET_CALL_DATA_REQ 26, SET_CALL_DATA_CONF 27, RELEASE_CALL_REQ 28, RELEASE_CALL_CONF 29,
 *       SET_DEVICE_ATTRIBUTES_REQ 141, SET_DEVICE_ATTRIBUTES_CONF 142
 *     client control: CONTROL_FAILURE_CONF 35, ALTERNATE_CALL_REQ/CONF 40/41, ANSWER_CALL_REQ/CONF 42/43,
 *       CLEAR_CALL_REQ/CONF 44/45, CLEAR_CONNECTION_REQ/CONF 46/47, CONFERENCE_CALL_REQ/CONF 48/49,
 *       CONSULTATION_CALL_REQ/CONF 50/51, DEFLECT_CALL_REQ/CONF 52/53, HOLD_CALL_REQ/CONF 54/55,
 *       MAKE_CALL_REQ/CONF 56/57, MAKE_PREDICTIVE_CALL_REQ/CONF 58/59, RECONNECT_CALL_REQ/CONF 60/61,
 *       RETRIEVE_CALL_REQ/CONF 62/63, TRANSFER_CALL_REQ/CONF 64/65, QUERY_DEVICE_INFO_REQ/CONF 78/79,
 *       SNAPSHOT_CALL_REQ/CONF 82/83, SNAPSHOT_DEVICE_REQ/CONF 84/85, SEND_DTMF_SIGNAL_REQ/CONF 91/92,
 *       BAD_CALL_REQ/CONF 139/140, AGENT_GREETING_CONTROL_REQ/CONF 249/250
 *     peripheral monitor: MONITOR_START_REQ/CONF 93/94, MONITOR_STOP_REQ/CONF 95/96, CHANGE_MONITOR_MASK_REQ/CONF 97/98
 *     client monitor: CLIENT_SESSION_OPENED_EVENT 99, CLIENT_SESSION_CLOSED_EVENT 100, SESSION_MONITOR_START_REQ/CONF
 *       101/102, SESSION_MONITOR_STOP_REQ/CONF 103/104
 *     supervisor: SUPERVISOR_ASSIST_REQ/CONF 118/119, EMERGENCY_CALL_REQ/CONF/EVENT 121/122/123,
 *       SUPERVISE_CALL_REQ/CONF 124/125, AGENT_TEAM_CONFIG_EVENT 128, LIST_AGENT_TEAM_REQ/CONF 133/134,
 *       MONITOR_AGENT_TEAM_START_REQ/CONF 135/136, MONITOR_AGENT_TEAM_STOP_REQ/CONF 137/138
 *     miscellaneous: SYSTEM_EVENT 31, CLIENT_EVENT_REPORT_REQ/CONF 32/33, AGENT_PRE_CALL_EVENT 105,
 *       AGENT_PRE_CALL_ABORT_EVENT 106, USER_MESSAGE_REQ/CONF 107/108, USER_MESSAGE_EVENT 109,
 *       REGISTER_VARIABLES_REQ/CONF 110/111, QUERY_AGENT_STATISTICS_REQ/CONF 112/113,
 *       QUERY_SKILL_GROUP_STATISTICS_REQ/CONF 114/115, RTP_STARTED_EVENT 116, RTP_STOPPED_EVENT 117,
 *       SET_APP_DATA_REQ/CONF 129/130, AGENT_DESK_SETTINGS_REQ/CONF 131/132, START_RECORDING_REQ/CONF 147/148,
 *       STOP_RECORDING_REQ/CONF 149/150, SET_AGENT_SERVICE_DATA_REQ/CONF 283/284
 *     server: REGISTER_SERVICE_REQ/CONF 143/144, UNREGISTER_SERVICE_REQ/CONF 145/146
 *     configuration: CONFIG_REQUEST_KEY_EVENT 230, CONFIG_KEY_EVENT 231, CONFIG_REQUEST_EVENT 232,
 *       CONFIG_BEGIN_EVENT 233, CONFIG_END_EVENT 234, CONFIG_SERVICE_EVENT 235, CONFIG_SKILL_GROUP_EVENT 236,
 *       CONFIG_AGENT_EVENT 237, CONFIG_DEVICE_EVENT 238, CONFIG_CALL_TYPE_EVENT 245, CONFIG_MRD_EVENT 254,
 *       CONFIG_PERIPHERAL_EVENT 260, CONFIG_AGENT_DESK_SETTINGS_EVENT 261, CONFIG_TERMINAL_EVENT 276,
 *       CONFIG_AGENT_SERVICE_EVENT 282
 *     network recording: START_NETWORK_RECORDING_REQ/CONF 267/268, STOP_NETWORK_RECORDING_REQ/CONF 269/270,
 *       NETWORK_RECORDING_STARTED/ENDED/FAILED/TARGET_INFO_EVENT 271/272/273/274
 *   CALL_ATTRIBUTE_CHANGE_EVENT 240 (no MessageType in the guide: the SDK headers' number; its USHORT printed as
 *   4 bytes read as 2).
 * Protocol version 23 (cti-server-v23-12.5/): FAILURE_CONF 1 (Ch 3), AGENT_STATE_EVENT 30, AGENT_PRE_CALL_EVENT 105,
 *   USER_MESSAGE_REQ 107, CLEAR_CONNECTION_REQ 46, CONFERENCE_CALL_REQ 48, SEND_DTMF_SIGNAL_REQ 91,
 *   CONFIG_REQUEST_EVENT 232 (Ch 5): chosen where the v23 page differs from v25.
 * Protocol version 17: CLIENT_SESSION_OPENED_EVENT 99 from shared/seed-v17-client-session-opened-event.txt,
 *   and the same message at 19..25 (ClientAddress 64 bytes, no ClientAddressIPV6; v25 Ch 7, "Protocol Version 19").
 */
import { describe, expect, it } from "vitest";
import { UNTAGGED_FIELDS_V23 } from "../src/generated/layouts-v23.js";
import { UNTAGGED_FIELDS_V24 } from "../src/generated/layouts-v24.js";
import { UNTAGGED_FIELDS_V25 } from "../src/generated/layouts-v25.js";
import { messageSpec } from "../src/index.js";

/** Any value: an attribute the guide leaves open. */
const ANY = expect.anything();

/** An asymmetric matcher accepting any of the given values (a guide typo and its obvious correction). */
function oneOf<T>(...values: T[]) {
  return {
    $$typeof: Symbol.for("jest.asymmetricMatcher"),
    asymmetricMatch: (other: unknown) => values.includes(other as T),
    toString: () => `oneOf(${values.map((v) => JSON.stringify(v)).join(", ")})`,
    toAsymmetricMatcher: () => `oneOf(${values.map((v) => JSON.stringify(v)).join(", ")})`,
  };
}
type Cell<T> = T | ReturnType<typeof oneOf> | ReturnType<typeof expect.anything>;
type FixedRow = [name: Cell<string>, type: Cell<string>, size: Cell<number>];
type FloatingRow = [name: Cell<string>, type: Cell<string>, maxSize: Cell<number>, required: Cell<boolean>];
interface Expected {
  name: string;
  type: number;
  version: number;
  fixed: FixedRow[];
  floating: FloatingRow[];
}

/** The guide's row range "CallVariable1 (optional) … CallVariable10 (optional)", STRING 41, always optional. */
const CALL_VARIABLES: FloatingRow[] = Array.from({ length: 10 }, (_, i) => [
  `CallVariable${i + 1}`,
  "STRING",
  41,
  false,
]);
/** CALL_VAR_1_TAG .. CALL_VAR_10_TAG = 13 .. 22 (Ch 6 Tag Values, row "CALL_VAR_1_TAG through CALL_VAR_10_TAG | 13-22"). */
const CALL_VARIABLE_TAGS: Record<string, number> = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [`CallVariable${i + 1}`, 13 + i]),
);
/**
 * AgentID: AGENT_ID_TAG = 5, but Ch 6 also lists AGENT_ID_LONG_TAG = 194 for OPEN_REQ, AGENT_STATE_EVENT,
 * RTP_*_EVENT, SUPERVISE_CALL_REQ, USER_MESSAGE_REQ, SET/QUERY_AGENT_STATE_*: either is accepted.
 */
const AGENT_ID_TAG = oneOf(5, 194);
/** AGENT_SKILL_TARGET_ID_TAG is printed twice in Ch 6, as 141 and as 185. */
const AGENT_SKILL_TARGET_ID_TAG = oneOf(141, 185);

const EXPECTED: Expected[] = [
  // cti-server-v25-15.0/03-messaging-conventions.md: FAILURE_CONF table (pipe table #7; layout header says MessageType = 1).
  // Reading: the v25 Ch 3 table really prints InvokeID, FailureCode USHORT 2, PeripheralErrorCode UINT 4 (the
  // CONTROL_FAILURE_CONF shape), whereas the v23 Ch 3 table prints InvokeID, Status UINT 4 (see the v23 entry below).
  // Ch 7 records no change, so one of the guides is wrong; this entry is the v25 page as printed.
  {
    name: "FAILURE_CONF",
    type: 1,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["FailureCode", "USHORT", 2],
      ["PeripheralErrorCode", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/03-messaging-conventions.md: FAILURE_EVENT table (pipe table #8; layout header says MessageType = 2).
  {
    name: "FAILURE_EVENT",
    type: 2,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["Status", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/04-session-management.md: OPEN_REQ table (pipe table #1; layout header says MessageType = 3).
  // Reading: ClientID/ClientPassword carry "(required)", ClientSignature "(optional)". AgentExtension, AgentID and
  // AgentInstrument have no marker but are conditional ("at least one of ... for CLIENT EVENTS service") and
  // UniqueInstanceID says "Optional field." in its Value text: their `required` is not asserted (ANY).
  // ApplicationPathID is printed as INT 4 (not the 5-byte APPPATHID type).
  {
    name: "OPEN_REQ",
    type: 3,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["VersionNumber", "UINT", 4],
      ["IdleTimeout", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ServicesRequested", "UINT", 4],
      ["CallMsgMask", "UINT", 4],
      ["AgentStateMask", "UINT", 4],
      ["ConfigMsgMask", "UINT", 4],
      ["Reserved1", "UINT", 4],
      ["Reserved2", "UINT", 4],
      ["Reserved3", "UINT", 4],
    ],
    floating: [
      ["ClientID", "STRING", 64, true],
      ["ClientPassword", "UNSPEC", 64, true],
      ["ClientSignature", "STRING", 64, false],
      ["AgentExtension", "STRING", 16, ANY],
      ["AgentID", "STRING", 12, ANY],
      ["AgentInstrument", "STRING", 64, ANY],
      ["ApplicationPathID", "INT", 4, true],
      ["UniqueInstanceID", "STRING", 64, ANY],
    ],
  },
  // cti-server-v25-15.0/04-session-management.md: OPEN_CONF table (pipe table #4; layout header says MessageType = 4).
  // Reading: the PeripheralType row is broken by an inline Note (cells: ..., "Note", note text, USHORT, 2): USHORT 2.
  // SessionType's Byte Size cell holds its value list ("0 - Unknown 1 - Active 2 - Standby"): read as USHORT 2.
  // The Agent* floating fields are marked "(Client Events Service Only)": name without the marker, `required` not asserted.
  {
    name: "OPEN_CONF",
    type: 4,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["ServicesGranted", "UINT", 4],
      ["MonitorID", "UINT", 4],
      ["PGStatus", "UINT", 4],
      ["ICMCentralControllerTime", "TIME", 4],
      ["PeripheralOnline", "BOOL", 2],
      ["PeripheralType", "USHORT", 2],
      ["AgentState", "USHORT", 2],
      ["DepartmentID", "INT", 4],
      ["SessionType", "USHORT", 2], // Byte Size cell holds "0 - Unknown 1 - Active 2 - Standby"
    ],
    floating: [
      ["AgentExtension", "STRING", 16, ANY], // "(Client Events Service Only)"
      ["AgentID", "STRING", 12, ANY], // "(Client Events Service Only)"
      ["AgentInstrument", "STRING", 64, ANY], // "(Client Events Service Only)"
      ["NumPeripherals", "USHORT", 2, true],
      ["FltPeripheralID", "UINT", 4, true],
      ["MultilineAgentControl", "USHORT", 2, true],
    ],
  },
  // cti-server-v25-15.0/04-session-management.md: HEARTBEAT_REQ table (pipe table #6; layout header says MessageType = 5).
  {
    name: "HEARTBEAT_REQ",
    type: 5,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/04-session-management.md: HEARTBEAT_CONF table (pipe table #7; layout header says MessageType = 6).
  {
    name: "HEARTBEAT_CONF",
    type: 6,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/04-session-management.md: CLOSE_REQ table (pipe table #8; layout header says MessageType = 7).
  {
    name: "CLOSE_REQ",
    type: 7,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["Status", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/04-session-management.md: CLOSE_CONF table (pipe table #9; layout header says MessageType = 8).
  {
    name: "CLOSE_CONF",
    type: 8,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: BEGIN_CALL_EVENT table (pipe table #1; layout header says MessageType = 23).
  {
    name: "BEGIN_CALL_EVENT",
    type: 23,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["NumCTIClients", "USHORT", 2],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
      ["CallType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["CalledPartyDisposition", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["ANI", "STRING", 40, false],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ["DNIS", "STRING", 32, false],
      ["DialedNumber", "STRING", 40, false],
      ["CallerEnteredDigits", "STRING", 40, false],
      ["RouterCallKeyDay", "UINT", 4, true],
      ["RouterCallKeyCallID", "UINT", 4, true],
      ["RouterCallKeySequenceNumber", "UINT", 4, true],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["CallWrapupData", "STRING", 40, false],
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["CTIClientSignature", "STRING", 64, true],
      ["CTIClientTimestamp", "TIME", 4, false],
      ["CallReferenceID", "UNSPEC", 32, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: END_CALL_EVENT table (pipe table #2; layout header says MessageType = 24).
  {
    name: "END_CALL_EVENT",
    type: 24,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
    ],
    floating: [["ConnectionDeviceID", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_AGENT_GREETING_EVENT table (pipe table #3; layout header says MessageType = 248).
  {
    name: "CALL_AGENT_GREETING_EVENT",
    type: 248,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["EventCode", "USHORT", 2],
      ["PeripheralErrorCode", "UINT", 4],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AgentID", "STRING", 12, true],
      ["GreetingType", "STRING", 32, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_DATA_UPDATE_EVENT table (pipe table #4; layout header says MessageType = 25).
  {
    name: "CALL_DATA_UPDATE_EVENT",
    type: 25,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["NumCTIClients", "USHORT", 2],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
      ["CallType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["NewConnectionDeviceIDType", "USHORT", 2],
      ["NewConnectionCallID", "UINT", 4],
      ["CalledPartyDisposition", "USHORT", 2],
      ["CampaignID", "UINT", 4],
      ["QueryRuleID", "UINT", 4],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["NewConnectionDeviceID", "STRING", 64, true],
      ["ANI", "STRING", 40, false],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ["DNIS", "STRING", 32, false],
      ["DialedNumber", "STRING", 40, false],
      ["CallerEnteredDigits", "STRING", 40, false],
      ["RouterCallKeyDay", "UINT", 4, false],
      ["RouterCallKeyCallID", "UINT", 4, false],
      ["RouterCallKeySequenceNumber", "UINT", 4, true],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["CallWrapupData", "STRING", 40, false],
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["CustomerPhoneNumber", "STRING", 20, false],
      ["CustomerAccountNumber", "STRING", 32, false],
      ["CTIClientSignature", "STRING", 64, false],
      ["CTIClientTimestamp", "TIME", 4, false],
      ["CallReferenceID", "UNSPEC", 32, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_DELIVERED_EVENT table (pipe table #5; layout header says MessageType = 9).
  {
    name: "CALL_DELIVERED_EVENT",
    type: 9,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
      ["ServiceNumber", "UINT", 4],
      ["ServiceID", "UINT", 4],
      ["SkillGroupNumber", "UINT", 4],
      ["SkillGroupID", "UINT", 4],
      ["SkillGroupPriority", "USHORT", 2],
      ["AlertingDeviceType", "USHORT", 2],
      ["CallingDeviceType", "USHORT", 2],
      ["CalledDeviceType", "USHORT", 2],
      ["LastRedirectDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AlertingDeviceID", "STRING", 64, false],
      ["CallingDeviceID", "STRING", 64, false],
      ["CalledDeviceID", "STRING", 64, false],
      ["LastRedirectDeviceID", "STRING", 64, false],
      ["TrunkNumber", "UINT", 4, false],
      ["TrunkGroupNumber", "UINT", 4, false],
      ["SecondaryConnectionCallID", "UINT", 4, true],
      ["ANI", "STRING", 40, false],
      ["ANI_II", "STRING", 2, false], // printed "ANI_II (optional) (V11+)"
      ["UserToUserInfo", "UNSPEC", 131, false],
      ["DNIS", "STRING", 32, false],
      ["DialedNumber", "STRING", 40, false],
      ["CallerEnteredDigits", "STRING", 40, false],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["CallWrapupData", "STRING", 40, false],
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_ESTABLISHED_EVENT table (pipe table #6; layout header says MessageType = 10).
  {
    name: "CALL_ESTABLISHED_EVENT",
    type: 10,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
      ["ServiceNumber", "UINT", 4],
      ["ServiceID", "UINT", 4],
      ["SkillGroupNumber", "UINT", 4],
      ["SkillGroupID", "UINT", 4],
      ["SkillGroupPriority", "USHORT", 2],
      ["AnsweringDeviceType", "USHORT", 2],
      ["CallingDeviceType", "USHORT", 2],
      ["CalledDeviceType", "USHORT", 2],
      ["LastRedirectDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AnsweringDeviceID", "STRING", 64, false],
      ["CallingDeviceID", "STRING", 64, false],
      ["CalledDeviceID", "STRING", 64, false],
      ["LastRedirectDeviceID", "STRING", 64, false],
      ["TrunkNumber", "UINT", 4, false],
      ["TrunkGroupNumber", "UINT", 4, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_HELD_EVENT table (pipe table #7; layout header says MessageType = 11).
  {
    name: "CALL_HELD_EVENT",
    type: 11,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["HoldingDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["HoldingDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_RETRIEVED_EVENT table (pipe table #8; layout header says MessageType = 12).
  {
    name: "CALL_RETRIEVED_EVENT",
    type: 12,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["RetrievingDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["RetrievingDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_CLEARED_EVENT table (pipe table #9; layout header says MessageType = 13).
  {
    name: "CALL_CLEARED_EVENT",
    type: 13,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [["ConnectionDeviceID", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_CONNECTION_CLEARED_EVENT table (pipe table #10; layout header says MessageType = 14).
  // Reading: the ReleasingDeviceID row is broken by an inline Note; its last two cells are STRING 64.
  {
    name: "CALL_CONNECTION_CLEARED_EVENT",
    type: 14,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["ReleasingDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["ReleasingDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_ORIGINATED_EVENT table (pipe table #12; layout header says MessageType = 15).
  {
    name: "CALL_ORIGINATED_EVENT",
    type: 15,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
      ["ServiceNumber", "UINT", 4],
      ["ServiceID", "UINT", 4],
      ["SkillGroupNumber", "UINT", 4],
      ["SkillGroupID", "UINT", 4],
      ["SkillGroupPriority", "USHORT", 2],
      ["CallingDeviceType", "USHORT", 2],
      ["CalledDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["CallingDeviceID", "STRING", 64, false],
      ["CalledDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_FAILED_EVENT table (pipe table #13; layout header says MessageType = 16).
  {
    name: "CALL_FAILED_EVENT",
    type: 16,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["FailingDeviceType", "USHORT", 2],
      ["CalledDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["FailingDeviceID", "STRING", 64, false],
      ["CalledDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_CONFERENCED_EVENT table (pipe table #14; layout header says MessageType = 17).
  {
    name: "CALL_CONFERENCED_EVENT",
    type: 17,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["PrimaryDeviceIDType", "USHORT", 2],
      ["PrimaryCallID", "UINT", 4],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
      ["SkillGroupNumber", "UINT", 4],
      ["SkillGroupID", "UINT", 4],
      ["SkillGroupPriority", "USHORT", 2],
      ["NumParties", "USHORT", 2],
      ["SecondaryDeviceIDType", "USHORT", 2],
      ["SecondaryCallID", "UINT", 4],
      ["ControllerDeviceType", "USHORT", 2],
      ["AddedPartyDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["PrimaryDeviceID", "STRING", 64, true],
      ["SecondaryDeviceID", "STRING", 64, true],
      ["ControllerDeviceID", "STRING", 64, false],
      ["AddedPartyDeviceID", "STRING", 64, false],
      ["ConnectedPartyCallID", "UINT", 4, false],
      ["ConnectedPartyDeviceIDType", "USHORT", 2, false],
      ["ConnectedPartyDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_TRANSFERRED_EVENT table (pipe table #15; layout header says MessageType = 18).
  {
    name: "CALL_TRANSFERRED_EVENT",
    type: 18,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["PrimaryDeviceIDType", "USHORT", 2],
      ["PrimaryCallID", "UINT", 4],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
      ["SkillGroupNumber", "UINT", 4],
      ["SkillGroupID", "UINT", 4],
      ["SkillGroupPriority", "USHORT", 2],
      ["NumParties", "USHORT", 2],
      ["SecondaryDeviceIDType", "USHORT", 2],
      ["SecondaryCallID", "UINT", 4],
      ["TransferringDeviceType", "USHORT", 2],
      ["TransferredDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["PrimaryDeviceID", "STRING", 64, true],
      ["SecondaryDeviceID", "STRING", 64, true],
      ["TransferringDeviceID", "STRING", 64, false],
      ["TransferredDeviceID", "STRING", 64, false],
      ["ConnectedPartyCallID", "UINT", 4, false],
      ["ConnectedPartyDeviceIDType", "USHORT", 2, false],
      ["ConnectedPartyDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_DIVERTED_EVENT table (pipe table #16; layout header says MessageType = 19).
  {
    name: "CALL_DIVERTED_EVENT",
    type: 19,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["ServiceNumber", "UINT", 4],
      ["ServiceID", "UINT", 4],
      ["DivertingDeviceType", "USHORT", 2],
      ["CalledDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["DivertingDeviceID", "STRING", 64, false],
      ["CalledDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_SERVICE_INITIATED_EVENT table (pipe table #17; layout header says MessageType = 20).
  {
    name: "CALL_SERVICE_INITIATED_EVENT",
    type: 20,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
      ["ServiceNumber", "UINT", 4],
      ["ServiceID", "UINT", 4],
      ["SkillGroupNumber", "UINT", 4],
      ["SkillGroupID", "UINT", 4],
      ["SkillGroupPriority", "USHORT", 2],
      ["CallingDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["CallingDeviceID", "STRING", 64, false],
      ["CallReferenceID", "UNSPEC", 32, false],
      ["COCConnectionCallID", "UINT", 4, false],
      ["COCCallConnectionDeviceIDType", "USHORT", 2, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: AGENT_STATE_EVENT table (pipe table #18; layout header says MessageType = 30).
  // Reading: SkillGroupNumber's type is printed "USINT" (a typo; 4 bytes): read as UINT.
  // EventReasonCode's row is broken by an inline Note; its last two cells are USHORT 2.
  {
    name: "AGENT_STATE_EVENT",
    type: 30,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["SessionID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["SkillGroupState", "USHORT", 2],
      ["StateDuration", "UINT", 4],
      ["SkillGroupNumber", "UINT", 4], // printed "USINT"
      ["SkillGroupID", "UINT", 4],
      ["SkillGroupPriority", "USHORT", 2],
      ["AgentState", "USHORT", 2],
      ["EventReasonCode", "USHORT", 2],
      ["MRDID", "INT", 4],
      ["NumTasks", "UINT", 4],
      ["AgentMode", "USHORT", 2],
      ["MaxTaskLimit", "UINT", 4],
      ["ICMAgentID", "INT", 4],
      ["AgentAvailabilityStatus", "UINT", 4],
      ["NumFltSkillGroups", "USHORT", 2],
      ["DepartmentID", "INT", 4],
    ],
    floating: [
      ["CTIClientSignature", "STRING", 64, false],
      ["AgentID", "STRING", 12, false],
      ["AgentExtension", "STRING", 16, false],
      ["ActiveTerminal", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
      ["Duration", "UINT", 4, false],
      ["NextAgentState", "USHORT", 2, true],
      ["Direction", "UINT", 4, true],
      ["FltSkillGroupNumber", "INT", 4, true],
      ["FltSkillGroupID", "UINT", 4, true],
      ["FltSkillGroupPriority", "USHORT", 2, true],
      ["FltSkillGroupState", "USHORT", 2, true],
      ["MaxBeyondTaskLimit", "UINT", 4, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_REACHED_NETWORK_EVENT table (pipe table #20; layout header says MessageType = 34).
  {
    name: "CALL_REACHED_NETWORK_EVENT",
    type: 34,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
      ["TrunkUsedDeviceType", "USHORT", 2],
      ["CalledDeviceType", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["TrunkUsedDeviceID", "STRING", 64, false],
      ["CalledDeviceID", "STRING", 64, false],
      ["TrunkNumber", "UINT", 4, false],
      ["TrunkGroupNumber", "UINT", 4, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_QUEUED_EVENT table (pipe table #21; layout header says MessageType = 21).
  {
    name: "CALL_QUEUED_EVENT",
    type: 21,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["ServiceNumber", "UINT", 4],
      ["ServiceID", "UINT", 4],
      ["QueueDeviceType", "USHORT", 2],
      ["CallingDeviceType", "USHORT", 2],
      ["CalledDeviceType", "USHORT", 2],
      ["LastRedirectDeviceType", "USHORT", 2],
      ["NumQueued", "USHORT", 2],
      ["NumSkillGroups", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["QueueDeviceID", "STRING", 64, false],
      ["CallingDeviceID", "STRING", 64, false],
      ["CalledDeviceID", "STRING", 64, false],
      ["LastRedirectDeviceID", "STRING", 64, false],
      ["SkillGroupNumber", "INT", 4, true],
      ["SkillGroupID", "UINT", 4, true],
      ["SkillGroupPriority", "USHORT", 2, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_DEQUEUED_EVENT table (pipe table #22; layout header says MessageType = 86).
  {
    name: "CALL_DEQUEUED_EVENT",
    type: 86,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["QueueDeviceType", "USHORT", 2],
      ["ServiceNumber", "UINT", 4],
      ["ServiceID", "UINT", 4],
      ["NumQueued", "USHORT", 2],
      ["NumSkillGroups", "USHORT", 2],
      ["LocalConnectionState", "USHORT", 2],
      ["EventCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["SkillGroupNumber", "UINT", 4, true],
      ["SkillGroupID", "UINT", 4, true],
      ["SkillGroupPriority", "USHORT", 2, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: AGENT_PRE_CALL_EVENT table (pipe table #24; layout header says MessageType = 105).
  // Reading: PreCallInvokeID's type is printed "UNIT" (typo): read as UINT.
  // Reading: FltEnabledServices is printed as type "USHORT (x NumOfEnabledServices)", size "2* NumOfEnabledServices":
  // one USHORT per enabled service, i.e. a repeated field of maxSize 2 counted by NumOfEnabledServices.
  {
    name: "AGENT_PRE_CALL_EVENT",
    type: 105,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
      ["ServiceNumber", "UINT", 4],
      ["ServiceID", "UINT", 4],
      ["SkillGroupNumber", "UINT", 4],
      ["SkillGroupID", "UINT", 4],
      ["SkillGroupPriority", "USHORT", 2],
      ["MRDID", "INT", 4],
      ["AgentSkillTargetID", "UINT", 4],
    ],
    floating: [
      ["AgentInstrument", "STRING", 64, true],
      ["RouterCallKeyDay", "UINT", 4, true],
      ["RouterCallKeyCallID", "UINT", 4, true],
      ["RouterCallKeySequenceNumber", "UINT", 4, true],
      ["ANI", "STRING", 40, false],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ["DialedNumber", "STRING", 40, false],
      ["CallerEnteredDigits", "STRING", 40, false],
      ["FltCallTypeID", "UINT", 4, false],
      ["PreCallInvokeID", "UINT", 4, false],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["AgentID", "STRING", 12, false],
      ["ProtocolReferenceGUID", "STRING", 40, false],
      ["NumOfEnabledServices", "USHORT", 2, false],
      ["FltEnabledServices", "USHORT", 2, false], // size printed "2* NumOfEnabledServices"
      ["CcaiConfigId", "STRING", 40, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: AGENT_PRE_CALL_ABORT_EVENT table (pipe table #25; layout header says MessageType = 106).
  {
    name: "AGENT_PRE_CALL_ABORT_EVENT",
    type: 106,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["MRDID", "INT", 4],
    ],
    floating: [
      ["AgentInstrument", "STRING", 64, true],
      ["RouterCallKeyDay", "UINT", 4, true],
      ["RouterCallKeyCallID", "UINT", 4, true],
      ["RouterCallKeySequenceNumber", "UINT", 4, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: RTP_STARTED_EVENT table (pipe table #26; layout header says MessageType = 116).
  {
    name: "RTP_STARTED_EVENT",
    type: 116,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ClientPort", "UINT", 4],
      ["Direction", "USHORT", 2],
      ["RTPType", "USHORT", 2],
      ["BitRate", "UINT", 4],
      ["EchoCancellation", "USHORT", 2],
      ["PacketSize", "UINT", 4],
      ["PayloadType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["ClientAddress", "STRING", 64, true],
      ["AgentID", "STRING", 12, false],
      ["AgentExtension", "STRING", 16, false],
      ["AgentInstrument", "STRING", 64, false],
      ["SendingAddress", "STRING", 64, true],
      ["SendingPort", "UINT", 4, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: RTP_STOPPED_EVENT table (pipe table #27; layout header says MessageType = 117).
  {
    name: "RTP_STOPPED_EVENT",
    type: 117,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ClientPort", "UINT", 4],
      ["Direction", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["ClientAddress", "STRING", 64, true],
      ["AgentID", "STRING", 12, false],
      ["AgentExtension", "STRING", 16, false],
      ["AgentInstrument", "STRING", 64, false],
      ["SendingAddress", "STRING", 64, true],
      ["SendingPort", "UINT", 4, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: NETWORK_RECORDING_STARTED_EVENT table (pipe table #28; layout header says MessageType = 272).
  // Project decision: type 271 (Ch 3 table); the Ch 5 layout header says 272.
  {
    name: "NETWORK_RECORDING_STARTED_EVENT",
    type: 271,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["RecordingDeviceType", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["RecordingDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: NETWORK_RECORDING_ENDED_EVENT table (pipe table #29; layout header says MessageType = 273).
  // Project decision: type 272 (Ch 3 table); the Ch 5 layout header says 273.
  // Reading: RecordingDeviceType's Byte Size cell is empty; USHORT is 2 bytes.
  {
    name: "NETWORK_RECORDING_ENDED_EVENT",
    type: 272,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["RecordingDeviceType", "USHORT", 2], // size cell empty in the guide
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["RecordingDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: NETWORK_RECORDING_FAILED_EVENT table (pipe table #30; layout header says MessageType = 274).
  // Project decision: type 273 (Ch 3 table); the Ch 5 layout header says 274.
  {
    name: "NETWORK_RECORDING_FAILED_EVENT",
    type: 273,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["RecordingDeviceType", "USHORT", 2],
      ["RecordFailureCause", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["RecordingDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: NETWORK_RECORDING_TARGET_INFO_EVENT table (pipe table #31; layout header says MessageType = 275).
  // Project decision: type 274 (Ch 3 table); the Ch 5 layout header says 275.
  {
    name: "NETWORK_RECORDING_TARGET_INFO_EVENT",
    type: 274,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["RecordingDeviceType", "USHORT", 2],
      ["RecordingType", "USHORT", 2],
      ["MediaForkingDeviceType", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["RecordingDeviceID", "STRING", 64, false],
      ["RecorderAddress", "STRING", 64, true],
      ["TerminalName", "STRING", 64, true],
      ["MediaForkingDeviceName", "STRING", 64, true],
      ["ProtocolReferenceGUID", "STRING", 64, true],
      ["MediaForkingClusterID", "STRING", 64, true],
      ["RecorderURI", "STRING", 64, false],
      ["RecorderErrorMsg", "STRING", 64, false],
      ["RecorderType", "USHORT", 2, false],
      ["RecorderStatus", "USHORT", 2, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_TRANSLATION_ROUTE_EVENT table (pipe table #33; layout header says MessageType = 22).
  {
    name: "CALL_TRANSLATION_ROUTE_EVENT",
    type: 22,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
    ],
    floating: [
      ["ANI", "STRING", 40, false],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ["DNIS", "STRING", 32, true],
      ["DialedNumber", "STRING", 40, false],
      ["CallerEnteredDigits", "STRING", 40, false],
      ["RouterCallKeyDay", "UINT", 4, true],
      ["RouterCallKeyCallID", "UINT", 4, true],
      ["RouterCallKeySequenceNumber", "UINT", 4, true],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MONITOR_START_REQ table (pipe table #35; layout header says MessageType = 93).
  // Reading: "ConnectionDeviceID (required for call monitor)" / "MonitoredDeviceID (required for device monitor)":
  // conditionally required; names without the marker, `required` not asserted.
  {
    name: "MONITOR_START_REQ",
    type: 93,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["CallMsgMask", "UINT", 4],
      ["AgentStateMask", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["MonitoredDeviceType", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, ANY], // "(required for call monitor)"
      ["MonitoredDeviceID", "STRING", 64, ANY], // "(required for device monitor)"
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MONITOR_START_CONF table (pipe table #36; layout header says MessageType = 94).
  {
    name: "MONITOR_START_CONF",
    type: 94,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["MonitorID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MONITOR_STOP_REQ table (pipe table #37; layout header says MessageType = 95).
  {
    name: "MONITOR_STOP_REQ",
    type: 95,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["MonitorID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MONITOR_STOP_CONF table (pipe table #38; layout header says MessageType = 96).
  {
    name: "MONITOR_STOP_CONF",
    type: 96,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CHANGE_MONITOR_MASK_REQ table (pipe table #39; layout header says MessageType = 97).
  {
    name: "CHANGE_MONITOR_MASK_REQ",
    type: 97,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["MonitorID", "UINT", 4],
      ["CallMsgMask", "UINT", 4],
      ["AgentStateMask", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CHANGE_MONITOR_MASK_CONF table (pipe table #40; layout header says MessageType = 98).
  {
    name: "CHANGE_MONITOR_MASK_CONF",
    type: 98,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CLIENT_SESSION_OPENED_EVENT table (pipe table #42; layout header says MessageType = 99).
  {
    name: "CLIENT_SESSION_OPENED_EVENT",
    type: 99,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["SessionID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ServicesGranted", "UINT", 4],
      ["CallMsgMask", "UINT", 4],
      ["AgentStateMask", "UINT", 4],
      ["ClientPort", "UINT", 4],
    ],
    floating: [
      ["ClientAddress", "STRING", 64, true],
      ["ClientID", "STRING", 64, true],
      ["ClientSignature", "STRING", 64, true],
      ["AgentExtension", "STRING", 16, false],
      ["AgentID", "STRING", 12, false],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CLIENT_SESSION_CLOSED_EVENT table (pipe table #43; layout header says MessageType = 100).
  {
    name: "CLIENT_SESSION_CLOSED_EVENT",
    type: 100,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["SessionID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["Status", "UINT", 4],
      ["ClientPort", "UINT", 4],
    ],
    floating: [
      ["ClientAddress", "STRING", 64, true],
      ["ClientID", "STRING", 64, true],
      ["ClientSignature", "STRING", 64, true],
      ["AgentExtension", "STRING", 16, false],
      ["AgentID", "STRING", 12, false],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SESSION_MONITOR_START_REQ table (pipe table #44; layout header says MessageType = 101).
  {
    name: "SESSION_MONITOR_START_REQ",
    type: 101,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["SessionID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SESSION_MONITOR_START_CONF table (pipe table #45; layout header says MessageType = 102).
  {
    name: "SESSION_MONITOR_START_CONF",
    type: 102,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["MonitorID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SESSION_MONITOR_STOP_REQ table (pipe table #46; layout header says MessageType = 103).
  {
    name: "SESSION_MONITOR_STOP_REQ",
    type: 103,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["MonitorID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SESSION_MONITOR_STOP_CONF table (pipe table #47; layout header says MessageType = 104).
  {
    name: "SESSION_MONITOR_STOP_CONF",
    type: 104,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SUPERVISE_CALL_REQ table (pipe table #49; layout header says MessageType = 124).
  {
    name: "SUPERVISE_CALL_REQ",
    type: 124,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["AgentConnectionCallID", "UINT", 4],
      ["SupervisorConnectionCallID", "UINT", 4],
      ["AgentConnectionDeviceIDType", "USHORT", 2],
      ["SupervisorConnectionDeviceIDType", "USHORT", 2],
      ["SupervisoryAction", "USHORT", 2],
    ],
    floating: [
      ["AgentConnectionDeviceID", "STRING", 64, true],
      ["SupervisorConnectionDeviceID", "STRING", 64, true],
      ["AgentExtension", "STRING", 16, true],
      ["AgentID", "STRING", 12, true],
      ["AgentInstrument", "STRING", 64, true],
      ["SupervisorInstrument", "STRING", 64, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SUPERVISE_CALL_CONF table (pipe table #51; layout header says MessageType = 125).
  {
    name: "SUPERVISE_CALL_CONF",
    type: 125,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
    ],
    floating: [["ConnectionDeviceID", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: EMERGENCY_CALL_REQ table (pipe table #52; layout header says MessageType = 121).
  // The same layout is printed twice (Supervisor Service and Client Control Service); both copies agree.
  {
    name: "EMERGENCY_CALL_REQ",
    type: 121,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AgentExtension", "STRING", 16, true],
      ["AgentID", "STRING", 12, true],
      ["AgentInstrument", "STRING", 64, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: EMERGENCY_CALL_CONF table (pipe table #53; layout header says MessageType = 122).
  {
    name: "EMERGENCY_CALL_CONF",
    type: 122,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
    ],
    floating: [["ConnectionDeviceID", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: EMERGENCY_CALL_EVENT table (pipe table #54; layout header says MessageType = 123).
  {
    name: "EMERGENCY_CALL_EVENT",
    type: 123,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["SessionID", "UINT", 4],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["ClientID", "STRING", 64, true],
      ["ClientAddress", "STRING", 64, true],
      ["AgentExtension", "STRING", 16, true],
      ["AgentID", "STRING", 12, true],
      ["AgentInstrument", "STRING", 64, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: AGENT_TEAM_CONFIG_EVENT table (pipe table #55; layout header says MessageType = 128).
  {
    name: "AGENT_TEAM_CONFIG_EVENT",
    type: 128,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["PeripheralID", "UINT", 4],
      ["TeamID", "UINT", 4],
      ["NumberOfAgents", "USHORT", 2],
      ["ConfigOperation", "USHORT", 2],
      ["DepartmentID", "INT", 4],
    ],
    floating: [
      ["AgentTeamName", "STRING", 32, true],
      ["AtcAgentID", "STRING", 12, false],
      ["AgentFlags", "USHORT", 2, false],
      ["AtcAgentState", "USHORT", 2, true],
      ["AtcStateDuration", "UINT", 4, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: LIST_AGENT_TEAM_REQ table (pipe table #56; layout header says MessageType = 133).
  {
    name: "LIST_AGENT_TEAM_REQ",
    type: 133,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["SupervisorID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: LIST_AGENT_TEAM_CONF table (pipe table #57; layout header says MessageType = 134).
  {
    name: "LIST_AGENT_TEAM_CONF",
    type: 134,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["NumberOfAgentTeams", "USHORT", 2],
      ["SegmentNumber", "USHORT", 2],
      ["More", "USHORT", 2],
    ],
    floating: [["TeamID", "UINT", 4, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MONITOR_AGENT_TEAM_START_REQ table (pipe table #58; layout header says MessageType = 135).
  {
    name: "MONITOR_AGENT_TEAM_START_REQ",
    type: 135,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["TeamID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MONITOR_AGENT_TEAM_START_CONF table (pipe table #59; layout header says MessageType = 136).
  {
    name: "MONITOR_AGENT_TEAM_START_CONF",
    type: 136,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["MonitorID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MONITOR_AGENT_TEAM_STOP_REQ table (pipe table #60; layout header says MessageType = 137).
  {
    name: "MONITOR_AGENT_TEAM_STOP_REQ",
    type: 137,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["MonitorID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MONITOR_AGENT_TEAM_STOP_CONF table (pipe table #61; layout header says MessageType = 138).
  {
    name: "MONITOR_AGENT_TEAM_STOP_CONF",
    type: 138,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SET_CALL_DATA_REQ table (pipe table #63; layout header says MessageType = 26).
  // Reading: RouterCallKeyDay is "(optional)"; RouterCallKeyCallID and RouterCallKeySequenceNumber have no marker but
  // say "If specified, allows setting of ...": their `required` is not asserted.
  {
    name: "SET_CALL_DATA_REQ",
    type: 26,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
      ["CallType", "USHORT", 2],
      ["CalledPartyDisposition", "USHORT", 2],
      ["CampaignID", "UINT", 4],
      ["QueryRuleID", "UINT", 4],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["ANI", "STRING", 40, false],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ["CallerEnteredDigits", "STRING", 40, false],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["CallWrapupData", "STRING", 40, false],
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["CustomerPhoneNumber", "STRING", 20, false],
      ["CustomerAccountNumber", "STRING", 32, false],
      ["RouterCallKeyDay", "UINT", 4, false],
      ["RouterCallKeyCallID", "UINT", 4, ANY],
      ["RouterCallKeySequenceNumber", "UINT", 4, ANY],
      ["CallOriginatedFrom", "UCHAR", 1, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SET_CALL_DATA_CONF table (pipe table #64; layout header says MessageType = 27).
  {
    name: "SET_CALL_DATA_CONF",
    type: 27,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: RELEASE_CALL_REQ table (pipe table #65; layout header says MessageType = 28).
  {
    name: "RELEASE_CALL_REQ",
    type: 28,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
    ],
    floating: [["ConnectionDeviceID", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: RELEASE_CALL_CONF table (pipe table #66; layout header says MessageType = 29).
  {
    name: "RELEASE_CALL_CONF",
    type: 29,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SET_DEVICE_ATTRIBUTES_REQ table (pipe table #67; layout header says MessageType = 141).
  {
    name: "SET_DEVICE_ATTRIBUTES_REQ",
    type: 141,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ServiceNumber", "UINT", 4],
      ["ServiceID", "UINT", 4],
      ["SkillGroupNumber", "UINT", 4],
      ["SkillGroupID", "UINT", 4],
      ["SkillGroupPriority", "USHORT", 2],
      ["CallType", "USHORT", 2],
      ["CallingDeviceType", "USHORT", 2],
    ],
    floating: [["CallingDeviceID", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SET_DEVICE_ATTRIBUTES_CONF table (pipe table #68; layout header says MessageType = 142).
  {
    name: "SET_DEVICE_ATTRIBUTES_CONF",
    type: 142,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SYSTEM_EVENT table (pipe table #70; layout header says MessageType = 31).
  {
    name: "SYSTEM_EVENT",
    type: 31,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["PGStatus", "UINT", 4],
      ["ICMCentralControllerTime", "TIME", 4],
      ["SystemEventID", "UINT", 4],
      ["SystemEventArg1", "UINT", 4],
      ["SystemEventArg2", "UINT", 4],
      ["SystemEventArg3", "UINT", 4],
      ["EventDeviceType", "USHORT", 2],
    ],
    floating: [
      ["Text", "STRING", 255, false],
      ["EventDeviceID", "STRING", 64, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CLIENT_EVENT_REPORT_REQ table (pipe table #71; layout header says MessageType = 32).
  {
    name: "CLIENT_EVENT_REPORT_REQ",
    type: 32,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["State", "USHORT", 2],
    ],
    floating: [
      ["ObjectName", "STRING", 128, false],
      ["Text", "STRING", 255, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CLIENT_EVENT_REPORT_CONF table (pipe table #72; layout header says MessageType = 33).
  {
    name: "CLIENT_EVENT_REPORT_CONF",
    type: 33,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: USER_MESSAGE_REQ table (pipe table #73; layout header says MessageType = 107).
  {
    name: "USER_MESSAGE_REQ",
    type: 107,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["Distribution", "USHORT", 2],
    ],
    floating: [
      ["ClientID", "STRING", 64, false],
      ["AgentExtension", "STRING", 16, true],
      ["AgentID", "STRING", 12, true],
      ["AgentInstrument", "STRING", 64, true],
      ["Text", "STRING", 255, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: USER_MESSAGE_CONF table (pipe table #75; layout header says MessageType = 108).
  {
    name: "USER_MESSAGE_CONF",
    type: 108,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: USER_MESSAGE_EVENT table (pipe table #76; layout header says MessageType = 109).
  {
    name: "USER_MESSAGE_EVENT",
    type: 109,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["ICMCentralControllerTime", "TIME", 4],
      ["Distribution", "USHORT", 2],
    ],
    floating: [
      ["ClientID", "STRING", 64, true],
      ["Text", "STRING", 255, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: QUERY_AGENT_STATISTICS_REQ table (pipe table #77; layout header says MessageType = 112).
  {
    name: "QUERY_AGENT_STATISTICS_REQ",
    type: 112,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
    ],
    floating: [
      ["AgentExtension", "STRING", 16, true],
      ["AgentID", "STRING", 12, true],
      ["AgentInstrument", "STRING", 64, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: QUERY_AGENT_STATISTICS_CONF table (pipe table #78; layout header says MessageType = 113).
  {
    name: "QUERY_AGENT_STATISTICS_CONF",
    type: 113,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["AvailTimeSession", "UINT", 4],
      ["LoggedOnTimeSession", "UINT", 4],
      ["NotReadyTimeSession", "UINT", 4],
      ["ICMAvailableTimeSession", "UINT", 4],
      ["RoutableTimeSession", "UINT", 4],
      ["AgentOutCallsSession", "UINT", 4],
      ["AgentOutCallsTalkTimeSession", "UINT", 4],
      ["AgentOutCallsTimeSession", "UINT", 4],
      ["AgentOutCallsHeldSession", "UINT", 4],
      ["AgentOutCallsHeldTimeSession", "UINT", 4],
      ["HandledCallsSession", "UINT", 4],
      ["HandledCallsTalkTimeSession", "UINT", 4],
      ["HandledCallsAfterCallTimeSession", "UINT", 4],
      ["HandledCallsTimeSession", "UINT", 4],
      ["IncomingCallsHeldSession", "UINT", 4],
      ["IncomingCallsHeldTimeSession", "UINT", 4],
      ["InternalCallsSession", "UINT", 4],
      ["InternalCallsTimeSession", "UINT", 4],
      ["InternalCallsRcvdSession", "UINT", 4],
      ["InternalCallsRcvdTimeSession", "UINT", 4],
      ["InternalCallsHeldSession", "UINT", 4],
      ["InternalCallsHeldTimeSession", "UINT", 4],
      ["AutoOutCallsSession", "UINT", 4],
      ["AutoOutCallsTalkTimeSession", "UINT", 4],
      ["AutoOutCallsTimeSession", "UINT", 4],
      ["AutoOutCallsHeldSession", "UINT", 4],
      ["AutoOutCallsHeldTimeSession", "UINT", 4],
      ["PreviewCallsSession", "UINT", 4],
      ["PreviewCallsTalkTimeSession", "UINT", 4],
      ["PreviewCallsTimeSession", "UINT", 4],
      ["PreviewCallsHeldSession", "UINT", 4],
      ["PreviewCallsHeldTimeSession", "UINT", 4],
      ["ReservationCallsSession", "UINT", 4],
      ["ReservationCallsTalkTimeSession", "UINT", 4],
      ["ReservationCallsTimeSession", "UINT", 4],
      ["ReservationCallsHeldSession", "UINT", 4],
      ["ReservationCallsHeldTimeSession", "UINT", 4],
      ["BargeInCallsSession", "UINT", 4],
      ["InterceptCallsSession", "UINT", 4],
      ["MonitorCallsSession", "UINT", 4],
      ["WhisperCallsSession", "UINT", 4],
      ["EmergencyCallsSession", "UINT", 4],
      ["AvailTimeToday", "UINT", 4],
      ["LoggedOnTimeToday", "UINT", 4],
      ["NotReadyTimeToday", "UINT", 4],
      ["ICMAvailableTimeToday", "UINT", 4],
      ["RoutableTimeToday", "UINT", 4],
      ["AgentOutCallsToday", "UINT", 4],
      ["AgentOutCallsTalkTimeToday", "UINT", 4],
      ["AgentOutCallsTimeToday", "UINT", 4],
      ["AgentOutCallsHeldToday", "UINT", 4],
      ["AgentOutCallsHeldTimeToday", "UINT", 4],
      ["HandledCallsToday", "UINT", 4],
      ["HandledCallsTalkTimeToday", "UINT", 4],
      ["HandledCallsAfterCallTimeToday", "UINT", 4],
      ["HandledCallsTimeToday", "UINT", 4],
      ["IncomingCallsHeldToday", "UINT", 4],
      ["IncomingCallsHeldTimeToday", "UINT", 4],
      ["InternalCallsToday", "UINT", 4],
      ["InternalCallsTimeToday", "UINT", 4],
      ["InternalCallsRcvdToday", "UINT", 4],
      ["InternalCallsRcvdTimeToday", "UINT", 4],
      ["InternalCallsHeldToday", "UINT", 4],
      ["InternalCallsHeldTimeToday", "UINT", 4],
      ["AutoOutCallsToday", "UINT", 4],
      ["AutoOutCallsTalkTimeToday", "UINT", 4],
      ["AutoOutCallsTimeToday", "UINT", 4],
      ["AutoOutCallsHeldToday", "UINT", 4],
      ["AutoOutCallsHeldTimeToday", "UINT", 4],
      ["PreviewCallsToday", "UINT", 4],
      ["PreviewCallsTalkTimeToday", "UINT", 4],
      ["PreviewCallsTimeToday", "UINT", 4],
      ["PreviewCallsHeldToday", "UINT", 4],
      ["PreviewCallsHeldTimeToday", "UINT", 4],
      ["ReservationCallsToday", "UINT", 4],
      ["ReservationCallsTalkTimeToday", "UINT", 4],
      ["ReservationCallsTimeToday", "UINT", 4],
      ["ReservationCallsHeldToday", "UINT", 4],
      ["ReservationCallsHeldTimeToday", "UINT", 4],
      ["BargeInCallsToday", "UINT", 4],
      ["InterceptCallsToday", "UINT", 4],
      ["MonitorCallsToday", "UINT", 4],
      ["WhisperCallsToday", "UINT", 4],
      ["EmergencyCallsToday", "UINT", 4],
    ],
    floating: [
      ["AgentExtension", "STRING", 16, true],
      ["AgentID", "STRING", 12, true],
      ["AgentInstrument", "STRING", 64, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: QUERY_SKILL_GROUP_STATISTICS_REQ table (pipe table #79; layout header says MessageType = 114).
  {
    name: "QUERY_SKILL_GROUP_STATISTICS_REQ",
    type: 114,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["SkillGroupNumber", "UINT", 4],
      ["SkillGroupID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: QUERY_SKILL_GROUP_STATISTICS_CONF table (pipe table #80; layout header says MessageType = 115).
  // Reading: the sub-heading rows ("Real-Time Statistics", ...) are not fields.
  {
    name: "QUERY_SKILL_GROUP_STATISTICS_CONF",
    type: 115,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["SkillGroupNumber", "UINT", 4],
      ["SkillGroupID", "UINT", 4],
      ["AgentsLoggedOn", "UINT", 4],
      ["AgentsAvail", "UINT", 4],
      ["AgentsNotReady", "UINT", 4],
      ["AgentsReady", "UINT", 4],
      ["AgentsTalkingIn", "UINT", 4],
      ["AgentsTalkingOut", "UINT", 4],
      ["AgentsTalkingOther", "UINT", 4],
      ["AgentsWorkNotReady", "UINT", 4],
      ["AgentsWorkReady", "UINT", 4],
      ["AgentsBusyOther", "UINT", 4],
      ["AgentsReserved", "UINT", 4],
      ["AgentsHold", "UINT", 4],
      ["AgentsICMAvailable", "UINT", 4],
      ["AgentsApplicationAvailable", "UINT", 4],
      ["AgentsTalkingAutoOut", "UINT", 4],
      ["AgentsTalkingPreview", "UINT", 4],
      ["AgentsTalkingReservation", "UINT", 4],
      ["RouterCallsQNow", "UINT", 4],
      ["LongestRouterCallQNow", "UINT", 4],
      ["CallsQNow", "UINT", 4],
      ["CallsQTimeNow", "UINT", 4],
      ["LongestCallQNow", "UINT", 4],
      ["AvailTimeTo5", "UINT", 4],
      ["LoggedOnTimeTo5", "UINT", 4],
      ["NotReadyTimeTo5", "UINT", 4],
      ["AgentOutCallsTo5", "UINT", 4],
      ["AgentOutCallsTalkTimeTo5", "UINT", 4],
      ["AgentOutCallsTimeTo5", "UINT", 4],
      ["AgentOutCallsHeldTo5", "UINT", 4],
      ["AgentOutCallsHeldTimeTo5", "UINT", 4],
      ["HandledCallsTo5", "UINT", 4],
      ["HandledCallsTalkTimeTo5", "UINT", 4],
      ["HandledCallsAfterCallTimeTo5", "UINT", 4],
      ["HandledCallsTimeTo5", "UINT", 4],
      ["IncomingCallsHeldTo5", "UINT", 4],
      ["IncomingCallsHeldTimeTo5", "UINT", 4],
      ["InternalCallsRcvdTo5", "UINT", 4],
      ["InternalCallsRcvdTimeTo5", "UINT", 4],
      ["InternalCallsHeldTo5", "UINT", 4],
      ["InternalCallsHeldTimeTo5", "UINT", 4],
      ["AutoOutCallsTo5", "UINT", 4],
      ["AutoOutCallsTalkTimeTo5", "UINT", 4],
      ["AutoOutCallsTimeTo5", "UINT", 4],
      ["AutoOutCallsHeldTo5", "UINT", 4],
      ["AutoOutCallsHeldTimeTo5", "UINT", 4],
      ["PreviewCallsTo5", "UINT", 4],
      ["PreviewCallsTalkTimeTo5", "UINT", 4],
      ["PreviewCallsTimeTo5", "UINT", 4],
      ["PreviewCallsHeldTo5", "UINT", 4],
      ["PreviewCallsHeldTimeTo5", "UINT", 4],
      ["ReservationCallsTo5", "UINT", 4],
      ["ReservationCallsTalkTimeTo5", "UINT", 4],
      ["ReservationCallsTimeTo5", "UINT", 4],
      ["ReservationCallsHeldTo5", "UINT", 4],
      ["ReservationCallsHeldTimeTo5", "UINT", 4],
      ["BargeInCallsTo5", "UINT", 4],
      ["InterceptCallsTo5", "UINT", 4],
      ["MonitorCallsTo5", "UINT", 4],
      ["WhisperCallsTo5", "UINT", 4],
      ["EmergencyCallsTo5", "UINT", 4],
      ["CallsQ5", "UINT", 4],
      ["CallsQTime5", "UINT", 4],
      ["LongestCallQ5", "UINT", 4],
      ["AvailTimeToHalf", "UINT", 4],
      ["LoggedOnTimeToHalf", "UINT", 4],
      ["NotReadyTimeToHalf", "UINT", 4],
      ["AgentOutCallsToHalf", "UINT", 4],
      ["AgentOutCallsTalkTimeToHalf", "UINT", 4],
      ["AgentOutCallsTimeToHalf", "UINT", 4],
      ["AgentOutCallsHeldToHalf", "UINT", 4],
      ["AgentOutCallsHeldTimeToHalf", "UINT", 4],
      ["HandledCallsToHalf", "UINT", 4],
      ["HandledCallsTalkTimeToHalf", "UINT", 4],
      ["HandledCallsAfterCallTimeToHalf", "UINT", 4],
      ["HandledCallsTimeToHalf", "UINT", 4],
      ["IncomingCallsHeldToHalf", "UINT", 4],
      ["IncomingCallsHeldTimeToHalf", "UINT", 4],
      ["InternalCallsRcvdToHalf", "UINT", 4],
      ["InternalCallsRcvdTimeToHalf", "UINT", 4],
      ["InternalCallsHeldToHalf", "UINT", 4],
      ["InternalCallsHeldTimeToHalf", "UINT", 4],
      ["AutoOutCallsToHalf", "UINT", 4],
      ["AutoOutCallsTalkTimeToHalf", "UINT", 4],
      ["AutoOutCallsTimeToHalf", "UINT", 4],
      ["AutoOutCallsHeldToHalf", "UINT", 4],
      ["AutoOutCallsHeldTimeToHalf", "UINT", 4],
      ["PreviewCallsToHalf", "UINT", 4],
      ["PreviewCallsTalkTimeToHalf", "UINT", 4],
      ["PreviewCallsTimeToHalf", "UINT", 4],
      ["PreviewCallsHeldToHalf", "UINT", 4],
      ["PreviewCallsHeldTimeToHalf", "UINT", 4],
      ["ReservationCallsToHalf", "UINT", 4],
      ["ReservationCallsTalkTimeToHalf", "UINT", 4],
      ["ReservationCallsTimeToHalf", "UINT", 4],
      ["ReservationCallsHeldToHalf", "UINT", 4],
      ["ReservationCallsHeldTimeToHalf", "UINT", 4],
      ["BargeInCallsToHalf", "UINT", 4],
      ["InterceptCallsToHalf", "UINT", 4],
      ["MonitorCallsToHalf", "UINT", 4],
      ["WhisperCallsToHalf", "UINT", 4],
      ["EmergencyCallsToHalf", "UINT", 4],
      ["CallsQHalf", "UINT", 4],
      ["CallsQTimeHalf", "UINT", 4],
      ["LongestCallQHalf", "UINT", 4],
      ["AvailTimeToday", "UINT", 4],
      ["LoggedOnTimeToday", "UINT", 4],
      ["NotReadyTimeToday", "UINT", 4],
      ["AgentOutCallsToday", "UINT", 4],
      ["AgentOutCallsTalkTimeToday", "UINT", 4],
      ["AgentOutCallsTimeToday", "UINT", 4],
      ["AgentOutCallsHeldToday", "UINT", 4],
      ["AgentOutCallsHeldTimeToday", "UINT", 4],
      ["HandledCallsToday", "UINT", 4],
      ["HandledCallsTalkTimeToday", "UINT", 4],
      ["HandledCallsAfterCallTimeToday", "UINT", 4],
      ["HandledCallsTimeToday", "UINT", 4],
      ["IncomingCallsHeldToday", "UINT", 4],
      ["IncomingCallsHeldTimeToday", "UINT", 4],
      ["InternalCallsRcvdToday", "UINT", 4],
      ["InternalCallsRcvdTimeToday", "UINT", 4],
      ["InternalCallsHeldToday", "UINT", 4],
      ["InternalCallsHeldTimeToday", "UINT", 4],
      ["AutoOutCallsToday", "UINT", 4],
      ["AutoOutCallsTalkTimeToday", "UINT", 4],
      ["AutoOutCallsTimeToday", "UINT", 4],
      ["AutoOutCallsHeldToday", "UINT", 4],
      ["AutoOutCallsHeldTimeToday", "UINT", 4],
      ["PreviewCallsToday", "UINT", 4],
      ["PreviewCallsTalkTimeToday", "UINT", 4],
      ["PreviewCallsTimeToday", "UINT", 4],
      ["PreviewCallsHeldToday", "UINT", 4],
      ["PreviewCallsHeldTimeToday", "UINT", 4],
      ["ReservationCallsToday", "UINT", 4],
      ["ReservationCallsTalkTimeToday", "UINT", 4],
      ["ReservationCallsTimeToday", "UINT", 4],
      ["ReservationCallsHeldToday", "UINT", 4],
      ["ReservationCallsHeldTimeToday", "UINT", 4],
      ["BargeInCallsToday", "UINT", 4],
      ["InterceptCallsToday", "UINT", 4],
      ["MonitorCallsToday", "UINT", 4],
      ["WhisperCallsToday", "UINT", 4],
      ["EmergencyCallsToday", "UINT", 4],
      ["CallsQToday", "UINT", 4],
      ["CallsQTimeToday", "UINT", 4],
      ["LongestCallQToday", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: REGISTER_VARIABLES_REQ table (pipe table #81; layout header says MessageType = 110).
  {
    name: "REGISTER_VARIABLES_REQ",
    type: 110,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["CallVariableMask", "USHORT", 2],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
    ],
    floating: [
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: REGISTER_VARIABLES_CONF table (pipe table #83; layout header says MessageType = 118).
  // Project decision: type 111 (Ch 3 table); the layout under REGISTER_VARIABLES_REQ says MessageType = 118.
  {
    name: "REGISTER_VARIABLES_CONF",
    type: 111,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SET_APP_DATA_REQ table (pipe table #84; layout header says MessageType = 129).
  // Reading: PreCallInvokeID's type is printed "UNIT" (typo): read as UINT.
  {
    name: "SET_APP_DATA_REQ",
    type: 129,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [
      ["ApplicationPathID", "INT", 4, true],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["FltCallTypeID", "UINT", 4, false],
      ["PreCallInvokeID", "UINT", 4, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SET_APP_DATA_CONF table (pipe table #85; layout header says MessageType = 130).
  {
    name: "SET_APP_DATA_CONF",
    type: 130,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: START_RECORDING_REQ table (pipe table #86; layout header says MessageType = 147).
  // Reading: ClientID/ClientAddress are marked "(server only)" / "(client only)" (who fills them in): names without
  // the marker, `required` not asserted.
  {
    name: "START_RECORDING_REQ",
    type: 147,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ClientPort", "UINT", 4],
      ["BitRate", "UINT", 4],
      ["PacketSize", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["Direction", "USHORT", 2],
      ["RTPType", "USHORT", 2],
      ["EchoCancellation", "USHORT", 2],
      ["PayloadType", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["ClientID", "STRING", 64, ANY], // "(server only)"
      ["ClientAddress", "STRING", 64, ANY], // "(server only)"
      ["AgentExtension", "STRING", 16, true],
      ["AgentID", "STRING", 12, true],
      ["AgentInstrument", "STRING", 64, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: START_RECORDING_CONF table (pipe table #87; layout header says MessageType = 148).
  // Reading: ClientID/ClientAddress are marked "(server only)" / "(client only)" (who fills them in): names without
  // the marker, `required` not asserted.
  {
    name: "START_RECORDING_CONF",
    type: 148,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["SessionID", "UINT", 4],
      ["ServerData", "UINT", 4],
    ],
    floating: [
      ["ClientID", "STRING", 64, ANY], // "(client only)"
      ["ClientAddress", "STRING", 64, ANY], // "(client only)"
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: STOP_RECORDING_REQ table (pipe table #88; layout header says MessageType = 149).
  // Reading: ClientID/ClientAddress are marked "(server only)" / "(client only)" (who fills them in): names without
  // the marker, `required` not asserted.
  {
    name: "STOP_RECORDING_REQ",
    type: 149,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ClientPort", "UINT", 4],
      ["SessionID", "UINT", 4],
      ["ServerData", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["Direction", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["ClientID", "STRING", 64, ANY], // "(server only)"
      ["ClientAddress", "STRING", 64, ANY], // "(server only)"
      ["AgentExtension", "STRING", 16, true],
      ["AgentID", "STRING", 12, true],
      ["AgentInstrument", "STRING", 64, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: STOP_RECORDING_CONF table (pipe table #89; layout header says MessageType = 150).
  // Reading: ClientID/ClientAddress are marked "(server only)" / "(client only)" (who fills them in): names without
  // the marker, `required` not asserted.
  {
    name: "STOP_RECORDING_CONF",
    type: 150,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [
      ["ClientID", "STRING", 64, ANY], // "(client only)"
      ["ClientAddress", "STRING", 64, ANY], // "(client only)"
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: AGENT_DESK_SETTINGS_REQ table (pipe table #90; layout header says MessageType = 131).
  {
    name: "AGENT_DESK_SETTINGS_REQ",
    type: 131,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
    ],
    floating: [["AgentID", "STRING", 12, false]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: AGENT_DESK_SETTINGS_CONF table (pipe table #91; layout header says MessageType = 132).
  // Reading: DefaultDevicePortAddress has no marker but its Value says "Optional value ...": `required` not asserted.
  {
    name: "AGENT_DESK_SETTINGS_CONF",
    type: 132,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["DeskSettingsMask", "UINT", 4],
      ["WrapupDataIncomingMode", "UINT", 4],
      ["WrapupDataOutgoingMode", "UINT", 4],
      ["LogoutNonActivityTime", "UINT", 4],
      ["QualityRecordingRate", "UINT", 4],
      ["RingNoAnswerTime", "UINT", 4],
      ["SilentMonitorWarningMessage", "UINT", 4],
      ["SilentMonitorAudibleIndication", "UINT", 4],
      ["SupervisorAssistCallMethod", "UINT", 4],
      ["EmergencyCallMethod", "UINT", 4],
      ["AutoRecordOnEmergency", "UINT", 4],
      ["RecordingMode", "UINT", 4],
      ["WorkModeTimer", "UINT", 4],
      ["RingNoAnswerDN", "UINT", 4],
    ],
    floating: [
      ["DefaultDevicePortAddress", "STRING", 32, ANY],
      ["PlayZipTone", "UINT", 4, true],
      ["ACDSharedLineUsage", "UINT", 4, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SET_AGENT_SERVICE_DATA_REQ table (pipe table #93; layout header says MessageType = 283).
  // Reading: the second fixed field is printed "RouterCallKey" (its Value speaks of the call key); either that
  // literal name or RouterCallKeyCallID is accepted.
  // Reading: FltEnabledServices is printed as type "USHORT (x NumOfEnabledServices)", size "2* NumOfEnabledServices":
  // one USHORT per enabled service, i.e. a repeated field of maxSize 2 counted by NumOfEnabledServices.
  {
    name: "SET_AGENT_SERVICE_DATA_REQ",
    type: 283,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["RouterCallKeyDay", "UINT", 4],
      [oneOf("RouterCallKey", "RouterCallKeyCallID"), "UINT", 4], // printed "RouterCallKey"
      ["RouterCallKeySequenceNumber", "UINT", 4],
      ["AgentSkillTargetID", "UINT", 4],
    ],
    floating: [
      ["NumOfEnabledServices", "USHORT", 2, false],
      ["FltEnabledServices", "USHORT", 2, false], // size printed "2* NumOfEnabledServices"
      ["TotalAnswersSuggestion", "USHORT", 2, false],
      ["NumPositiveAnswersSuggestions", "USHORT", 2, false],
      ["NumNegativeAnswersSuggestions", "USHORT", 2, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SET_AGENT_SERVICE_DATA_CONF table (pipe table #94; layout header says MessageType = 284).
  // Reading: the second field is printed "NumInvokeID" (Value: "Set to the value of the InvokeID ..."): the literal
  // name or InvokeID is accepted.
  {
    name: "SET_AGENT_SERVICE_DATA_CONF",
    type: 284,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      [oneOf("NumInvokeID", "InvokeID"), "UINT", 4], // printed "NumInvokeID"
      ["Status", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONTROL_FAILURE_CONF table (pipe table #95; layout header says MessageType = 35).
  {
    name: "CONTROL_FAILURE_CONF",
    type: 35,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["FailureCode", "USHORT", 2],
      ["PeripheralErrorCode", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: QUERY_AGENT_STATE_REQ table (pipe table #97; layout header says MessageType = 36).
  {
    name: "QUERY_AGENT_STATE_REQ",
    type: 36,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["MRDID", "INT", 4],
      ["ICMAgentID", "INT", 4],
    ],
    floating: [
      ["AgentExtension", "STRING", 16, true],
      ["AgentID", "STRING", 12, true],
      ["AgentInstrument", "STRING", 64, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: QUERY_AGENT_STATE_CONF table (pipe table #98; layout header says MessageType = 37).
  {
    name: "QUERY_AGENT_STATE_CONF",
    type: 37,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["AgentState", "USHORT", 2],
      ["NumSkillGroups", "USHORT", 2],
      ["MRDID", "INT", 4],
      ["NumTasks", "UINT", 4],
      ["AgentMode", "USHORT", 2],
      ["MaxTaskLimit", "UINT", 4],
      ["ICMAgentID", "INT", 4],
      ["AgentAvailabilityStatus", "UINT", 4],
      ["DepartmentID", "INT", 4],
    ],
    floating: [
      ["AgentID", "STRING", 12, false],
      ["AgentExtension", "STRING", 16, false],
      ["AgentInstrument", "STRING", 64, false],
      ["SkillGroupNumber", "UINT", 4, true],
      ["SkillGroupID", "UINT", 4, true],
      ["SkillGroupPriority", "USHORT", 2, true],
      ["SkillGroupState", "USHORT", 2, true],
      ["InternalAgentState", "USHORT", 2, true],
      ["MaxBeyondTaskLimit", "UINT", 4, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SET_AGENT_STATE_REQ table (pipe table #100; layout header says MessageType = 38).
  // Reading: the SSOEnabled (optional) row has empty Data Type and Byte Size cells: type and size not asserted
  // (CONFIG_AGENT_EVENT prints SSOEnabled as USHORT 2).
  {
    name: "SET_AGENT_STATE_REQ",
    type: 38,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["AgentState", "USHORT", 2],
      ["AgentWorkMode", "USHORT", 2],
      ["NumSkillGroups", "USHORT", 2],
      ["EventReasonCode", "USHORT", 2],
      ["ForcedFlag", "UCHAR", 1],
      ["AgentServiceReq", "UINT", 4],
    ],
    floating: [
      ["AgentInstrument", "STRING", 64, true],
      ["ActiveTerminal", "STRING", 64, true],
      ["AgentID", "STRING", 12, false],
      ["AgentPassword", "STRING", 64, false],
      ["PositionID", "STRING", 12, false],
      ["SupervisorID", "STRING", 12, false],
      ["SSOEnabled", ANY, ANY, false], // Data Type and Byte Size cells empty
      ["SkillGroupNumber", "INT", 4, false],
      ["SkillGroupPriority", "USHORT", 2, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SET_AGENT_STATE_CONF table (pipe table #101; layout header says MessageType = 39).
  {
    name: "SET_AGENT_STATE_CONF",
    type: 39,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: ALTERNATE_CALL_REQ table (pipe table #102; layout header says MessageType = 40).
  {
    name: "ALTERNATE_CALL_REQ",
    type: 40,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ActiveConnectionCallID", "UINT", 4],
      ["OtherConnectionCallID", "UINT", 4],
      ["ActiveConnectionDeviceIDType", "USHORT", 2],
      ["OtherConnectionDeviceIDType", "USHORT", 2],
    ],
    floating: [
      ["ActiveConnectionDeviceID", "STRING", 64, true],
      ["OtherConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: ALTERNATE_CALL_CONF table (pipe table #103; layout header says MessageType = 41).
  {
    name: "ALTERNATE_CALL_CONF",
    type: 41,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: ANSWER_CALL_REQ table (pipe table #104; layout header says MessageType = 42).
  {
    name: "ANSWER_CALL_REQ",
    type: 42,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: ANSWER_CALL_CONF table (pipe table #105; layout header says MessageType = 43).
  {
    name: "ANSWER_CALL_CONF",
    type: 43,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CLEAR_CALL_REQ table (pipe table #106; layout header says MessageType = 44).
  {
    name: "CLEAR_CALL_REQ",
    type: 44,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CLEAR_CALL_CONF table (pipe table #107; layout header says MessageType = 45).
  {
    name: "CLEAR_CALL_CONF",
    type: 45,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CLEAR_CONNECTION_REQ table (pipe table #108; layout header says MessageType = 46).
  {
    name: "CLEAR_CONNECTION_REQ",
    type: 46,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["RequestingDeviceIDType", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
      ["RequestingDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CLEAR_CONNECTION_CONF table (pipe table #109; layout header says MessageType = 47).
  {
    name: "CLEAR_CONNECTION_CONF",
    type: 47,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFERENCE_CALL_REQ table (pipe table #110; layout header says MessageType = 48).
  {
    name: "CONFERENCE_CALL_REQ",
    type: 48,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["HeldConnectionCallID", "UINT", 4],
      ["ActiveConnectionCallID", "UINT", 4],
      ["HeldConnectionDeviceIDType", "USHORT", 2],
      ["ActiveConnectionDeviceIDType", "USHORT", 2],
      ["CallPlacementType", "USHORT", 2],
      ["CallMannerType", "USHORT", 2],
      ["AlertRings", "USHORT", 2],
      ["CallOption", "USHORT", 2],
      ["FacilityType", "USHORT", 2],
      ["AnsweringMachine", "USHORT", 2],
      ["Priority", "BOOL", 2],
      ["PostRoute", "BOOL", 2],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
    ],
    floating: [
      ["ActiveConnectionDeviceID", "STRING", 64, true],
      ["HeldConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
      ["DialedNumber", "STRING", 40, false],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["CallWrapupData", "STRING", 40, false],
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["FacilityCode", "STRING", 40, false],
      ["AuthorizationCode", "STRING", 40, false],
      ["AccountCode", "STRING", 40, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFERENCE_CALL_CONF table (pipe table #111; layout header says MessageType = 49).
  {
    name: "CONFERENCE_CALL_CONF",
    type: 49,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["NewConnectionCallID", "UINT", 4],
      ["NewConnectionDeviceIDType", "USHORT", 2],
      ["NumParties", "USHORT", 2],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
    ],
    floating: [
      ["NewConnectionDeviceID", "STRING", 64, true],
      ["ConnectedPartyCallID", "UINT", 4, false],
      ["ConnectedPartyDeviceIDType", "USHORT", 2, false],
      ["ConnectedPartyDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONSULTATION_CALL_REQ table (pipe table #112; layout header says MessageType = 50).
  {
    name: "CONSULTATION_CALL_REQ",
    type: 50,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ActiveConnectionCallID", "UINT", 4],
      ["ActiveConnectionDeviceIDType", "USHORT", 2],
      ["CallPlacementType", "USHORT", 2],
      ["CallMannerType", "USHORT", 2],
      ["ConsultType", "USHORT", 2],
      ["AlertRings", "USHORT", 2],
      ["CallOption", "USHORT", 2],
      ["FacilityType", "USHORT", 2],
      ["AnsweringMachine", "USHORT", 2],
      ["Priority", "BOOL", 2],
      ["PostRoute", "BOOL", 2],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
    ],
    floating: [
      ["ActiveConnectionDeviceID", "STRING", 64, true],
      ["DialedNumber", "STRING", 40, true],
      ["AgentInstrument", "STRING", 64, false],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["CallWrapupData", "STRING", 40, false],
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["FacilityCode", "STRING", 40, false],
      ["AuthorizationCode", "STRING", 40, false],
      ["AccountCode", "STRING", 40, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONSULTATION_CALL_CONF table (pipe table #113; layout header says MessageType = 51).
  {
    name: "CONSULTATION_CALL_CONF",
    type: 51,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["NewConnectionCallID", "UINT", 4],
      ["NewConnectionDeviceIDType", "USHORT", 2],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
    ],
    floating: [["NewConnectionDeviceID", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: DEFLECT_CALL_REQ table (pipe table #114; layout header says MessageType = 52).
  {
    name: "DEFLECT_CALL_REQ",
    type: 52,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["CalledDeviceType", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["CalledDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: DEFLECT_CALL_CONF table (pipe table #115; layout header says MessageType = 53).
  {
    name: "DEFLECT_CALL_CONF",
    type: 53,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: HOLD_CALL_REQ table (pipe table #116; layout header says MessageType = 54).
  {
    name: "HOLD_CALL_REQ",
    type: 54,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["Reservation", "BOOL", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: HOLD_CALL_CONF table (pipe table #117; layout header says MessageType = 55).
  {
    name: "HOLD_CALL_CONF",
    type: 55,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MAKE_CALL_REQ table (pipe table #118; layout header says MessageType = 56).
  // Reading: the last fixed field is printed "SkilGroupNumber" (sic); that or SkillGroupNumber is accepted.
  {
    name: "MAKE_CALL_REQ",
    type: 56,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["CallPlacementType", "USHORT", 2],
      ["CallMannerType", "USHORT", 2],
      ["AlertRings", "USHORT", 2],
      ["CallOption", "USHORT", 2],
      ["FacilityType", "USHORT", 2],
      ["AnsweringMachine", "USHORT", 2],
      ["Priority", "BOOL", 2],
      ["PostRoute", "BOOL", 2],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
      [oneOf("SkilGroupNumber", "SkillGroupNumber"), "UINT", 4], // printed "SkilGroupNumber"
    ],
    floating: [
      ["AgentInstrument", "STRING", 64, true],
      ["DialedNumber", "STRING", 40, true],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["CallWrapupData", "STRING", 40, false],
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["FacilityCode", "STRING", 40, false],
      ["AuthorizationCode", "STRING", 40, false],
      ["AccountCode", "STRING", 40, false],
      ["CCT", "STRING", 4, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MAKE_CALL_CONF table (pipe table #119; layout header says MessageType = 57).
  {
    name: "MAKE_CALL_CONF",
    type: 57,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["NewConnectionCallID", "UINT", 4],
      ["NewConnectionDeviceIDType", "USHORT", 2],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
    ],
    floating: [["NewConnectionDeviceID", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MAKE_PREDICTIVE_CALL_REQ table (pipe table #120; layout header says MessageType = 58).
  // Reading: AnswerDetectControl1/2 are printed "ULONG 4"; ULONG is not a GED-188 type: read as UINT (4-byte unsigned).
  {
    name: "MAKE_PREDICTIVE_CALL_REQ",
    type: 58,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["CallPlacementType", "USHORT", 2],
      ["CallMannerType", "USHORT", 2],
      ["AlertRings", "USHORT", 2],
      ["CallOption", "USHORT", 2],
      ["FacilityType", "USHORT", 2],
      ["AnsweringMachine", "USHORT", 2],
      ["Priority", "BOOL", 2],
      ["AllocationState", "USHORT", 2],
      ["DestinationCountry", "USHORT", 2],
      ["AnswerDetectMode", "USHORT", 2],
      ["AnswerDetectTime", "USHORT", 2],
      ["AnswerDetectControl1", "UINT", 4], // printed "ULONG"
      ["AnswerDetectControl2", "UINT", 4], // printed "ULONG"
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
    ],
    floating: [
      ["OriginatingDeviceID", "STRING", 64, true],
      ["DialedNumber", "STRING", 40, true],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["CallWrapupData", "STRING", 40, false],
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["FacilityCode", "STRING", 40, false],
      ["AuthorizationCode", "STRING", 40, false],
      ["AccountCode", "STRING", 40, false],
      ["OriginatingLineID", "STRING", 40, false],
      ["CCT", "STRING", 4, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: MAKE_PREDICTIVE_CALL_CONF table (pipe table #121; layout header says MessageType = 59).
  {
    name: "MAKE_PREDICTIVE_CALL_CONF",
    type: 59,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["NewConnectionCallID", "UINT", 4],
      ["NewConnectionDeviceIDType", "USHORT", 2],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
    ],
    floating: [["NewConnectionDeviceID", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: RECONNECT_CALL_REQ table (pipe table #122; layout header says MessageType = 60).
  {
    name: "RECONNECT_CALL_REQ",
    type: 60,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ActiveConnectionCallID", "UINT", 4],
      ["HeldConnectionCallID", "UINT", 4],
      ["ActiveConnectionDeviceIDType", "USHORT", 2],
      ["HeldConnectionDeviceIDType", "USHORT", 2],
    ],
    floating: [
      ["ActiveConnectionDeviceID", "STRING", 64, true],
      ["HeldConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: RECONNECT_CALL_CONF table (pipe table #123; layout header says MessageType = 61).
  {
    name: "RECONNECT_CALL_CONF",
    type: 61,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: RETRIEVE_CALL_REQ table (pipe table #124; layout header says MessageType = 62).
  {
    name: "RETRIEVE_CALL_REQ",
    type: 62,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["HeldConnectionCallID", "UINT", 4],
      ["HeldConnectionDeviceIDType", "USHORT", 2],
    ],
    floating: [
      ["HeldConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: RETRIEVE_CALL_CONF table (pipe table #125; layout header says MessageType = 63).
  {
    name: "RETRIEVE_CALL_CONF",
    type: 63,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: TRANSFER_CALL_REQ table (pipe table #126; layout header says MessageType = 64).
  {
    name: "TRANSFER_CALL_REQ",
    type: 64,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ActiveConnectionCallID", "UINT", 4],
      ["HeldConnectionCallID", "UINT", 4],
      ["ActiveConnectionDeviceIDType", "USHORT", 2],
      ["HeldConnectionDeviceIDType", "USHORT", 2],
      ["CallPlacementType", "USHORT", 2],
      ["CallMannerType", "USHORT", 2],
      ["AlertRings", "USHORT", 2],
      ["CallOption", "USHORT", 2],
      ["FacilityType", "USHORT", 2],
      ["AnsweringMachine", "USHORT", 2],
      ["Priority", "BOOL", 2],
      ["PostRoute", "BOOL", 2],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
    ],
    floating: [
      ["ActiveConnectionDeviceID", "STRING", 64, true],
      ["HeldConnectionDeviceID", "STRING", 64, false],
      ["AgentInstrument", "STRING", 64, false],
      ["DialedNumber", "STRING", 40, false],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["CallWrapupData", "STRING", 40, false],
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["FacilityCode", "STRING", 40, false],
      ["AuthorizationCode", "STRING", 40, false],
      ["AccountCode", "STRING", 40, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: TRANSFER_CALL_CONF table (pipe table #127; layout header says MessageType = 65).
  {
    name: "TRANSFER_CALL_CONF",
    type: 65,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["NewConnectionCallID", "UINT", 4],
      ["NewConnectionDeviceIDType", "USHORT", 2],
      ["NumParties", "USHORT", 2],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
    ],
    floating: [
      ["NewConnectionDeviceID", "STRING", 64, true],
      ["ConnectedPartyCallID", "UINT", 4, false],
      ["ConnectedPartyDeviceIDType", "USHORT", 2, false],
      ["ConnectedPartyDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: QUERY_DEVICE_INFO_REQ table (pipe table #128; layout header says MessageType = 78).
  {
    name: "QUERY_DEVICE_INFO_REQ",
    type: 78,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["Reserved", "USHORT", 2],
    ],
    floating: [["AgentInstrument", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: QUERY_DEVICE_INFO_CONF table (pipe table #129; layout header says MessageType = 79).
  {
    name: "QUERY_DEVICE_INFO_CONF",
    type: 79,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["TypeOfDevice", "USHORT", 2],
      ["ClassOfDevice", "USHORT", 2],
      ["NumLines", "USHORT", 2],
      ["Reserved", "USHORT", 2],
      ["MaxActiveCalls", "USHORT", 2],
      ["MaxHeldCalls", "USHORT", 2],
      ["MaxDevicesInConference", "USHORT", 2],
      ["MakeCallSetup", "UINT", 4],
      ["TransferConferenceSetup", "UINT", 4],
      ["CallEventsSupported", "UINT", 4],
      ["CallControlSupported", "UINT", 4],
      ["OtherFeaturesSupported", "UINT", 4],
    ],
    floating: [
      ["LineHandle", "USHORT", 2, true],
      ["LineType", "USHORT", 2, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SNAPSHOT_CALL_REQ table (pipe table #133; layout header says MessageType = 82).
  {
    name: "SNAPSHOT_CALL_REQ",
    type: 82,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
    ],
    floating: [["ConnectionDeviceID", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SNAPSHOT_CALL_CONF table (pipe table #134; layout header says MessageType = 83).
  // Reading: FltEnabledServices is printed as type "USHORT (x NumOfEnabledServices)", size "2* NumOfEnabledServices":
  // one USHORT per enabled service, i.e. a repeated field of maxSize 2 counted by NumOfEnabledServices.
  {
    name: "SNAPSHOT_CALL_CONF",
    type: 83,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["CallType", "USHORT", 2],
      ["NumCTIClients", "USHORT", 2],
      ["NumCallDevices", "USHORT", 2],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
      ["CalledPartyDisposition", "USHORT", 2],
    ],
    floating: [
      ["ANI", "STRING", 40, false],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ["DNIS", "STRING", 32, false],
      ["DialedNumber", "STRING", 40, false],
      ["CallerEnteredDigits", "STRING", 40, false],
      ["RouterCallKeyDay", "UINT", 4, true],
      ["RouterCallKeyCallID", "UINT", 4, true],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["CallWrapupData", "STRING", 40, false],
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["CTIClientSignature", "STRING", 64, true],
      ["CTIClientTimestamp", "TIME", 4, true],
      ["CallConnectionCallID", "UINT", 4, false],
      ["CallConnectionDeviceIDType", "USHORT", 2, false],
      ["CallConnectionDeviceID", "STRING", 64, false],
      ["CallDeviceType", "USHORT", 2, false],
      ["CallDeviceID", "STRING", 64, false],
      ["CallDeviceConnectionState", "USHORT", 2, false],
      ["CallReferenceID", "UNSPEC", 32, false],
      ["COCConnectionCallID", "UINT", 4, false],
      ["COCCallConnectionDeviceIDType", "USHORT", 2, false],
      ["COCCallConnectionDeviceID", "STRING", 64, false],
      ["ProtocolReferenceGUID", "STRING", 40, false],
      ["CcaiConfigId", "STRING", 40, false],
      ["NumOfEnabledServices", "USHORT", 2, false],
      ["FltEnabledServices", "USHORT", 2, false], // size printed "2* NumOfEnabledServices"
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SNAPSHOT_DEVICE_REQ table (pipe table #136; layout header says MessageType = 84).
  {
    name: "SNAPSHOT_DEVICE_REQ",
    type: 84,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["SnapshotDeviceType", "USHORT", 2],
    ],
    floating: [["AgentInstrument", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SNAPSHOT_DEVICE_CONF table (pipe table #137; layout header says MessageType = 85).
  {
    name: "SNAPSHOT_DEVICE_CONF",
    type: 85,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["NumCalls", "USHORT", 2],
    ],
    floating: [
      ["CallConnectionCallID", "UINT", 4, false],
      ["CallConnectionDeviceIDType", "USHORT", 2, false],
      ["CallConnectionDeviceID", "STRING", 64, false],
      ["CallState", "USHORT", 2, false],
      ["SilentMonitorStatus", "USHORT", 2, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SEND_DTMF_SIGNAL_REQ table (pipe table #138; layout header says MessageType = 91).
  {
    name: "SEND_DTMF_SIGNAL_REQ",
    type: 91,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ToneDuration", "USHORT", 2],
      ["PauseDuration", "UINT", 4],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["DTMFString", "STRING", 32, true],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SEND_DTMF_SIGNAL_CONF table (pipe table #139; layout header says MessageType = 92).
  {
    name: "SEND_DTMF_SIGNAL_CONF",
    type: 92,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SUPERVISOR_ASSIST_REQ table (pipe table #140; layout header says MessageType = 118).
  {
    name: "SUPERVISOR_ASSIST_REQ",
    type: 118,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AgentExtension", "STRING", 16, true],
      ["AgentID", "STRING", 12, true],
      ["AgentInstrument", "STRING", 64, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: SUPERVISOR_ASSIST_CONF table (pipe table #141; layout header says MessageType = 119).
  {
    name: "SUPERVISOR_ASSIST_CONF",
    type: 119,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["LineHandle", "USHORT", 2],
      ["LineType", "USHORT", 2],
    ],
    floating: [["ConnectionDeviceID", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: BAD_CALL_REQ table (pipe table #145; layout header says MessageType = 139).
  {
    name: "BAD_CALL_REQ",
    type: 139,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ConnectionCallID", "UINT", 4],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AgentID", "STRING", 12, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: BAD_CALL_CONF table (pipe table #146; layout header says MessageType = 140).
  {
    name: "BAD_CALL_CONF",
    type: 140,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: AGENT_GREETING_CONTROL_REQ table (pipe table #147; layout header says MessageType = 249).
  // Reading: AgentID (required) is printed with type "String": STRING.
  {
    name: "AGENT_GREETING_CONTROL_REQ",
    type: 249,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["AgentAction", "USHORT", 2],
    ],
    floating: [["AgentID", "STRING", 12, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: AGENT_GREETING_CONTROL_CONF table (pipe table #148; layout header says MessageType = 250).
  {
    name: "AGENT_GREETING_CONTROL_CONF",
    type: 250,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: START_NETWORK_RECORDING_REQ table (pipe table #149; layout header says MessageType = 268).
  // Project decision: type 267 (Ch 3 table); the Ch 5 layout header says 268.
  {
    name: "START_NETWORK_RECORDING_REQ",
    type: 267,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
    ],
    floating: [
      ["PlayToneDirection", "USHORT", 2, true],
      ["InvocationType", "USHORT", 2, true],
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: START_NETWORK_RECORDING_CONF table (pipe table #150; layout header says MessageType = 269).
  // Project decision: type 268 (Ch 3 table); the Ch 5 layout header says 269.
  {
    name: "START_NETWORK_RECORDING_CONF",
    type: 268,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: STOP_NETWORK_RECORDING_REQ table (pipe table #151; layout header says MessageType = 270).
  // Project decision: type 269 (Ch 3 table); the Ch 5 layout header says 270.
  {
    name: "STOP_NETWORK_RECORDING_REQ",
    type: 269,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
    ],
    floating: [
      ["InvocationType", "USHORT", 2, true],
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: STOP_NETWORK_RECORDING_CONF table (pipe table #152; layout header says MessageType = 271).
  // Project decision: type 270 (Ch 3 table); the Ch 5 layout header says 271.
  {
    name: "STOP_NETWORK_RECORDING_CONF",
    type: 270,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: REGISTER_SERVICE_REQ table (pipe table #153; layout header says MessageType = 143).
  {
    name: "REGISTER_SERVICE_REQ",
    type: 143,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["ServerMode", "USHORT", 2],
    ],
    floating: [["ServiceName", "STRING", 64, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: REGISTER_SERVICE_CONF table (pipe table #154; layout header says MessageType = 144).
  {
    name: "REGISTER_SERVICE_CONF",
    type: 144,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["RegisteredServiceID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: UNREGISTER_SERVICE_REQ table (pipe table #155; layout header says MessageType = 145).
  {
    name: "UNREGISTER_SERVICE_REQ",
    type: 145,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["RegisteredServiceID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: UNREGISTER_SERVICE_CONF table (pipe table #156; layout header says MessageType = 146).
  {
    name: "UNREGISTER_SERVICE_CONF",
    type: 146,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_REQUEST_KEY_EVENT table (pipe table #157; layout header says MessageType = 230).
  {
    name: "CONFIG_REQUEST_KEY_EVENT",
    type: 230,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["PeripheralID", "UINT", 4],
    ],
    floating: [["CustomerID", "UINT", 4, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_KEY_EVENT table (pipe table #158; layout header says MessageType = 231).
  // Reading: the fixed field is printed "ConfigkeyStatus" (lower-case k); that or ConfigKeyStatus is accepted.
  // The keys are printed "UNSPEC (8)" / 8: UNSPEC 8.
  {
    name: "CONFIG_KEY_EVENT",
    type: 231,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      [oneOf("ConfigkeyStatus", "ConfigKeyStatus"), "UINT", 4],
    ],
    floating: [
      ["ServiceConfigKey", "UNSPEC", 8, true],
      ["SkillGroupConfigKey", "UNSPEC", 8, true],
      ["AgentConfigKey", "UNSPEC", 8, true],
      ["DeviceConfigKey", "UNSPEC", 8, true],
      ["CallTypeConfigKey", "UNSPEC", 8, true],
      ["PeripheralConfigKey", "UNSPEC", 8, true],
      ["AgentDeskSettingsConfigKey", "UNSPEC", 8, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_REQUEST_EVENT table (pipe table #160; layout header says MessageType = 232).
  {
    name: "CONFIG_REQUEST_EVENT",
    type: 232,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["ConfigInformation", "UINT", 4],
      ["ConfigMsgMask", "UINT", 4],
      ["PeripheralID", "UINT", 4],
    ],
    floating: [["CustomerID", "UINT", 4, true]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_BEGIN_EVENT table (pipe table #161; layout header says MessageType = 233).
  // Reading: one key is printed "CallTypeConfi Key" (sic): "CallTypeConfiKey" or CallTypeConfigKey is accepted.
  {
    name: "CONFIG_BEGIN_EVENT",
    type: 233,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["ConfigType", "USHORT", 2],
      ["ConfigInformation", "UINT", 4],
    ],
    floating: [
      ["ServiceConfigKey", "UNSPEC", 8, true],
      ["SkillGroupConfigKey", "UNSPEC", 8, true],
      ["AgentConfigKey", "UNSPEC", 8, true],
      ["DeviceConfigKey", "UNSPEC", 8, true],
      [oneOf("CallTypeConfiKey", "CallTypeConfigKey"), "UNSPEC", 8, true], // printed "CallTypeConfi Key"
      ["PeripheralConfigKey", "UNSPEC", 8, true],
      ["AgentDeskSettingsConfigKey", "UNSPEC", 8, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_SERVICE_EVENT table (pipe table #162; layout header says MessageType = 235).
  // Reading: ServiceMember is printed "UNIT[NumServiceMembers]" / "4* NumServiceMembers" (UNIT = UINT typo) and
  // ServicePriority "USHORT[NumServiceMembers]" / "2* ...": one element per occurrence, maxSize 4 and 2.
  // Reading: OldPeripheralNumber has no marker but "For a change request this field may be present": `required` not asserted.
  {
    name: "CONFIG_SERVICE_EVENT",
    type: 235,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["NumRecords", "USHORT", 2],
    ],
    floating: [
      ["RecordType", "USHORT", 2, true],
      ["FltPeripheralID", "UINT", 4, true],
      ["PeripheralNumber", "UINT", 4, true],
      ["OldPeripheralNumber", "UINT", 4, ANY],
      ["MaxQueued", "UINT", 4, true],
      ["Extension", "STRING", 16, true],
      ["ServiceSkillTargetID", "UINT", 4, true],
      ["PeripheralName", "STRING", 64, true],
      ["Description", "STRING", 128, true],
      ["ServiceLevelThreshold", "UINT", 4, true],
      ["ServiceLevelType", "UINT", 4, true],
      ["ConfigParam", "STRING", 255, true],
      ["FltMRDomainID", "UINT", 4, true],
      ["NumServiceMembers", "USHORT", 2, true],
      ["ServiceMember", "UINT", 4, true], // printed "UNIT[NumServiceMembers]", "4* NumServiceMembers"
      ["ServicePriority", "USHORT", 2, true], // printed "USHORT[NumServiceMembers]", "2* NumServiceMembers"
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_SKILL_GROUP_EVENT table (pipe table #163; layout header says MessageType = 236).
  // Reading: FltSkillGroupPriority (Optional) is printed USHORT / "2 * NumSkills": maxSize 2 per occurrence.
  // Reading: OldPeripheralNumber has no marker but "For a change request this field may be present": `required` not asserted.
  {
    name: "CONFIG_SKILL_GROUP_EVENT",
    type: 236,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["NumRecords", "USHORT", 2],
    ],
    floating: [
      ["RecordType", "USHORT", 2, true],
      ["FltPeripheralID", "UINT", 4, true],
      ["PeripheralNumber", "UINT", 4, true],
      ["OldPeripheralNumber", "UINT", 4, ANY],
      ["FltSkillGroupPriority", "USHORT", 2, false], // size printed "2 * NumSkills"
      ["SkillGroupSkillTargetID", "UINT", 4, true],
      ["AutoWork", "BOOL", 2, true],
      ["Extension", "STRING", 16, true],
      ["PeripheralName", "STRING", 64, true],
      ["Description", "STRING", 128, true],
      ["FltMRDomainID", "UINT", 4, true],
      ["FltPrecisionQueueID", "UINT", 4, true],
      ["FltPrecisionQueueName", "STRING", 32, true],
      ["ConfigParam", "STRING", 255, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_AGENT_EVENT table (pipe table #164; layout header says MessageType = 237).
  // Reading: the four arrays are printed "UINT[NumSkills]" / "4 * NumSkills" etc.: one element per occurrence.
  // Reading: OldLoginID has no marker but "For a change request, this field may be present": `required` not asserted.
  {
    name: "CONFIG_AGENT_EVENT",
    type: 237,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["NumRecords", "USHORT", 2],
    ],
    floating: [
      ["RecordType", "USHORT", 2, true],
      ["FltPeripheralID", "UINT", 4, true],
      ["ActiveTerminal", "STRING", 64, true],
      ["AgentType", "USHORT", 2, true],
      ["AgentDeskSettingsID", "UINT", 4, true],
      ["LoginID", "STRING", 64, true],
      ["OldLoginID", "STRING", 64, ANY],
      ["LoginName", "STRING", 255, true],
      ["LastName", "STRING", 32, true],
      ["FirstName", "STRING", 32, true],
      ["Extension", "STRING", 16, true],
      ["Description", "STRING", 128, true],
      ["AgentSkillTargetID", "UINT", 4, true],
      ["NumSkills", "USHORT", 2, true],
      ["SSOEnabled", "USHORT", 2, true],
      ["NumMRDs", "USHORT", 2, true],
      ["FltSkillGroupNumber", "UINT", 4, true], // printed "UINT[NumSkills]", "4 * NumSkills"
      ["FltSkillGroupPriority", "USHORT", 2, true], // printed "USHORT[NumSkills]", "2 * NumSkills"
      ["FltAgentMRDID", "UINT", 4, true], // printed "UINT[NumMRDs]", "4 * NumMRDs"
      ["FltAgentMRDState", "USHORT", 2, true], // printed "USHORT[NumMRDs]", "2 * NumMRDs"
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CALL_ATTRIBUTE_CHANGE_EVENT table (no MessageType;
  // 240 from the SDK headers; ConnectionDeviceIDType is printed "USHORT 4").
  {
    name: "CALL_ATTRIBUTE_CHANGE_EVENT",
    type: 240,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["CallTypeID", "UINT", 4],
      ["ServiceNumber", "UINT", 4],
    ],
    floating: [["ConnectionDeviceID", "STRING", 64, false]],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_TERMINAL_EVENT table (pipe table #166; layout header says MessageType = 276).
  {
    name: "CONFIG_TERMINAL_EVENT",
    type: 276,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["NumRecords", "USHORT", 2],
    ],
    floating: [
      ["RecordType", "USHORT", 2, true],
      ["TerminalType", "USHORT", 2, true],
      ["TerminalDeviceName", "STRING", 64, true],
      ["TerminalTypeName", "STRING", 100, true],
      ["NumInstruments", "USHORT", 2, true],
      ["Instrument", "STRING", 64, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_AGENT_DESK_SETTINGS_EVENT table (pipe table #167; layout header says MessageType = 261).
  // Reading: FltDefaultDevicePortAddress is printed "String" 4 (AGENT_DESK_SETTINGS_CONF prints its DefaultDevicePortAddress
  // as STRING 32): transcribed as printed, STRING 4.
  // Reading: FltDefaultDevicePortAddress has no marker but its Value says "Optional value ...": `required` not asserted.
  {
    name: "CONFIG_AGENT_DESK_SETTINGS_EVENT",
    type: 261,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["NumRecords", "USHORT", 2],
    ],
    floating: [
      ["RecordType", "USHORT", 2, true],
      ["AgentDeskSettingsID", "UINT", 4, true],
      ["FltDeskSettingsMask", "UINT", 4, true],
      ["FltWrapUpDataIncomingMode", "UINT", 4, true],
      ["FltWrapUpDataOutgoingMode", "UINT", 4, true],
      ["FltLogoutNonActivityTime", "UINT", 4, true],
      ["FltQualityRecordingRate", "UINT", 4, true],
      ["FltRingNoAnswerTime", "UINT", 4, true],
      ["FltSilentMonitorWarningMessage", "UINT", 4, true],
      ["FltSilentMonitorAudibleIndication", "UINT", 4, true],
      ["FltSupervisorAssistCallMethod", "UINT", 4, true],
      ["FltEmergencyCallMethod", "UINT", 4, true],
      ["FltAutoRecordOnEmergency", "UINT", 4, true],
      ["FltRecordingMode", "UINT", 4, true],
      ["FltWorkModeTimer", "UINT", 4, true],
      ["FltRingNoAnswerDnId", "UINT", 4, true],
      ["FltDefaultDevicePortAddress", "STRING", 4, ANY],
      ["PlayZipTone", "UINT", 4, true],
      ["ACDSharedLineUsage", "UINT", 4, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_PERIPHERAL_EVENT table (pipe table #168; layout header says MessageType = 260).
  {
    name: "CONFIG_PERIPHERAL_EVENT",
    type: 260,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["NumRecords", "USHORT", 2],
    ],
    floating: [
      ["RecordType", "USHORT", 2, true],
      ["ConfigPeripheralID", "UINT", 4, true],
      ["DefaultAgentDeskSettingsID", "UINT", 4, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_DEVICE_EVENT table (pipe table #169; layout header says MessageType = 238).
  {
    name: "CONFIG_DEVICE_EVENT",
    type: 238,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["NumRecords", "USHORT", 2],
    ],
    floating: [
      ["RecordType", "USHORT", 2, true],
      ["FltPeripheralID", "UINT", 4, true],
      ["PeripheralNumber", "UINT", 4, true],
      ["DeviceType", "USHORT", 2, true],
      ["MaxQueued", "UINT", 4, true],
      ["FltServiceID", "UINT", 4, true],
      ["DialedNumber", "STRING", 40, true],
      ["DNIS", "STRING", 32, true],
      ["Extension", "STRING", 16, true],
      ["Description", "STRING", 128, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_CALL_TYPE_EVENT table (pipe table #170; layout header says MessageType = 245).
  {
    name: "CONFIG_CALL_TYPE_EVENT",
    type: 245,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["NumRecords", "USHORT", 2],
    ],
    floating: [
      ["RecordType", "USHORT", 2, true],
      ["FltCallTypeID", "UINT", 4, true],
      ["CustomerDefinitionID", "UINT", 4, true],
      ["EnterpriseName", "STRING", 32, true],
      ["Description", "STRING", 128, true],
      ["ServiceLevelThreshold", "UINT", 4, true],
      ["ServiceLevelType", "UINT", 4, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_MRD_EVENT table (pipe table #171; layout header says MessageType = 245).
  // Project decision: type 254 (Ch 3 table); the layout header says 245 (which is CONFIG_CALL_TYPE_EVENT).
  {
    name: "CONFIG_MRD_EVENT",
    type: 254,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["NumRecords", "USHORT", 2],
    ],
    floating: [
      ["RecordType", "USHORT", 2, true],
      ["FltMRDomainID", "UINT", 4, true],
      ["FltEnterpriseName", "STRING", 32, true],
      ["FltDescription", "STRING", 128, true],
      ["FltMaxTaskDuration", "UINT", 4, true],
      ["FltInterruptible", "BOOL", 2, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_AGENT_SERVICE_EVENT table (pipe table #172; layout header says MessageType = 282).
  // Reading: the fixed count is printed "Num Records": NumRecords.
  // Reading: FltEnabledServices is printed as type "USHORT (x NumOfEnabledServices)", size "2* NumOfEnabledServices":
  // one USHORT per enabled service, i.e. a repeated field of maxSize 2 counted by NumOfEnabledServices.
  {
    name: "CONFIG_AGENT_SERVICE_EVENT",
    type: 282,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["NumRecords", "USHORT", 2],
    ],
    floating: [
      ["AgentSkillTargetID", "UINT", 4, true],
      ["NumOfEnabledServices", "USHORT", 2, true],
      ["FltEnabledServices", "USHORT", 2, false], // size printed "2* NumOfEnabledServices"
      ["RecordType", "USHORT", 2, true],
    ],
  },
  // cti-server-v25-15.0/05-application-level-interfaces.md: CONFIG_END_EVENT table (pipe table #173; layout header says MessageType = 234).
  // Reading: Text has no marker but its Value says "Optional Text describing errors or info.": `required` not asserted.
  {
    name: "CONFIG_END_EVENT",
    type: 234,
    version: 25,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["ConfigEndStatus", "UINT", 4],
    ],
    floating: [["Text", "STRING", 255, ANY]],
  },
  // cti-server-v23-12.5/03-messaging-conventions.md: FAILURE_CONF table (pipe table #7; layout header says MessageType = 1).
  // Reading: the v23 Ch 3 table prints InvokeID, Status UINT 4 (compare the v25 entry above).
  {
    name: "FAILURE_CONF",
    type: 1,
    version: 23,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["Status", "UINT", 4],
    ],
    floating: [],
  },
  // cti-server-v23-12.5/05-application-level-interfaces.md: AGENT_STATE_EVENT table (pipe table #18; layout header says MessageType = 30).
  // Reading: SkillGroupNumber's type is printed "USINT" (a typo; 4 bytes): read as UINT.
  // EventReasonCode's row is broken by an inline Note; its last two cells are USHORT 2.
  {
    name: "AGENT_STATE_EVENT",
    type: 30,
    version: 23,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["SessionID", "UINT", 4],
      ["PeripheralType", "USHORT", 2],
      ["SkillGroupState", "USHORT", 2],
      ["StateDuration", "UINT", 4],
      ["SkillGroupNumber", "UINT", 4], // printed "USINT"
      ["SkillGroupID", "UINT", 4],
      ["SkillGroupPriority", "USHORT", 2],
      ["AgentState", "USHORT", 2],
      ["EventReasonCode", "USHORT", 2],
      ["MRDID", "INT", 4],
      ["NumTasks", "UINT", 4],
      ["AgentMode", "USHORT", 2],
      ["MaxTaskLimit", "UINT", 4],
      ["ICMAgentID", "INT", 4],
      ["AgentAvailabilityStatus", "UINT", 4],
      ["NumFltSkillGroups", "USHORT", 2],
      ["DepartmentID", "INT", 4],
    ],
    floating: [
      ["CTIClientSignature", "STRING", 64, false],
      ["AgentID", "STRING", 12, false],
      ["AgentExtension", "STRING", 16, false],
      ["AgentInstrument", "STRING", 64, false],
      ["Duration", "UINT", 4, false],
      ["NextAgentState", "USHORT", 2, true],
      ["Direction", "UINT", 4, true],
      ["FltSkillGroupNumber", "INT", 4, true],
      ["FltSkillGroupID", "UINT", 4, true],
      ["FltSkillGroupPriority", "USHORT", 2, true],
      ["FltSkillGroupState", "USHORT", 2, true],
      ["MaxBeyondTaskLimit", "UINT", 4, true],
    ],
  },
  // cti-server-v23-12.5/05-application-level-interfaces.md: AGENT_PRE_CALL_EVENT table (pipe table #24; layout header says MessageType = 105).
  // Reading: PreCallInvokeID's type is printed "UNIT" (typo): read as UINT. No v24/v25 additions (ProtocolReferenceGUID ...).
  {
    name: "AGENT_PRE_CALL_EVENT",
    type: 105,
    version: 23,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["MonitorID", "UINT", 4],
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
      ["ServiceNumber", "UINT", 4],
      ["ServiceID", "UINT", 4],
      ["SkillGroupNumber", "UINT", 4],
      ["SkillGroupID", "UINT", 4],
      ["SkillGroupPriority", "USHORT", 2],
      ["MRDID", "INT", 4],
      ["AgentSkillTargetID", "UINT", 4],
    ],
    floating: [
      ["AgentInstrument", "STRING", 64, true],
      ["RouterCallKeyDay", "UINT", 4, true],
      ["RouterCallKeyCallID", "UINT", 4, true],
      ["RouterCallKeySequenceNumber", "UINT", 4, true],
      ["ANI", "STRING", 40, false],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ["DialedNumber", "STRING", 40, false],
      ["CallerEnteredDigits", "STRING", 40, false],
      ["FltCallTypeID", "UINT", 4, false],
      ["PreCallInvokeID", "UINT", 4, false],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["AgentID", "STRING", 12, false],
    ],
  },
  // cti-server-v23-12.5/05-application-level-interfaces.md: USER_MESSAGE_REQ table (pipe table #73; layout header says MessageType = 107).
  // Reading: v23 still has "CTIOSCILClient ID" STRING 64 (no marker) after Text.
  {
    name: "USER_MESSAGE_REQ",
    type: 107,
    version: 23,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["Distribution", "USHORT", 2],
    ],
    floating: [
      ["ClientID", "STRING", 64, false],
      ["AgentExtension", "STRING", 16, true],
      ["AgentID", "STRING", 12, true],
      ["AgentInstrument", "STRING", 64, true],
      ["Text", "STRING", 255, true],
      ["CTIOSCILClientID", "STRING", 64, true],
    ],
  },
  // cti-server-v23-12.5/05-application-level-interfaces.md: CLEAR_CONNECTION_REQ table (pipe table #106; layout header says MessageType = 46).
  // v25 Ch 7: CTIOSCILClientID has been removed from CLEAR_CONNECTION_REQ and SEND_DTMF_SIGNAL_REQ; v23 still has it.
  {
    name: "CLEAR_CONNECTION_REQ",
    type: 46,
    version: 23,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["RequestingDeviceIDType", "USHORT", 2],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
      ["CTIOSCILClientID", "STRING", 64, true],
      ["RequestingDeviceID", "STRING", 64, false],
    ],
  },
  // cti-server-v23-12.5/05-application-level-interfaces.md: CONFERENCE_CALL_REQ table (pipe table #108; layout header says MessageType = 48).
  // Reading: the v23 guide prints "PostRoute 1" where "1" is a footnote mark (v25 Ch 7: "the related footnote has
  // been removed"): field PostRoute.
  {
    name: "CONFERENCE_CALL_REQ",
    type: 48,
    version: 23,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["HeldConnectionCallID", "UINT", 4],
      ["ActiveConnectionCallID", "UINT", 4],
      ["HeldConnectionDeviceIDType", "USHORT", 2],
      ["ActiveConnectionDeviceIDType", "USHORT", 2],
      ["CallPlacementType", "USHORT", 2],
      ["CallMannerType", "USHORT", 2],
      ["AlertRings", "USHORT", 2],
      ["CallOption", "USHORT", 2],
      ["FacilityType", "USHORT", 2],
      ["AnsweringMachine", "USHORT", 2],
      ["Priority", "BOOL", 2],
      ["PostRoute", "BOOL", 2], // printed "PostRoute 1" (footnote 1)
      ["NumNamedVariables", "USHORT", 2],
      ["NumNamedArrays", "USHORT", 2],
    ],
    floating: [
      ["ActiveConnectionDeviceID", "STRING", 64, true],
      ["HeldConnectionDeviceID", "STRING", 64, true],
      ["AgentInstrument", "STRING", 64, false],
      ["DialedNumber", "STRING", 40, false],
      ["UserToUserInfo", "UNSPEC", 131, false],
      ...CALL_VARIABLES, // CallVariable1 … CallVariable10, STRING 41 (optional)
      ["CallWrapupData", "STRING", 40, false],
      ["NamedVariable", "NAMEDVAR", 251, false],
      ["NamedArray", "NAMEDARRAY", 252, false],
      ["FacilityCode", "STRING", 40, false],
      ["AuthorizationCode", "STRING", 40, false],
      ["AccountCode", "STRING", 40, false],
    ],
  },
  // cti-server-v23-12.5/05-application-level-interfaces.md: SEND_DTMF_SIGNAL_REQ table (pipe table #136; layout header says MessageType = 91).
  // v25 Ch 7: CTIOSCILClientID has been removed from CLEAR_CONNECTION_REQ and SEND_DTMF_SIGNAL_REQ; v23 still has it.
  {
    name: "SEND_DTMF_SIGNAL_REQ",
    type: 91,
    version: 23,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["InvokeID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ConnectionCallID", "UINT", 4],
      ["ConnectionDeviceIDType", "USHORT", 2],
      ["ToneDuration", "USHORT", 2],
      ["PauseDuration", "UINT", 4],
    ],
    floating: [
      ["ConnectionDeviceID", "STRING", 64, true],
      ["DTMFString", "STRING", 32, true],
      ["AgentInstrument", "STRING", 64, false],
      ["CTIOSCILClientID", "STRING", 64, true],
    ],
  },
  // cti-server-v23-12.5/05-application-level-interfaces.md: CONFIG_REQUEST_EVENT table (pipe table #158; layout header says MessageType = 232).
  // v23 has no ConfigMsgMask in the fixed part (v25 has it after ConfigInformation).
  {
    name: "CONFIG_REQUEST_EVENT",
    type: 232,
    version: 23,
    fixed: [
      ["MessageHeader", "MHDR", 8],
      ["ConfigInformation", "UINT", 4],
      ["PeripheralID", "UINT", 4],
    ],
    floating: [["CustomerID", "UINT", 4, true]],
  },
];

/**
 * Expected floating-field tag numbers, looked up by hand in Ch 6 "Tag Values" of the same edition
 * (06-constants-and-status-codes.md, pipe table "Floating Field Tag | Using Messages | Value").
 * Only fields whose tag is unambiguous are listed; the rest of a message's floating fields are not asserted.
 */
const TAGS: Record<string, Record<string, Cell<number>>> = {
  // BEGIN_CALL_EVENT: CONNECTION_DEVID 25, ANI 8, UUI 9, DNIS 10, DIALED_NUMBER 11, CED 12, ROUTER_CALL_KEY_DAY 72,
  // ROUTER_CALL_KEY_CALLID 73, ROUTER_CALL_KEY_SEQUENCE_NUM 110, CALL_VAR_n 13-22, CALL_WRAPUP_DATA 46,
  // NAMED_VARIABLE 82, NAMED_ARRAY 83, CTI_CLIENT_SIGNATURE 23, CTI_CLIENT_TIMESTAMP 24, CALL_REFERENCE_ID 223.
  "BEGIN_CALL_EVENT@25": {
    ConnectionDeviceID: 25,
    ANI: 8,
    UserToUserInfo: 9,
    DNIS: 10,
    DialedNumber: 11,
    CallerEnteredDigits: 12,
    RouterCallKeyDay: 72,
    RouterCallKeyCallID: 73,
    RouterCallKeySequenceNumber: 110,
    ...CALL_VARIABLE_TAGS,
    CallWrapupData: 46,
    NamedVariable: 82,
    NamedArray: 83,
    CTIClientSignature: 23,
    CTIClientTimestamp: 24,
    CallReferenceID: 223,
  },
  "END_CALL_EVENT@25": { ConnectionDeviceID: 25 },
  // CALL_DATA_UPDATE_EVENT adds NEW_CONNECTION_DEVID 47, CUSTOMER_PHONE_NUMBER 95, CUSTOMER_ACCOUNT_NUMBER 96.
  "CALL_DATA_UPDATE_EVENT@25": {
    ConnectionDeviceID: 25,
    NewConnectionDeviceID: 47,
    ANI: 8,
    UserToUserInfo: 9,
    DNIS: 10,
    DialedNumber: 11,
    CallerEnteredDigits: 12,
    RouterCallKeyDay: 72,
    RouterCallKeyCallID: 73,
    RouterCallKeySequenceNumber: 110,
    ...CALL_VARIABLE_TAGS,
    CallWrapupData: 46,
    NamedVariable: 82,
    NamedArray: 83,
    CustomerPhoneNumber: 95,
    CustomerAccountNumber: 96,
    CTIClientSignature: 23,
    CTIClientTimestamp: 24,
    CallReferenceID: 223,
  },
  // ALERTING_DEVID 26, CALLING_DEVID 27, CALLED_DEVID 28, LAST_REDIRECT_DEVID 29, TRUNK_NUMBER 121,
  // TRUNK_GROUP_NUMBER 122, SECONDARY_CONNECTION_CALL_ID 202, ANI_II 215.
  "CALL_DELIVERED_EVENT@25": {
    ConnectionDeviceID: 25,
    AlertingDeviceID: 26,
    CallingDeviceID: 27,
    CalledDeviceID: 28,
    LastRedirectDeviceID: 29,
    TrunkNumber: 121,
    TrunkGroupNumber: 122,
    SecondaryConnectionCallID: 202,
    ANI: 8,
    ANI_II: 215,
    UserToUserInfo: 9,
    DNIS: 10,
    DialedNumber: 11,
    CallerEnteredDigits: 12,
    ...CALL_VARIABLE_TAGS,
    CallWrapupData: 46,
    NamedVariable: 82,
    NamedArray: 83,
  },
  // ANSWERING_DEVID 30.
  "CALL_ESTABLISHED_EVENT@25": {
    ConnectionDeviceID: 25,
    AnsweringDeviceID: 30,
    CallingDeviceID: 27,
    CalledDeviceID: 28,
    LastRedirectDeviceID: 29,
    TrunkNumber: 121,
    TrunkGroupNumber: 122,
  },
  "CALL_HELD_EVENT@25": { ConnectionDeviceID: 25, HoldingDeviceID: 31 },
  "CALL_RETRIEVED_EVENT@25": { ConnectionDeviceID: 25, RetrievingDeviceID: 32 },
  "CALL_CONNECTION_CLEARED_EVENT@25": { ConnectionDeviceID: 25, ReleasingDeviceID: 33 },
  "CALL_FAILED_EVENT@25": { ConnectionDeviceID: 25, FailingDeviceID: 34, CalledDeviceID: 28 },
  // PRIMARY_DEVID 35, SECONDARY_DEVID 36, CONTROLLER_DEVID 37, ADDED_PARTY_DEVID 38, PARTY_CALLID 39,
  // PARTY_DEVID_TYPE 40, PARTY_DEVID 41.
  "CALL_CONFERENCED_EVENT@25": {
    PrimaryDeviceID: 35,
    SecondaryDeviceID: 36,
    ControllerDeviceID: 37,
    AddedPartyDeviceID: 38,
    ConnectedPartyCallID: 39,
    ConnectedPartyDeviceIDType: 40,
    ConnectedPartyDeviceID: 41,
  },
  // TRANSFERRING_DEVID 42, TRANSFERRED_DEVID 43.
  "CALL_TRANSFERRED_EVENT@25": {
    PrimaryDeviceID: 35,
    SecondaryDeviceID: 36,
    TransferringDeviceID: 42,
    TransferredDeviceID: 43,
    ConnectedPartyCallID: 39,
    ConnectedPartyDeviceIDType: 40,
    ConnectedPartyDeviceID: 41,
  },
  "CALL_DIVERTED_EVENT@25": { ConnectionDeviceID: 25, DivertingDeviceID: 44, CalledDeviceID: 28 },
  // COC_CONNECTION_CALL_ID 229, COC_CONNECTION_DEVICE_ID_TYPE 230.
  "CALL_SERVICE_INITIATED_EVENT@25": {
    ConnectionDeviceID: 25,
    CallingDeviceID: 27,
    CallReferenceID: 223,
    COCConnectionCallID: 229,
    COCCallConnectionDeviceIDType: 230,
  },
  // QUEUE_DEVID 45, SKILL_GROUP_NUMBER 62, SKILL_GROUP_ID 63, SKILL_GROUP_PRIORITY 64.
  "CALL_QUEUED_EVENT@25": {
    ConnectionDeviceID: 25,
    QueueDeviceID: 45,
    CallingDeviceID: 27,
    CalledDeviceID: 28,
    LastRedirectDeviceID: 29,
    SkillGroupNumber: 62,
    SkillGroupID: 63,
    SkillGroupPriority: 64,
  },
  "CALL_DEQUEUED_EVENT@25": { ConnectionDeviceID: 25, SkillGroupNumber: 62, SkillGroupID: 63, SkillGroupPriority: 64 },
  // TRUNK_USED_DEVID 48.
  "CALL_REACHED_NETWORK_EVENT@25": {
    ConnectionDeviceID: 25,
    TrunkUsedDeviceID: 48,
    CalledDeviceID: 28,
    TrunkNumber: 121,
    TrunkGroupNumber: 122,
  },
  // AGENT_STATE_EVENT: Ch 6 lists AGENT_STATE_EVENT under CLIENT_SIGNATURE_TAG (3), not CTI_CLIENT_SIGNATURE_TAG (23);
  // FLT_TERM_DEVICE_NAME 303 (ActiveTerminal), DURATION 150, DIRECTION 244, MAX_BEYOND_TASK_LIMIT 266.
  "AGENT_STATE_EVENT@25": {
    CTIClientSignature: 3,
    AgentID: AGENT_ID_TAG,
    AgentExtension: 4,
    ActiveTerminal: 303,
    AgentInstrument: 6,
    Duration: 150,
    Direction: 244,
    MaxBeyondTaskLimit: 266,
  },
  // INTERNAL_AGENT_STATE 255, SKILL_GROUP_STATE 65.
  "QUERY_AGENT_STATE_CONF@25": {
    AgentID: AGENT_ID_TAG,
    AgentExtension: 4,
    AgentInstrument: 6,
    SkillGroupNumber: 62,
    SkillGroupID: 63,
    SkillGroupPriority: 64,
    SkillGroupState: 65,
    InternalAgentState: 255,
    MaxBeyondTaskLimit: 266,
  },
  // AGENT_PASSWORD 49, POSITION_ID 68, SUPERVISOR_ID 69, SSO_ENABLED 257.
  "SET_AGENT_STATE_REQ@25": {
    AgentInstrument: 6,
    ActiveTerminal: 303,
    AgentID: AGENT_ID_TAG,
    AgentPassword: 49,
    PositionID: 68,
    SupervisorID: 69,
    SSOEnabled: 257,
  },
  // CLIENT_ID 1, CLIENT_PASSWORD 2, CLIENT_SIGNATURE 3, AGENT_EXTENSION 4, AGENT_INSTRUMENT 6, APP_PATH_ID 97.
  "OPEN_REQ@25": {
    ClientID: 1,
    ClientPassword: 2,
    ClientSignature: 3,
    AgentExtension: 4,
    AgentID: AGENT_ID_TAG,
    AgentInstrument: 6,
    ApplicationPathID: 97,
  },
  // NUM_PERIPHERALS 228, MULTI_LINE_AGENT_CONTROL 224.
  "OPEN_CONF@25": {
    AgentExtension: 4,
    AgentID: AGENT_ID_TAG,
    AgentInstrument: 6,
    NumPeripherals: 228,
    MultilineAgentControl: 224,
  },
  // CLIENT_ADDRESS 81.
  "CLIENT_SESSION_OPENED_EVENT@25": {
    ClientAddress: 81,
    ClientID: 1,
    ClientSignature: 3,
    AgentExtension: 4,
    AgentID: AGENT_ID_TAG,
    AgentInstrument: 6,
  },
  "CLIENT_SESSION_CLOSED_EVENT@25": {
    ClientAddress: 81,
    ClientID: 1,
    ClientSignature: 3,
    AgentExtension: 4,
    AgentID: AGENT_ID_TAG,
    AgentInstrument: 6,
  },
  // MONITORED_DEVID 76.
  "MONITOR_START_REQ@25": { ConnectionDeviceID: 25, MonitoredDeviceID: 76 },
  // AGENT_CONNECTION_DEVID 90, SUPERVISOR_CONNECTION_DEVID 91, SUPERVISOR_INSTRUMENT 85.
  "SUPERVISE_CALL_REQ@25": {
    AgentConnectionDeviceID: 90,
    SupervisorConnectionDeviceID: 91,
    AgentExtension: 4,
    AgentID: AGENT_ID_TAG,
    AgentInstrument: 6,
    SupervisorInstrument: 85,
  },
  // AGENT_TEAM_NAME 243, ATC_AGENT_ID 86, AGENT_FLAGS 87, ATC_AGENT_STATE 88, ATC_STATE_DURATION 89.
  "AGENT_TEAM_CONFIG_EVENT@25": {
    AgentTeamName: 243,
    AtcAgentID: 86,
    AgentFlags: 87,
    AtcAgentState: 88,
    AtcStateDuration: 89,
  },
  // LIST_TEAM_ID 92.
  "LIST_AGENT_TEAM_CONF@25": { TeamID: 92 },
  // LINE_HANDLE 70, LINE_TYPE 71.
  "QUERY_DEVICE_INFO_CONF@25": { LineHandle: 70, LineType: 71 },
  // CALL_CONN_CALLID 56, CALL_CONN_DEVID_TYPE 57, CALL_CONN_DEVID 58, CALL_DEVID_TYPE 59, CALL_DEVID 60,
  // CALL_DEV_CONN_STATE 61, COC_* 229-231, PROTOCOL_REFERENCE_GUID 294, CCAI_CONFIG_ID 311,
  // NUM_OF_ENABLED_SERVICES 310, FLT_ENABLED_SERVICES 309.
  "SNAPSHOT_CALL_CONF@25": {
    ANI: 8,
    UserToUserInfo: 9,
    DNIS: 10,
    DialedNumber: 11,
    CallerEnteredDigits: 12,
    RouterCallKeyDay: 72,
    RouterCallKeyCallID: 73,
    ...CALL_VARIABLE_TAGS,
    CallWrapupData: 46,
    NamedVariable: 82,
    NamedArray: 83,
    CTIClientSignature: 23,
    CTIClientTimestamp: 24,
    CallConnectionCallID: 56,
    CallConnectionDeviceIDType: 57,
    CallConnectionDeviceID: 58,
    CallDeviceType: 59,
    CallDeviceID: 60,
    CallDeviceConnectionState: 61,
    CallReferenceID: 223,
    COCConnectionCallID: 229,
    COCCallConnectionDeviceIDType: 230,
    COCCallConnectionDeviceID: 231,
    ProtocolReferenceGUID: 294,
    CcaiConfigId: 311,
    NumOfEnabledServices: 310,
    FltEnabledServices: 309,
  },
  // CALL_STATE 75, SILENT_MONITOR_STATUS 218.
  "SNAPSHOT_DEVICE_CONF@25": {
    CallConnectionCallID: 56,
    CallConnectionDeviceIDType: 57,
    CallConnectionDeviceID: 58,
    CallState: 75,
    SilentMonitorStatus: 218,
  },
  // DTMF_STRING 67.
  "SEND_DTMF_SIGNAL_REQ@25": { ConnectionDeviceID: 25, DTMFString: 67, AgentInstrument: 6 },
  // ACTIVE_CONN_DEVID 50, OTHER_CONN_DEVID 52.
  "ALTERNATE_CALL_REQ@25": { ActiveConnectionDeviceID: 50, OtherConnectionDeviceID: 52, AgentInstrument: 6 },
  // HELD_CONN_DEVID 53, FACILITY_CODE 51, AUTHORIZATION_CODE 77, ACCOUNT_CODE 78.
  "CONFERENCE_CALL_REQ@25": {
    ActiveConnectionDeviceID: 50,
    HeldConnectionDeviceID: 53,
    AgentInstrument: 6,
    DialedNumber: 11,
    UserToUserInfo: 9,
    ...CALL_VARIABLE_TAGS,
    CallWrapupData: 46,
    NamedVariable: 82,
    NamedArray: 83,
    FacilityCode: 51,
    AuthorizationCode: 77,
    AccountCode: 78,
  },
  "CONFERENCE_CALL_CONF@25": {
    NewConnectionDeviceID: 47,
    ConnectedPartyCallID: 39,
    ConnectedPartyDeviceIDType: 40,
    ConnectedPartyDeviceID: 41,
  },
  "RECONNECT_CALL_REQ@25": { ActiveConnectionDeviceID: 50, HeldConnectionDeviceID: 53, AgentInstrument: 6 },
  // REQUESTING_DEVICE_ID 219.
  "CLEAR_CONNECTION_REQ@25": { ConnectionDeviceID: 25, AgentInstrument: 6, RequestingDeviceID: 219 },
  // ORIGINATING_DEVID 79, ORIGINATING_LINE_ID 80, CALL_CONTROL_TABLE 84.
  "MAKE_PREDICTIVE_CALL_REQ@25": {
    OriginatingDeviceID: 79,
    DialedNumber: 11,
    UserToUserInfo: 9,
    ...CALL_VARIABLE_TAGS,
    CallWrapupData: 46,
    NamedVariable: 82,
    NamedArray: 83,
    FacilityCode: 51,
    AuthorizationCode: 77,
    AccountCode: 78,
    OriginatingLineID: 80,
    CCT: 84,
  },
  // CALL_ORIGINATED_FROM 232.
  "SET_CALL_DATA_REQ@25": {
    ConnectionDeviceID: 25,
    ANI: 8,
    UserToUserInfo: 9,
    CallerEnteredDigits: 12,
    ...CALL_VARIABLE_TAGS,
    CallWrapupData: 46,
    NamedVariable: 82,
    NamedArray: 83,
    CustomerPhoneNumber: 95,
    CustomerAccountNumber: 96,
    RouterCallKeyDay: 72,
    RouterCallKeyCallID: 73,
    RouterCallKeySequenceNumber: 110,
    CallOriginatedFrom: 232,
  },
  // CALL_TYPE_ID 210, PRE_CALL_INVOKE_ID 221.
  "AGENT_PRE_CALL_EVENT@25": {
    AgentInstrument: 6,
    RouterCallKeyDay: 72,
    RouterCallKeyCallID: 73,
    RouterCallKeySequenceNumber: 110,
    ANI: 8,
    UserToUserInfo: 9,
    DialedNumber: 11,
    CallerEnteredDigits: 12,
    FltCallTypeID: 210,
    PreCallInvokeID: 221,
    ...CALL_VARIABLE_TAGS,
    NamedVariable: 82,
    NamedArray: 83,
    AgentID: AGENT_ID_TAG,
    ProtocolReferenceGUID: 294,
    NumOfEnabledServices: 310,
    FltEnabledServices: 309,
    CcaiConfigId: 311,
  },
  // SENDING_ADDRESS 125, SENDING_PORT 126.
  "RTP_STARTED_EVENT@25": {
    ConnectionDeviceID: 25,
    ClientAddress: 81,
    AgentID: AGENT_ID_TAG,
    AgentExtension: 4,
    AgentInstrument: 6,
    SendingAddress: 125,
    SendingPort: 126,
  },
  // TEXT 7, EVENT_DEVICE_ID 206.
  "SYSTEM_EVENT@25": { Text: 7, EventDeviceID: 206 },
  // OBJECT_NAME 66.
  "CLIENT_EVENT_REPORT_REQ@25": { ObjectName: 66, Text: 7 },
  // SERVICE_NAME 94.
  "REGISTER_SERVICE_REQ@25": { ServiceName: 94 },
  // DEFAULT_DEVICE_PORT_ADDRESS 93, PLAY_ZIP_TONE 307, ACD_SHARED_LINE_USAGE 306.
  "AGENT_DESK_SETTINGS_CONF@25": { DefaultDevicePortAddress: 93, PlayZipTone: 307, ACDSharedLineUsage: 306 },
  // PLAY_TONE_DIRECTION 289, INVOCATION_TYPE 290.
  "START_NETWORK_RECORDING_REQ@25": {
    PlayToneDirection: 289,
    InvocationType: 290,
    ConnectionDeviceID: 25,
    AgentInstrument: 6,
  },
  "STOP_NETWORK_RECORDING_REQ@25": { InvocationType: 290, ConnectionDeviceID: 25, AgentInstrument: 6 },
  // RECORDING_DEVICE_ID 300.
  "NETWORK_RECORDING_STARTED_EVENT@25": { ConnectionDeviceID: 25, RecordingDeviceID: 300 },
  // RECORDER_ADDRESS 291, TERMINAL_NAME 292, MEDIA_FORKING_DEVICE_NAME 293, PROTOCOL_REFERENCE_GUID 294,
  // MEDIA_FORKING_CLUSTER_ID 295, RECORDER_URI 296, RECORDER_ERROR_MSG 297, RECORDER_TYPE 298, RECORDER_STATUS 299.
  "NETWORK_RECORDING_TARGET_INFO_EVENT@25": {
    ConnectionDeviceID: 25,
    RecordingDeviceID: 300,
    RecorderAddress: 291,
    TerminalName: 292,
    MediaForkingDeviceName: 293,
    ProtocolReferenceGUID: 294,
    MediaForkingClusterID: 295,
    RecorderURI: 296,
    RecorderErrorMsg: 297,
    RecorderType: 298,
    RecorderStatus: 299,
  },
  // SERVICE_CONFIG_KEY 177, SKILL_GROUP_CONFIG_KEY 178, AGENT_CONFIG_KEY 179, DEVICE_CONFIG_KEY 180,
  // CALL_TYPE_KEY_CONFIG 209, PERIPHERAL_CONFIG_KEY 269, AGENT_DESK_SETTINGS_CONFIG_KEY 270.
  "CONFIG_KEY_EVENT@25": {
    ServiceConfigKey: 177,
    SkillGroupConfigKey: 178,
    AgentConfigKey: 179,
    DeviceConfigKey: 180,
    CallTypeConfigKey: 209,
    PeripheralConfigKey: 269,
    AgentDeskSettingsConfigKey: 270,
  },
  // RECORD_TYPE 183, PERIPHERAL_ID (V11) 208, PERIPHERAL_NUMBER 184, OLD_PERIPHERAL_NUMBER 213, MAX_QUEUED 129,
  // EXTENSION 173, SERVICE_SKILL_TARGET_ID 132, PERIPHERAL_NAME 133, DESCRIPTION 134, SERVICE_LEVEL_THRESHOLD 174,
  // SERVICE_LEVEL_TYPE 175, CONFIG_PARAM 176, MR_DOMAIN_ID 216, NUM_SERVICE_MEMBERS 186, SERVICE_MEMBER 187,
  // SERVICE_PRIORITY 188.
  "CONFIG_SERVICE_EVENT@25": {
    RecordType: 183,
    FltPeripheralID: 208,
    PeripheralNumber: 184,
    OldPeripheralNumber: 213,
    MaxQueued: 129,
    Extension: 173,
    ServiceSkillTargetID: 132,
    PeripheralName: 133,
    Description: 134,
    ServiceLevelThreshold: 174,
    ServiceLevelType: 175,
    ConfigParam: 176,
    FltMRDomainID: 216,
    NumServiceMembers: 186,
    ServiceMember: 187,
    ServicePriority: 188,
  },
  // AGENT_TYPE 189, AGENT_DESK_SETTINGS_ID 267, LOGIN_ID 190, LOGIN_NAME (V11) 207, LAST_NAME 138, FIRST_NAME 137,
  // NUM_SKILLS 191, SSO_ENABLED 257, NUM_MRDS 261, FLT_AGENT_MRD_ID 262, FLT_AGENT_MRD_STATE 263.
  "CONFIG_AGENT_EVENT@25": {
    RecordType: 183,
    FltPeripheralID: 208,
    ActiveTerminal: 303,
    AgentType: 189,
    AgentDeskSettingsID: 267,
    LoginID: 190,
    LoginName: 207,
    LastName: 138,
    FirstName: 137,
    Extension: 173,
    Description: 134,
    AgentSkillTargetID: AGENT_SKILL_TARGET_ID_TAG,
    NumSkills: 191,
    SSOEnabled: 257,
    NumMRDs: 261,
    FltAgentMRDID: 262,
    FltAgentMRDState: 263,
  },
  // FLT_PRECISION_QUEUE_ID 264, FLT_PRECISION_QUEUE_NAME 265, SKILL_GROUP_SKILL_TARGET_ID 192.
  "CONFIG_SKILL_GROUP_EVENT@25": {
    RecordType: 183,
    FltPeripheralID: 208,
    PeripheralNumber: 184,
    OldPeripheralNumber: 213,
    SkillGroupSkillTargetID: 192,
    Extension: 173,
    PeripheralName: 133,
    Description: 134,
    FltMRDomainID: 216,
    FltPrecisionQueueID: 264,
    FltPrecisionQueueName: 265,
    ConfigParam: 176,
  },
  // CONFIG_PERIPHERAL_ID 271, DEFAULT_AGENT_DESK_SETTINGS_ID 272.
  "CONFIG_PERIPHERAL_EVENT@25": { RecordType: 183, ConfigPeripheralID: 271, DefaultAgentDeskSettingsID: 272 },
  // FLT_DESK_SETTINGS_MASK 273 ... FLT_DEFAULT_DEVICE_PORT_ADDRESS 287, PLAY_ZIP_TONE 307, ACD_SHARED_LINE_USAGE 306.
  "CONFIG_AGENT_DESK_SETTINGS_EVENT@25": {
    RecordType: 183,
    AgentDeskSettingsID: 267,
    FltDeskSettingsMask: 273,
    FltWrapUpDataIncomingMode: 274,
    FltWrapUpDataOutgoingMode: 275,
    FltLogoutNonActivityTime: 276,
    FltQualityRecordingRate: 277,
    FltRingNoAnswerTime: 278,
    FltSilentMonitorWarningMessage: 279,
    FltSilentMonitorAudibleIndication: 280,
    FltSupervisorAssistCallMethod: 281,
    FltEmergencyCallMethod: 282,
    FltAutoRecordOnEmergency: 283,
    FltRecordingMode: 284,
    FltWorkModeTimer: 285,
    FltRingNoAnswerDnId: 286,
    FltDefaultDevicePortAddress: 287,
    PlayZipTone: 307,
    ACDSharedLineUsage: 306,
  },
  // FLT_TERM_TYPE 302, FLT_TERM_DEVICE_NAME 303, FLT__TERM_TYPE_NAME 304, FLT_NUM_INSTRUMENTS 305.
  "CONFIG_TERMINAL_EVENT@25": {
    RecordType: 183,
    TerminalType: 302,
    TerminalDeviceName: 303,
    TerminalTypeName: 304,
    NumInstruments: 305,
  },
  // FLT_ENABLED_SERVICES 309, NUM_OF_ENABLED_SERVICES 310.
  "CONFIG_AGENT_SERVICE_EVENT@25": {
    AgentSkillTargetID: AGENT_SKILL_TARGET_ID_TAG,
    NumOfEnabledServices: 310,
    FltEnabledServices: 309,
    RecordType: 183,
  },
  "SET_AGENT_SERVICE_DATA_REQ@25": { NumOfEnabledServices: 310, FltEnabledServices: 309 },
  // v23 (cti-server-v23-12.5/06-constants-and-status-codes.md): CTIOS_CIL_CLIENT_ID_TAG = 217.
  "CLEAR_CONNECTION_REQ@23": {
    ConnectionDeviceID: 25,
    AgentInstrument: 6,
    CTIOSCILClientID: 217,
    RequestingDeviceID: 219,
  },
  "SEND_DTMF_SIGNAL_REQ@23": { ConnectionDeviceID: 25, DTMFString: 67, AgentInstrument: 6, CTIOSCILClientID: 217 },
  "USER_MESSAGE_REQ@23": {
    ClientID: 1,
    AgentExtension: 4,
    AgentID: AGENT_ID_TAG,
    AgentInstrument: 6,
    Text: 7,
    CTIOSCILClientID: 217,
  },
};

/** The fixed part of a spec as [name, type, size] tuples. */
function fixedRows(spec: NonNullable<ReturnType<typeof messageSpec>>) {
  return spec.fixed.map((f) => [f.name, f.type, f.size]);
}
/** The floating part of a spec as [name, type, maxSize, required] tuples. */
function floatingRows(spec: NonNullable<ReturnType<typeof messageSpec>>) {
  return spec.floating.map((f) => [f.name, f.type, f.maxSize, f.required]);
}
/**
 * Where the project departs from a page on purpose, the transcription above stays as the guide prints it and
 * this adjusts the expectation, each for the reason written in tools/extract/corrections.ts:
 * - floating fields no Ch 6 tag carries are left out of the layouts (UNTAGGED_FIELDS_V*);
 * - FAILURE_CONF keeps Status UINT 4 at v24/v25 (their rows copy CONTROL_FAILURE_CONF; Ch 7 records no change);
 * - OPEN_REQ ApplicationPathID is optional (only multichannel clients have an application path), and so are the
 *   fields whose description makes them conditional though no "(optional)" marker is printed (REQUIRED_OVERRIDES).
 */
const MADE_OPTIONAL = new Set([
  "OPEN_REQ.ApplicationPathID",
  "QUERY_AGENT_STATE_REQ.AgentExtension",
  "QUERY_AGENT_STATE_REQ.AgentID",
  "QUERY_AGENT_STATE_REQ.AgentInstrument",
  "QUERY_AGENT_STATE_CONF.InternalAgentState",
  "SET_AGENT_STATE_REQ.ActiveTerminal",
  "AGENT_STATE_EVENT.NextAgentState",
  "START_NETWORK_RECORDING_REQ.InvocationType",
  "START_NETWORK_RECORDING_REQ.PlayToneDirection",
  "CALL_DELIVERED_EVENT.SecondaryConnectionCallID",
  "CALL_DATA_UPDATE_EVENT.RouterCallKeySequenceNumber",
]);
const UNTAGGED = new Set(
  [...UNTAGGED_FIELDS_V23, ...UNTAGGED_FIELDS_V24, ...UNTAGGED_FIELDS_V25].map((u) => `${u.message}.${u.field}`),
);
function decided(e: Expected): Expected {
  let fixed = e.fixed;
  if (e.name === "FAILURE_CONF" && e.version >= 24) fixed = [...fixed.slice(0, 2), ["Status", "UINT", 4]];
  let floating = e.floating.filter((r) => !(typeof r[0] === "string" && UNTAGGED.has(`${e.name}.${r[0]}`)));
  floating = floating.map((r) => (MADE_OPTIONAL.has(`${e.name}.${String(r[0])}`) ? [r[0], r[1], r[2], false] : r));
  return { ...e, fixed, floating };
}

function label(e: Expected) {
  return `${e.name} (${e.type}) v${e.version}`;
}

describe("message layouts transcribed by hand from the guide", () => {
  it("covers at least 45 v25 messages and 5 v23 messages", () => {
    expect(EXPECTED.filter((e) => e.version === 25).length).toBeGreaterThanOrEqual(45);
    expect(EXPECTED.filter((e) => e.version === 23).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(TAGS).length).toBeGreaterThanOrEqual(20);
  });

  for (const printed of EXPECTED) {
    const e = decided(printed);
    describe(label(e), () => {
      it("is found by name and by number, with the expected type number", () => {
        const byName = messageSpec(e.name, e.version);
        expect(byName, `${label(e)}: messageSpec(name) is undefined`).toBeDefined();
        expect(byName?.type, `${label(e)}: type number`).toBe(e.type);
        expect(byName?.name, `${label(e)}: name`).toBe(e.name);
        expect(messageSpec(e.type, e.version)?.name, `${label(e)}: messageSpec(${e.type}) name`).toBe(e.name);
      });

      it("has the guide's fixed part", () => {
        const spec = messageSpec(e.name, e.version);
        if (!spec) throw new Error(`${label(e)}: no spec`);
        expect(fixedRows(spec), `${label(e)} fixed`).toEqual(e.fixed);
        const sum = e.fixed.reduce((n, [, , size]) => n + (size as number), 0);
        expect(spec.fixedSize, `${label(e)} fixedSize`).toBe(sum);
        for (let i = 1; i < spec.fixed.length; i++) {
          const prev = spec.fixed[i - 1]!;
          expect(spec.fixed[i]!.offset, `${label(e)} offset of ${spec.fixed[i]!.name}`).toBe(prev.offset + prev.size);
        }
      });

      it("has the guide's floating part", () => {
        const spec = messageSpec(e.name, e.version);
        if (!spec) throw new Error(`${label(e)}: no spec`);
        expect(floatingRows(spec), `${label(e)} floating`).toEqual(e.floating);
      });

      const tags = TAGS[`${e.name}@${e.version}`];
      if (tags) {
        it("carries the Ch 6 tag numbers", () => {
          const spec = messageSpec(e.name, e.version);
          if (!spec) throw new Error(`${label(e)}: no spec`);
          const expectedNames = e.floating.map(([n]) => n);
          for (const name of Object.keys(tags)) {
            // guard against typos in this file: every tagged name is one of the expected floating fields
            expect(
              expectedNames.some((n) => (typeof n === "string" ? n === name : false)),
              `${label(e)}: ${name} listed in TAGS but not in floating`,
            ).toBe(true);
          }
          const actual = Object.fromEntries(
            Object.keys(tags).map((name) => [name, spec.floating.find((f) => f.name === name)?.tag]),
          );
          expect(actual, `${label(e)} tags`).toEqual(tags);
        });
      }
    });
  }
});

/**
 * shared/seed-v17-client-session-opened-event.txt: "CTI Server Message Reference Guide (Protocol Version 17)",
 * Table 5-37 CLIENT_SESSION_OPENED_EVENT Message Format, "Maximum message size (including header): 280".
 * ClientAddressIPV6 is printed "(not supported by Unified CCE)" with "one but not both must be present", i.e. it is an
 * alternative to ClientAddress; it has no "(optional)" marker but the brief and the page make it optional.
 * 280 = fixed 32 + floating with 1-byte tag + 1-byte length: (16+2) + (64+2) + (64+2) + (16+2) + (12+2) + (64+2),
 * without the IPv6 alternative.
 */
describe("CLIENT_SESSION_OPENED_EVENT at v17 (seed page) and v19+", () => {
  it("v17 is exactly the seed page", () => {
    const spec = messageSpec("CLIENT_SESSION_OPENED_EVENT", 17);
    expect(spec, "CLIENT_SESSION_OPENED_EVENT v17 missing").toBeDefined();
    if (!spec) return;
    expect(spec.type, "CLIENT_SESSION_OPENED_EVENT v17 type").toBe(99);
    expect(fixedRows(spec), "CLIENT_SESSION_OPENED_EVENT v17 fixed").toEqual([
      ["MessageHeader", "MHDR", 8],
      ["SessionID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ServicesGranted", "UINT", 4],
      ["CallMsgMask", "UINT", 4],
      ["AgentStateMask", "UINT", 4],
      ["ClientPort", "UINT", 4],
    ]);
    expect(spec.fixedSize, "CLIENT_SESSION_OPENED_EVENT v17 fixedSize").toBe(32);
    expect(floatingRows(spec), "CLIENT_SESSION_OPENED_EVENT v17 floating").toEqual([
      ["ClientAddress", "STRING", 16, true],
      ["ClientID", "STRING", 64, true],
      ["ClientSignature", "STRING", 64, true],
      ["AgentExtension", "STRING", 16, false],
      ["AgentID", "STRING", 12, false],
      ["AgentInstrument", "STRING", 64, false],
      ["ClientAddressIPV6", "STRING", 16, false],
    ]);
    // CLIENT_ADDRESS_TAG 81; CLIENT_ADDRESS_IPV6_TAG 226 (v25 Ch 7, Protocol Version 19: "CLIENT_ADDRESS_IPV6_TAG (226)").
    const tag = (n: string) => spec.floating.find((f) => f.name === n)?.tag;
    expect(tag("ClientAddress"), "CLIENT_SESSION_OPENED_EVENT v17 ClientAddress tag").toBe(81);
    expect(tag("ClientAddressIPV6"), "CLIENT_SESSION_OPENED_EVENT v17 ClientAddressIPV6 tag").toBe(226);
    expect(spec.largestSize, "CLIENT_SESSION_OPENED_EVENT v17 largestSize (guide: 280)").toBe(280);
  });

  for (const v of [19, 20, 21, 22, 23, 24, 25]) {
    it(`v${v}: ClientAddress is 64 bytes and ClientAddressIPV6 is gone`, () => {
      const spec = messageSpec("CLIENT_SESSION_OPENED_EVENT", v);
      if (!spec) throw new Error(`CLIENT_SESSION_OPENED_EVENT v${v} missing`);
      expect(floatingRows(spec), `CLIENT_SESSION_OPENED_EVENT v${v} floating`).toEqual([
        ["ClientAddress", "STRING", 64, true],
        ["ClientID", "STRING", 64, true],
        ["ClientSignature", "STRING", 64, true],
        ["AgentExtension", "STRING", 16, false],
        ["AgentID", "STRING", 12, false],
        ["AgentInstrument", "STRING", 64, false],
      ]);
    });
  }
});
