// Hand-written test vectors: the layouts below were typed field by field from Cisco's
// CTI Server Message Reference Guide (Ch 3 data types/header/floating fields, Ch 4 session
// messages, Ch 5 layouts, Ch 6 tag values and constants) and, for v17, the v17 guide page in
// shared/seed-v17-client-session-opened-event.txt (beside the repository). Nothing here imports a ctiwire package:
// this file only turns each hand-typed field list into bytes, an annotation line per field and
// the expected decoded JSON, so that the hex can be read (and re-checked) line by line.
//
// Usage: node test-vectors/hand/build.mjs   (writes vectors.json beside this file)
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const hex = (n, bytes) => {
  if (n < 0) n = 2 ** (8 * bytes) + n; // two's complement for INT/SHORT/CHAR
  return n.toString(16).padStart(bytes * 2, "0");
};
const ascii = (s) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");

const SIZE = { UCHAR: 1, CHAR: 1, USHORT: 2, SHORT: 2, BOOL: 2, UINT: 4, INT: 4, TIME: 4 };

/** Data bytes of a value (hex, no spaces) and its display in the annotation. */
function encodeValue(type, value) {
  switch (type) {
    case "BOOL":
      return { h: hex(value ? 1 : 0, 2), show: String(value) };
    case "STRING":
      return { h: `${ascii(value)}00`, show: JSON.stringify(value) };
    case "UNSPEC":
      return { h: value, show: value === "" ? "(0 bytes)" : `0x${value}` };
    case "NAMEDVAR":
      return {
        h: `${ascii(value.name)}00${ascii(value.value)}00`,
        show: `name ${JSON.stringify(value.name)} value ${JSON.stringify(value.value)}`,
      };
    case "NAMEDARRAY":
      return {
        h: `${hex(value.index, 1)}${ascii(value.name)}00${ascii(value.value)}00`,
        show: `index ${value.index} name ${JSON.stringify(value.name)} value ${JSON.stringify(value.value)}`,
      };
    default: {
      const size = SIZE[type];
      if (!size) throw new Error(`unknown type ${type}`);
      const v = value;
      const show = v >= 0 && (v > 0xffff || type === "UINT") && v > 9 ? `${v} (0x${v.toString(16)})` : String(v);
      return { h: hex(v, size), show };
    }
  }
}

/** Split data hex for readability in annotations: group STRING data in one run. */
const spaced = (h) => h;

/** The JSON form of a value (as the codec returns it). */
function jsonValue(type, value) {
  if (type === "UNSPEC") return value.toLowerCase();
  return value;
}

/** naming.ts rule re-typed from its description (guide name -> property name). */
export function prop(guideName) {
  const name = guideName.replace(/[^A-Za-z0-9_]/g, "");
  let run = 0;
  while (run < name.length && /[A-Z]/.test(name[run])) run++;
  if (run === 0) return name;
  if (run === name.length) return name.toLowerCase();
  const nextIsLower = /[a-z]/.test(name[run]);
  const after = name[run + 1];
  const plural = name[run] === "s" && (after === undefined || /[A-Z0-9]/.test(after));
  const lower = nextIsLower && run > 1 && !plural ? run - 1 : run;
  return name.slice(0, lower).toLowerCase() + name.slice(lower);
}

/**
 * A vector.
 * fixed: [guideName, type, value, note?]
 * floating: [guideName, tag, tagName, type, value, note?, group?]
 *   group: { key, single } — the field belongs to a counted list (key = array property); an item
 *   starts when the group's first member recurs (fields of one item are consecutive).
 */
function vector({ id, version, section, comment, name, type, fixed, floating = [], message: extra, omit = [] }) {
  const tagBytes = version >= 20 ? 2 : 1;
  const body = [];
  const floatLines = [];
  const msg = { type: name, messageType: type };
  for (const [fname, ftype, value, note] of fixed) {
    const { h, show } = encodeValue(ftype, value);
    body.push({ h, line: `${h}  ${fname} (${ftype}) = ${show}${note ? ` ${note}` : ""}` });
    msg[prop(fname)] = jsonValue(ftype, value);
  }
  const groups = new Map();
  for (const [fname, tag, tagName, ftype, value, note, group] of floating) {
    const { h } = encodeValue(ftype, value);
    const { show } = encodeValue(ftype, value);
    const len = h.length / 2;
    if (len > 255 && tagBytes === 1) throw new Error(`${id}: ${fname} too long for v${version}`);
    if (tag > 255 && tagBytes === 1) throw new Error(`${id}: tag ${tag} does not fit v${version}`);
    const th = hex(tag, tagBytes);
    const lh = hex(len, tagBytes);
    floatLines.push({
      h: th + lh + h,
      line: `${th} ${lh}${h ? ` ${spaced(h)}` : ""}  ${fname} (tag ${tag} ${tagName}, len ${len}) ${ftype} = ${show}${note ? ` ${note}` : ""}`,
    });
    const key = prop(fname);
    const jv = ftype === "NAMEDVAR" || ftype === "NAMEDARRAY" ? { ...value } : jsonValue(ftype, value);
    if (group) {
      let g = groups.get(group.key);
      if (!g) {
        g = [];
        groups.set(group.key, g);
        msg[group.key] = g;
      }
      if (group.single) g.push(jv);
      else {
        const last = g[g.length - 1];
        if (!last || key in last) g.push({ [key]: jv });
        else last[key] = jv;
      }
    } else {
      if (key in msg) throw new Error(`${id}: repeated ${key}`);
      msg[key] = jv;
    }
  }
  for (const k of omit) delete msg[k];
  Object.assign(msg, extra ?? {});
  const empty = Object.entries(extra ?? {})
    .filter(([, x]) => Array.isArray(x) && x.length === 0)
    .map(([k]) => k);
  if (empty.length > 0)
    comment += ` Expected message: ${empty.join(", ")} = [] because a counted list whose count field is in the fixed part decodes as an array even when the count is 0 (the guide is silent; this follows packages/codec/src/decode.ts).`;
  const bodyHex = [...body, ...floatLines].map((x) => x.h).join("");
  const len = bodyHex.length / 2;
  const head = [
    { h: hex(len, 4), line: `${hex(len, 4)}  MessageLength = ${len}` },
    { h: hex(type, 4), line: `${hex(type, 4)}  MessageType = ${type} ${name}` },
  ];
  const all = [...head, ...body, ...floatLines];
  return {
    id,
    version,
    section,
    comment,
    hex: all.map((x) => x.h).join(""),
    message: msg,
    annotation: all.map((x) => x.line),
  };
}

// ---------------------------------------------------------------------------------------------
// Common values (realistic UCCE lab values)
const PERIPHERAL = 5000; // PeripheralID of the agent PG's peripheral (ICM-assigned)
const PT_ENTERPRISE_AGENT = 17; // Ch6 PeripheralType: PT_ENTERPRISE_AGENT = 17 (Unified CCE)
const CALLID = 16777300; // 0x01000054, a CUCM-style ConnectionCallID
const CONSULT_CALLID = 16777301;
const T0 = 1767225600; // 2026-01-01T00:00:00Z as TIME (seconds since 1970)
const EXT = "1001";
const AGENT_ID = "5001";
const CUST = "9725551234";
const DNIS = "8005550100";

const PTNOTE = "PT_ENTERPRISE_AGENT (Ch6 PeripheralType)";
const fixedCall = (monitorID = 0) => [
  ["MonitorID", "UINT", monitorID, monitorID === 0 ? "(no monitor: All Events service)" : ""],
  ["PeripheralID", "UINT", PERIPHERAL],
  ["PeripheralType", "USHORT", PT_ENTERPRISE_AGENT, PTNOTE],
];

const V = [];

// =============================================================================================
// Session management (Ch 4) and FAILURE_CONF (Ch 3)
const SERVICES = 0x00000007; // CTI_SERVICE_CLIENT_EVENTS 0x1 | CALL_DATA_UPDATE 0x2 | CLIENT_CONTROL 0x4
const CALLMASK = 0x0000ffff; // CALL_DELIVERED_MASK 0x1 ... CALL_DATA_UPDATE_MASK 0x8000
const AGENTMASK = 0x000003ff; // AGENT_LOGIN_MASK 0x1 ... AGENT_HOLD_MASK 0x200

V.push(
  vector({
    id: "hand/v25/OPEN_REQ-1",
    version: 25,
    section: "Ch4 Session Management: OPEN_REQ",
    comment:
      "Agent-desktop session open: ServicesRequested = CTI_SERVICE_CLIENT_EVENTS (0x1) | CTI_SERVICE_CALL_DATA_UPDATE (0x2) | CTI_SERVICE_CLIENT_CONTROL (0x4); CallMsgMask 0xffff = CALL_DELIVERED_MASK..CALL_DATA_UPDATE_MASK; AgentStateMask 0x3ff = AGENT_LOGIN_MASK..AGENT_HOLD_MASK; IdleTimeout 120 s (4 x a 30 s heartbeat). ClientPassword is UNSPEC and present with length zero ('must be present even if authentication is not being used (it may be of length zero)'). UniqueInstanceID is left out: the Tag Values table gives it no tag.",
    name: "OPEN_REQ",
    type: 3,
    fixed: [
      ["InvokeID", "UINT", 1],
      ["VersionNumber", "UINT", 25],
      ["IdleTimeout", "UINT", 120, "seconds"],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["ServicesRequested", "UINT", SERVICES, "CLIENT_EVENTS|CALL_DATA_UPDATE|CLIENT_CONTROL"],
      ["CallMsgMask", "UINT", CALLMASK],
      ["AgentStateMask", "UINT", AGENTMASK],
      ["ConfigMsgMask", "UINT", 0],
      ["Reserved1", "UINT", 0],
      ["Reserved2", "UINT", 0],
      ["Reserved3", "UINT", 0],
    ],
    floating: [
      ["ClientID", 1, "CLIENT_ID_TAG", "STRING", "ctiwire"],
      ["ClientPassword", 2, "CLIENT_PASSWORD_TAG", "UNSPEC", "", "(empty, no authentication)"],
      ["ClientSignature", 3, "CLIENT_SIGNATURE_TAG", "STRING", "ctiwire/1.0"],
      ["AgentExtension", 4, "AGENT_EXTENSION_TAG", "STRING", EXT],
      ["AgentID", 5, "AGENT_ID_TAG", "STRING", AGENT_ID],
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
    ],
  }),
  vector({
    id: "hand/v25/OPEN_CONF-1",
    version: 25,
    section: "Ch4 Session Management: OPEN_CONF",
    comment:
      "Reply to OPEN_REQ-1. PGStatus 0 = all PG components up; ICMCentralControllerTime 2026-01-01T00:00:00Z; PeripheralOnline TRUE (BOOL, 2 bytes); AgentState AGENT_STATE_NOT_READY = 2 (Ch6 AgentState); DepartmentID -1 (INT, two's complement 0xffffffff); SessionType 1 = Active (v24+). NumPeripherals (tag 228) is present with 0 ('0 ... if PeripheralID is specified in the OPEN_REQ message'), so no FltPeripheralID/MultilineAgentControl pairs follow.",
    name: "OPEN_CONF",
    type: 4,
    fixed: [
      ["InvokeID", "UINT", 1],
      ["ServicesGranted", "UINT", SERVICES],
      ["MonitorID", "UINT", 0],
      ["PGStatus", "UINT", 0, "(no PGS_* bit set)"],
      ["ICMCentral ControllerTime", "TIME", T0, "2026-01-01T00:00:00Z"],
      ["PeripheralOnline", "BOOL", true],
      ["PeripheralType", "USHORT", PT_ENTERPRISE_AGENT, PTNOTE],
      ["AgentState", "USHORT", 2, "AGENT_STATE_NOT_READY"],
      ["DepartmentID", "INT", -1],
      ["SessionType", "USHORT", 1, "Active"],
    ],
    floating: [
      ["AgentExtension", 4, "AGENT_EXTENSION_TAG", "STRING", EXT],
      ["AgentID", 5, "AGENT_ID_TAG", "STRING", AGENT_ID],
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
      ["NumPeripherals", 228, "NUM_PERIPHERALS_TAG", "USHORT", 0],
    ],
  }),
  vector({
    id: "hand/v25/HEARTBEAT_REQ-1",
    version: 25,
    section: "Ch4 Session Management: HEARTBEAT_REQ",
    comment: "Fixed part only: InvokeID.",
    name: "HEARTBEAT_REQ",
    type: 5,
    fixed: [["InvokeID", "UINT", 2]],
  }),
  vector({
    id: "hand/v25/HEARTBEAT_CONF-1",
    version: 25,
    section: "Ch4 Session Management: HEARTBEAT_CONF",
    comment: "Echoes the InvokeID of HEARTBEAT_REQ-1.",
    name: "HEARTBEAT_CONF",
    type: 6,
    fixed: [["InvokeID", "UINT", 2]],
  }),
  vector({
    id: "hand/v25/CLOSE_REQ-1",
    version: 25,
    section: "Ch4 Session Management: CLOSE_REQ",
    comment: "Client closes the session normally: Status E_CTI_NO_ERROR = 0 (Ch6 status codes).",
    name: "CLOSE_REQ",
    type: 7,
    fixed: [
      ["InvokeID", "UINT", 99],
      ["Status", "UINT", 0, "E_CTI_NO_ERROR"],
    ],
  }),
  vector({
    id: "hand/v25/CLOSE_CONF-1",
    version: 25,
    section: "Ch4 Session Management: CLOSE_CONF",
    comment: "Echoes the InvokeID of CLOSE_REQ-1.",
    name: "CLOSE_CONF",
    type: 8,
    fixed: [["InvokeID", "UINT", 99]],
  }),
  vector({
    id: "hand/v25/FAILURE_CONF-1",
    version: 25,
    section: "Ch3 Failure Indication Messages: FAILURE_CONF",
    comment:
      "InvokeID UINT + Status UINT (8-byte body), the layout of the v23 guide and of every older guide. The v24 and v25 guides print InvokeID, FailureCode USHORT, PeripheralErrorCode UINT instead (CONTROL_FAILURE_CONF's fields), but Ch7 records no FAILURE_CONF change in any version; the project keeps Status UINT in every version (tools/extract/corrections.mjs FAILURE_CONF_WHY), and this vector follows that decision. Status E_CTI_INVALID_PERIPHERAL_ID = 7 (Ch6 status codes).",
    name: "FAILURE_CONF",
    type: 1,
    fixed: [
      ["InvokeID", "UINT", 1],
      [
        "Status",
        "UINT",
        7,
        "E_CTI_INVALID_PERIPHERAL_ID (v24/v25 tables: FailureCode USHORT + PeripheralErrorCode UINT)",
      ],
    ],
  }),
  vector({
    id: "hand/v23/FAILURE_CONF-1",
    version: 23,
    section: "Ch3 Failure Indication Messages: FAILURE_CONF (v23 guide)",
    comment: "The v23 guide's layout: InvokeID UINT + Status UINT. Status E_CTI_INVALID_PERIPHERAL_ID = 7.",
    name: "FAILURE_CONF",
    type: 1,
    fixed: [
      ["InvokeID", "UINT", 1],
      ["Status", "UINT", 7, "E_CTI_INVALID_PERIPHERAL_ID"],
    ],
  }),
);

// =============================================================================================
// Call events (Ch 5 Client Events Service)
const CTIC = { key: "ctiClients" };
V.push(
  vector({
    id: "hand/v25/CALL_ATTRIBUTE_CHANGE_EVENT-1",
    version: 25,
    section: "Ch5 Client Events Service: CALL_ATTRIBUTE_CHANGE_EVENT",
    comment:
      "MessageType 240: the guide prints the layout without a number; 240 is the number of Cisco's public SDK headers (MessageType.h). ConnectionDeviceIDType is printed 'USHORT 4': read as a USHORT of 2 bytes. CallTypeID 5012 and ServiceNumber 7 changed; PeripheralType PT_ENTERPRISE_AGENT = 17.",
    name: "CALL_ATTRIBUTE_CHANGE_EVENT",
    type: 240,
    fixed: [
      ["MonitorID", "UINT", 0, "Always 0"],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["PeripheralType", "USHORT", PT_ENTERPRISE_AGENT, PTNOTE],
      ["ConnectionDeviceIDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["CallTypeID", "UINT", 5012],
      ["ServiceNumber", "UINT", 7],
    ],
    floating: [["ConnectionDeviceID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT]],
  }),
);
V.push(
  vector({
    id: "hand/v25/BEGIN_CALL_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: BEGIN_CALL_EVENT",
    comment:
      "Translation-routed inbound call (CallType CALLTYPE_PREROUTE_ACD_IN = 2) at agent extension 1001, with ANI/DNIS/DialedNumber/CED, the router call key, CallVariable1/2/10, one ECC scalar (NamedVariable, tag 82: name\\0value\\0) and one ECC array element (NamedArray, tag 83: UCHAR index + name\\0 + value\\0), and one CTI client (CTIClientSignature + CTIClientTimestamp, NumCTIClients = 1). ConnectionDeviceIDType CONNECTION_ID_STATIC = 0.",
    name: "BEGIN_CALL_EVENT",
    type: 23,
    fixed: [
      ...fixedCall(),
      ["NumCTIClients", "USHORT", 1],
      ["NumNamedVariables", "USHORT", 1],
      ["NumNamedArrays", "USHORT", 1],
      ["CallType", "USHORT", 2, "CALLTYPE_PREROUTE_ACD_IN"],
      ["ConnectionDeviceIDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
      ["CalledPartyDisposition", "USHORT", 0],
    ],
    floating: [
      ["ConnectionDeviceID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT],
      ["ANI", 8, "ANI_TAG", "STRING", CUST],
      ["DNIS", 10, "DNIS_TAG", "STRING", DNIS],
      ["DialedNumber", 11, "DIALED_NUMBER_TAG", "STRING", DNIS],
      ["CallerEnteredDigits", 12, "CED_TAG", "STRING", "1"],
      ["RouterCallKeyDay", 72, "ROUTER_CALL_KEY_DAY_TAG", "UINT", 151234],
      ["RouterCallKeyCallID", 73, "ROUTER_CALL_KEY_CALLID_TAG", "UINT", 5678],
      ["RouterCallKeySequenceNumber", 110, "ROUTER_CALL_KEY_SEQUENCE_NUM_TAG", "UINT", 0],
      ["CallVariable1", 13, "CALL_VAR_1_TAG", "STRING", "ACCT12345"],
      ["CallVariable2", 14, "CALL_VAR_2_TAG", "STRING", "GOLD"],
      ["CallVariable10", 22, "CALL_VAR_10_TAG", "STRING", "en-US"],
      [
        "NamedVariable",
        82,
        "NAMED_VARIABLE_TAG",
        "NAMEDVAR",
        { name: "user.cust.id", value: "42" },
        "",
        { key: "namedVariables", single: true },
      ],
      [
        "NamedArray",
        83,
        "NAMED_ARRAY_TAG",
        "NAMEDARRAY",
        { index: 0, name: "user.lang.list", value: "en" },
        "",
        { key: "namedArrays", single: true },
      ],
      ["CTIClientSignature", 23, "CTI_CLIENT_SIGNATURE_TAG", "STRING", "ctiwire/1.0", "", CTIC],
      ["CTIClientTimestamp", 24, "CTI_CLIENT_TIMESTAMP_TAG", "TIME", T0, "2026-01-01T00:00:00Z", CTIC],
    ],
  }),
  vector({
    id: "hand/v25/CALL_DELIVERED_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: CALL_DELIVERED_EVENT",
    comment:
      "Call alerting at extension 1001 from an external caller: LineType LINETYPE_INBOUND_ACD = 0; ServiceNumber/ServiceID NULL_SERVICE = 0xFFFFFFFF; SkillGroupNumber 100 / SkillGroupID 5100; AlertingDeviceType/CalledDeviceType DEVID_DEVICE_IDENTIFIER = 0; CallingDeviceType DEVID_EXTERNAL = 75; LastRedirectDeviceType DEVID_NONE = 0xffff; LocalConnectionState LCS_ALERTING = 2; EventCause CEC_NEW_CALL = 22. NumNamedVariables/NumNamedArrays are in the fixed part of this message (0 here).",
    message: { namedVariables: [], namedArrays: [] },
    name: "CALL_DELIVERED_EVENT",
    type: 9,
    fixed: [
      ...fixedCall(),
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
      ["LineHandle", "USHORT", 0],
      ["LineType", "USHORT", 0, "LINETYPE_INBOUND_ACD"],
      ["ServiceNumber", "UINT", 0xffffffff, "NULL_SERVICE"],
      ["ServiceID", "UINT", 0xffffffff, "NULL_SERVICE"],
      ["SkillGroupNumber", "UINT", 100],
      ["SkillGroupID", "UINT", 5100],
      ["SkillGroupPriority", "USHORT", 0],
      ["AlertingDevice Type", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
      ["CallingDeviceType", "USHORT", 75, "DEVID_EXTERNAL"],
      ["CalledDeviceType", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
      ["LastRedirect DeviceType", "USHORT", 0xffff, "DEVID_NONE"],
      ["LocalConnection State", "USHORT", 2, "LCS_ALERTING"],
      ["EventCause", "USHORT", 22, "CEC_NEW_CALL"],
      ["NumNamedVariables", "USHORT", 0],
      ["NumNamedArrays", "USHORT", 0],
    ],
    floating: [
      ["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT],
      ["AlertingDeviceID", 26, "ALERTING_DEVID_TAG", "STRING", EXT],
      ["CallingDeviceID", 27, "CALLING_DEVID_TAG", "STRING", CUST],
      ["CalledDeviceID", 28, "CALLED_DEVID_TAG", "STRING", EXT],
      ["ANI", 8, "ANI_TAG", "STRING", CUST],
      ["DNIS", 10, "DNIS_TAG", "STRING", DNIS],
      ["CallVariable1", 13, "CALL_VAR_1_TAG", "STRING", "ACCT12345"],
    ],
  }),
  vector({
    id: "hand/v25/CALL_ESTABLISHED_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: CALL_ESTABLISHED_EVENT",
    comment:
      "Agent 1001 answers: AnsweringDeviceType DEVID_DEVICE_IDENTIFIER = 0, CallingDeviceType DEVID_EXTERNAL = 75, LastRedirectDeviceType DEVID_NONE = 0xffff, LocalConnectionState LCS_CONNECT = 3, EventCause CEC_NONE = 0xffff; TrunkNumber/TrunkGroupNumber are UINT floating fields (tags 121/122).",
    name: "CALL_ESTABLISHED_EVENT",
    type: 10,
    fixed: [
      ...fixedCall(),
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
      ["LineHandle", "USHORT", 0],
      ["LineType", "USHORT", 0, "LINETYPE_INBOUND_ACD"],
      ["ServiceNumber", "UINT", 0xffffffff, "NULL_SERVICE"],
      ["ServiceID", "UINT", 0xffffffff, "NULL_SERVICE"],
      ["SkillGroupNumber", "UINT", 100],
      ["SkillGroupID", "UINT", 5100],
      ["SkillGroupPriority", "USHORT", 0],
      ["AnsweringDevice Type", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
      ["CallingDeviceType", "USHORT", 75, "DEVID_EXTERNAL"],
      ["CalledDeviceType", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
      ["LastRedirect DeviceType", "USHORT", 0xffff, "DEVID_NONE"],
      ["LocalConnection State", "USHORT", 3, "LCS_CONNECT"],
      ["EventCause", "USHORT", 0xffff, "CEC_NONE"],
    ],
    floating: [
      ["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT],
      ["AnsweringDevice ID", 30, "ANSWERING_DEVID_TAG", "STRING", EXT],
      ["CallingDeviceID", 27, "CALLING_DEVID_TAG", "STRING", CUST],
      ["CalledDeviceID", 28, "CALLED_DEVID_TAG", "STRING", EXT],
      ["TrunkNumber", 121, "TRUNK_NUMBER_TAG", "UINT", 7],
      ["TrunkGroup Number", 122, "TRUNK_GROUP_NUMBER_TAG", "UINT", 3],
    ],
  }),
  vector({
    id: "hand/v25/CALL_HELD_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: CALL_HELD_EVENT",
    comment:
      "Agent 1001 puts the call on hold: HoldingDeviceType DEVID_DEVICE_IDENTIFIER = 0, LocalConnectionState LCS_HOLD = 4, EventCause CEC_NONE = 0xffff.",
    name: "CALL_HELD_EVENT",
    type: 11,
    fixed: [
      ...fixedCall(),
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
      ["HoldingDeviceType", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
      ["LocalConnection State", "USHORT", 4, "LCS_HOLD"],
      ["EventCause", "USHORT", 0xffff, "CEC_NONE"],
    ],
    floating: [
      ["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT],
      ["HoldingDeviceID", 31, "HOLDING_DEVID_TAG", "STRING", EXT],
    ],
  }),
  vector({
    id: "hand/v25/CALL_RETRIEVED_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: CALL_RETRIEVED_EVENT",
    comment:
      "Agent 1001 retrieves the held call: RetrievingDeviceType DEVID_DEVICE_IDENTIFIER = 0, LocalConnectionState LCS_CONNECT = 3, EventCause CEC_NONE = 0xffff.",
    name: "CALL_RETRIEVED_EVENT",
    type: 12,
    fixed: [
      ...fixedCall(),
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
      ["RetrievingDevice Type", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
      ["LocalConnection State", "USHORT", 3, "LCS_CONNECT"],
      ["EventCause", "USHORT", 0xffff, "CEC_NONE"],
    ],
    floating: [
      ["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT],
      ["RetrievingDevice ID", 32, "RETRIEVING_DEVID_TAG", "STRING", EXT],
    ],
  }),
  vector({
    id: "hand/v25/CALL_CLEARED_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: CALL_CLEARED_EVENT",
    comment: "Call over: LocalConnectionState LCS_NULL = 0, EventCause CEC_NONE = 0xffff.",
    name: "CALL_CLEARED_EVENT",
    type: 13,
    fixed: [
      ...fixedCall(),
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
      ["LocalConnection State", "USHORT", 0, "LCS_NULL"],
      ["EventCause", "USHORT", 0xffff, "CEC_NONE"],
    ],
    floating: [["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT]],
  }),
  vector({
    id: "hand/v25/CALL_CONNECTION_CLEARED_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: CALL_CONNECTION_CLEARED_EVENT",
    comment:
      "The external party hangs up: ConnectionDeviceIDType CONNECTION_ID_DYNAMIC = 1 for the caller's connection, ReleasingDeviceType DEVID_EXTERNAL = 75, LocalConnectionState LCS_NULL = 0, EventCause CEC_NONE = 0xffff.",
    name: "CALL_CONNECTION_CLEARED_EVENT",
    type: 14,
    fixed: [
      ...fixedCall(),
      ["ConnectionDevice IDType", "USHORT", 1, "CONNECTION_ID_DYNAMIC"],
      ["ConnectionCallID", "UINT", CALLID],
      ["ReleasingDevice Type", "USHORT", 75, "DEVID_EXTERNAL"],
      ["LocalConnection State", "USHORT", 0, "LCS_NULL"],
      ["EventCause", "USHORT", 0xffff, "CEC_NONE"],
    ],
    floating: [
      ["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", CUST],
      ["ReleasingDeviceID", 33, "RELEASING_DEVID_TAG", "STRING", CUST],
    ],
  }),
);

const PARTIES = { key: "parties" };
V.push(
  vector({
    id: "hand/v25/CALL_TRANSFERRED_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: CALL_TRANSFERRED_EVENT",
    comment:
      "Agent 1001 completes a consultative transfer of the customer to 1002: PrimaryCallID = the consult call, SecondaryCallID = the original call; SkillGroupNumber/ID NULL_SKILL_GROUP = 0xFFFFFFFF; TransferringDeviceType/TransferredDeviceType DEVID_DEVICE_IDENTIFIER = 0; LocalConnectionState LCS_NULL = 0; EventCause CEC_TRANSFER = 32. NumParties = 2: each party is ConnectedPartyCallID (tag 39) + ConnectedPartyDeviceIDType (tag 40, CONNECTION_ID_DYNAMIC = 1 / CONNECTION_ID_STATIC = 0) + ConnectedPartyDeviceID (tag 41).",
    name: "CALL_TRANSFERRED_EVENT",
    type: 18,
    fixed: [
      ...fixedCall(),
      ["PrimaryDeviceIDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["PrimaryCallID", "UINT", CONSULT_CALLID],
      ["LineHandle", "USHORT", 0],
      ["LineType", "USHORT", 0, "LINETYPE_INBOUND_ACD"],
      ["SkillGroupNumber", "UINT", 0xffffffff, "NULL_SKILL_GROUP"],
      ["SkillGroupID", "UINT", 0xffffffff, "NULL_SKILL_GROUP"],
      ["SkillGroupPriority", "USHORT", 0],
      ["NumParties", "USHORT", 2],
      ["SecondaryDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["SecondaryCallID", "UINT", CALLID],
      ["TransferringDeviceType", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
      ["TransferredDeviceType", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
      ["LocalConnectionState", "USHORT", 0, "LCS_NULL"],
      ["EventCause", "USHORT", 32, "CEC_TRANSFER"],
    ],
    floating: [
      ["PrimaryDeviceID", 35, "PRIMARY_DEVID_TAG", "STRING", EXT],
      ["SecondaryDeviceID", 36, "SECONDARY_DEVID_TAG", "STRING", EXT],
      ["TransferringDeviceID", 42, "TRANSFERRING_DEVID_TAG", "STRING", EXT],
      ["TransferredDeviceID", 43, "TRANSFERRED_DEVID_TAG", "STRING", "1002"],
      ["ConnectedPartyCallID", 39, "PARTY_CALLID_TAG", "UINT", CALLID, "party 1", PARTIES],
      ["ConnectedPartyDevice IDType", 40, "PARTY_DEVID_TYPE_TAG", "USHORT", 1, "CONNECTION_ID_DYNAMIC", PARTIES],
      ["ConnectedParty DeviceID", 41, "PARTY_DEVID_TAG", "STRING", CUST, "", PARTIES],
      ["ConnectedPartyCallID", 39, "PARTY_CALLID_TAG", "UINT", CALLID, "party 2", PARTIES],
      ["ConnectedPartyDevice IDType", 40, "PARTY_DEVID_TYPE_TAG", "USHORT", 0, "CONNECTION_ID_STATIC", PARTIES],
      ["ConnectedParty DeviceID", 41, "PARTY_DEVID_TAG", "STRING", "1002", "", PARTIES],
    ],
  }),
  vector({
    id: "hand/v25/CALL_CONFERENCED_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: CALL_CONFERENCED_EVENT",
    comment:
      "Agent 1001 conferences 1002 into the customer call: NumParties = 3 (customer, 1001, 1002); ControllerDeviceType/AddedPartyDeviceType DEVID_DEVICE_IDENTIFIER = 0; LocalConnectionState LCS_CONNECT = 3; EventCause CEC_NONE = 0xffff; SkillGroup 100/5100.",
    name: "CALL_CONFERENCED_EVENT",
    type: 17,
    fixed: [
      ...fixedCall(),
      ["PrimaryDeviceIDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["PrimaryCallID", "UINT", CALLID],
      ["LineHandle", "USHORT", 0],
      ["LineType", "USHORT", 0, "LINETYPE_INBOUND_ACD"],
      ["SkillGroupNumber", "UINT", 100],
      ["SkillGroupID", "UINT", 5100],
      ["SkillGroupPriority", "USHORT", 0],
      ["NumParties", "USHORT", 3],
      ["SecondaryDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["SecondaryCallID", "UINT", CONSULT_CALLID],
      ["ControllerDeviceType", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
      ["AddedPartyDeviceType", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
      ["LocalConnectionState", "USHORT", 3, "LCS_CONNECT"],
      ["EventCause", "USHORT", 0xffff, "CEC_NONE"],
    ],
    floating: [
      ["PrimaryDeviceID", 35, "PRIMARY_DEVID_TAG", "STRING", EXT],
      ["SecondaryDeviceID", 36, "SECONDARY_DEVID_TAG", "STRING", EXT],
      ["ControllerDeviceID", 37, "CONTROLLER_DEVID_TAG", "STRING", EXT],
      ["AddedPartyDeviceID", 38, "ADDED_PARTY_DEVID_TAG", "STRING", "1002"],
      ["ConnectedPartyCallID", 39, "PARTY_CALLID_TAG", "UINT", CALLID, "party 1", PARTIES],
      ["ConnectedPartyDevice IDType", 40, "PARTY_DEVID_TYPE_TAG", "USHORT", 1, "CONNECTION_ID_DYNAMIC", PARTIES],
      ["ConnectedParty DeviceID", 41, "PARTY_DEVID_TAG", "STRING", CUST, "", PARTIES],
      ["ConnectedPartyCallID", 39, "PARTY_CALLID_TAG", "UINT", CALLID, "party 2", PARTIES],
      ["ConnectedPartyDevice IDType", 40, "PARTY_DEVID_TYPE_TAG", "USHORT", 0, "CONNECTION_ID_STATIC", PARTIES],
      ["ConnectedParty DeviceID", 41, "PARTY_DEVID_TAG", "STRING", EXT, "", PARTIES],
      ["ConnectedPartyCallID", 39, "PARTY_CALLID_TAG", "UINT", CALLID, "party 3", PARTIES],
      ["ConnectedPartyDevice IDType", 40, "PARTY_DEVID_TYPE_TAG", "USHORT", 0, "CONNECTION_ID_STATIC", PARTIES],
      ["ConnectedParty DeviceID", 41, "PARTY_DEVID_TAG", "STRING", "1002", "", PARTIES],
    ],
  }),
  vector({
    id: "hand/v25/END_CALL_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: END_CALL_EVENT",
    comment: "The call is no longer associated with this client.",
    name: "END_CALL_EVENT",
    type: 24,
    fixed: [
      ...fixedCall(),
      ["ConnectionDeviceIDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
    ],
    floating: [["ConnectionDeviceID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT]],
  }),
  vector({
    id: "hand/v25/CALL_DATA_UPDATE_EVENT-1",
    version: 25,
    section: "Ch5 Call Data Update: CALL_DATA_UPDATE_EVENT",
    comment:
      "Call data changed (CallVariable3, wrap-up data, one ECC variable, customer phone/account); NewConnectionCallID equals ConnectionCallID (no call-ID change). CampaignID/QueryRuleID 0 (not an Outbound Option call). NumCTIClients = 1 with only the CTIClientSignature (CTIClientTimestamp is optional).",
    message: { namedArrays: [] },
    name: "CALL_DATA_UPDATE_EVENT",
    type: 25,
    fixed: [
      ...fixedCall(),
      ["NumCTIClients", "USHORT", 1],
      ["NumNamedVariables", "USHORT", 1],
      ["NumNamedArrays", "USHORT", 0],
      ["CallType", "USHORT", 2, "CALLTYPE_PREROUTE_ACD_IN"],
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
      ["NewConnectionDeviceIDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["NewConnectionCallID", "UINT", CALLID],
      ["CalledPartyDisposition", "USHORT", 0],
      ["CampaignID", "UINT", 0],
      ["QueryRuleID", "UINT", 0],
    ],
    floating: [
      ["ConnectionDeviceID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT],
      ["NewConnectionDeviceID", 47, "NEW_CONNECTION_DEVID_TAG", "STRING", EXT],
      ["CallVariable3", 15, "CALL_VAR_3_TAG", "STRING", "VIP"],
      ["CallWrapupData", 46, "CALL_WRAPUP_DATA_TAG", "STRING", "Resolved"],
      [
        "NamedVariable",
        82,
        "NAMED_VARIABLE_TAG",
        "NAMEDVAR",
        { name: "user.cust.tier", value: "platinum" },
        "",
        { key: "namedVariables", single: true },
      ],
      ["CustomerPhoneNumber", 95, "CUSTOMER_PHONE_NUMBER_TAG", "STRING", CUST],
      ["CustomerAccount Number", 96, "CUSTOMER_ACCOUNT_NUMBER_TAG", "STRING", "ACCT12345"],
      ["CTIClientSignature", 23, "CTI_CLIENT_SIGNATURE_TAG", "STRING", "ctiwire/1.0", "", CTIC],
    ],
  }),
);

// =============================================================================================
// Agent state, system event
const FLTSG = { key: "fltSkillGroups" };
V.push(
  vector({
    id: "hand/v25/AGENT_STATE_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: AGENT_STATE_EVENT",
    comment:
      "Agent 5001 (ICMAgentID/SkillTargetID 5042) goes AGENT_STATE_TALKING = 4 (Ch6 AgentState) in skill group 100/5100, voice MRD 1, AgentAvailabilityStatus NOT AVAILABLE = 0, Direction 1 = In. NumFltSkillGroups = 2, so two sets of FltSkillGroupNumber/ID/Priority/State follow; the guide names no tag for them under AGENT_STATE_EVENT, SKILL_GROUP_NUMBER_TAG 62 / SKILL_GROUP_ID_TAG 63 / SKILL_GROUP_PRIORITY_TAG 64 / SKILL_GROUP_STATE_TAG 65 are used (the tags of the same fields in QUERY_AGENT_STATE_CONF). Second group 200/5200 in AGENT_STATE_BUSY_OTHER = 7. ActiveTerminal uses FLT_TERM_DEVICE_NAME (303), which lists AGENT_STATE_EVENT. AgentID uses AGENT_ID_TAG (5), the 12-byte STRING tag (AGENT_ID_LONG_TAG 194 also lists this message). The fixed SkillGroupNumber is typed 'USINT' in the guide (read as UINT).",
    name: "AGENT_STATE_EVENT",
    type: 30,
    fixed: [
      ...fixedCall().slice(0, 2),
      ["SessionID", "UINT", 12],
      ["PeripheralType", "USHORT", PT_ENTERPRISE_AGENT, PTNOTE],
      ["SkillGroupState", "USHORT", 4, "AGENT_STATE_TALKING"],
      ["StateDuration", "UINT", 0],
      ["SkillGroupNumber", "UINT", 100, "(guide type USINT)"],
      ["SkillGroupID", "UINT", 5100],
      ["SkillGroupPriority", "USHORT", 0],
      ["AgentState", "USHORT", 4, "AGENT_STATE_TALKING"],
      ["EventReasonCode", "USHORT", 0],
      ["MRDID", "INT", 1],
      ["NumTasks", "UINT", 1],
      ["AgentMode", "USHORT", 1, "ROUTABLE"],
      ["MaxTaskLimit", "UINT", 1],
      ["ICMAgentID", "INT", 5042],
      ["AgentAvailability Status", "UINT", 0, "NOT AVAILABLE"],
      ["NumFltSkillGroups", "USHORT", 2],
      ["DepartmentID", "INT", 0],
    ],
    floating: [
      ["CTIClientSignature", 3, "CLIENT_SIGNATURE_TAG", "STRING", "ctiwire/1.0"],
      ["AgentID", 5, "AGENT_ID_TAG", "STRING", AGENT_ID],
      ["AgentExtension", 4, "AGENT_EXTENSION_TAG", "STRING", EXT],
      ["ActiveTerminal", 303, "FLT_TERM_DEVICE_NAME", "STRING", "SEP00AABBCCDDEE"],
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
      ["Direction", 244, "DIRECTION_TAG", "UINT", 1, "In"],
      ["FltSkillGroupNumber", 62, "SKILL_GROUP_NUMBER_TAG", "INT", 100, "group 1", FLTSG],
      ["FltSkillGroupID", 63, "SKILL_GROUP_ID_TAG", "UINT", 5100, "", FLTSG],
      ["FltSkillGroup Priority", 64, "SKILL_GROUP_PRIORITY_TAG", "USHORT", 0, "", FLTSG],
      ["FltSkillGroupState", 65, "SKILL_GROUP_STATE_TAG", "USHORT", 4, "AGENT_STATE_TALKING", FLTSG],
      ["FltSkillGroupNumber", 62, "SKILL_GROUP_NUMBER_TAG", "INT", 200, "group 2", FLTSG],
      ["FltSkillGroupID", 63, "SKILL_GROUP_ID_TAG", "UINT", 5200, "", FLTSG],
      ["FltSkillGroup Priority", 64, "SKILL_GROUP_PRIORITY_TAG", "USHORT", 0, "", FLTSG],
      ["FltSkillGroupState", 65, "SKILL_GROUP_STATE_TAG", "USHORT", 7, "AGENT_STATE_BUSY_OTHER", FLTSG],
      ["MaxBeyondTaskLimit", 266, "MAX_BEYOND_TASK_LIMIT_TAG", "UINT", 0],
    ],
  }),
  vector({
    id: "hand/v25/SYSTEM_EVENT-1",
    version: 25,
    section: "Ch5 Miscellaneous: SYSTEM_EVENT",
    comment:
      "SystemEventID SYS_INSTRUMENT_OUT_OF_SERVICE = 10: 'SystemEventArg1 contains the PeripheralID of the peripheral, and SystemEventText contains the AgentInstrument'. EventDeviceType DEVID_DEVICE_IDENTIFIER = 0 with EventDeviceID 1001 (tag 206).",
    name: "SYSTEM_EVENT",
    type: 31,
    fixed: [
      ["PGStatus", "UINT", 0],
      ["ICMCentral ControllerTime", "TIME", T0 + 1800, "2026-01-01T00:30:00Z"],
      ["SystemEventID", "UINT", 10, "SYS_INSTRUMENT_OUT_OF_SERVICE"],
      ["SystemEventArg1", "UINT", PERIPHERAL, "PeripheralID"],
      ["SystemEventArg2", "UINT", 0],
      ["SystemEventArg3", "UINT", 0],
      ["EventDeviceType", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
    ],
    floating: [
      ["Text", 7, "TEXT_TAG", "STRING", EXT],
      ["EventDeviceID", 206, "EVENT_DEVICE_ID_TAG", "STRING", EXT],
    ],
  }),
);

// =============================================================================================
// Client control
V.push(
  vector({
    id: "hand/v25/QUERY_AGENT_STATE_REQ-1",
    version: 25,
    section: "Ch5 Client Control: QUERY_AGENT_STATE_REQ",
    comment: "Query agent 5001 at instrument 1001 on the voice MRD (MRDID 1), ICMAgentID 5042.",
    name: "QUERY_AGENT_STATE_REQ",
    type: 36,
    fixed: [
      ["InvokeID", "UINT", 10],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["MRDID", "INT", 1],
      ["ICMAgentID", "INT", 5042],
    ],
    floating: [
      ["AgentID", 5, "AGENT_ID_TAG", "STRING", AGENT_ID],
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
    ],
  }),
  vector({
    id: "hand/v25/QUERY_AGENT_STATE_CONF-1",
    version: 25,
    section: "Ch5 Client Control: QUERY_AGENT_STATE_CONF",
    comment:
      "Agent is AGENT_STATE_AVAILABLE = 3 (Ch6 AgentState) in one skill group (NumSkillGroups = 1: SkillGroupNumber tag 62, SkillGroupID tag 63, SkillGroupPriority tag 64, SkillGroupState tag 65), AgentAvailabilityStatus ICM AVAILABLE = 1.",
    name: "QUERY_AGENT_STATE_CONF",
    type: 37,
    fixed: [
      ["InvokeID", "UINT", 10],
      ["AgentState", "USHORT", 3, "AGENT_STATE_AVAILABLE"],
      ["NumSkillGroups", "USHORT", 1],
      ["MRDID", "INT", 1],
      ["NumTasks", "UINT", 0],
      ["AgentMode", "USHORT", 1, "ROUTABLE"],
      ["MaxTaskLimit", "UINT", 1],
      ["ICMAgentID", "INT", 5042],
      ["Agent Availability Status", "UINT", 1, "ICM AVAILABLE"],
      ["DepartmentID", "INT", 0],
    ],
    floating: [
      ["AgentID", 5, "AGENT_ID_TAG", "STRING", AGENT_ID],
      ["AgentExtension", 4, "AGENT_EXTENSION_TAG", "STRING", EXT],
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
      ["SkillGroup Number", 62, "SKILL_GROUP_NUMBER_TAG", "UINT", 100, "", { key: "skillGroups" }],
      ["SkillGroupID", 63, "SKILL_GROUP_ID_TAG", "UINT", 5100, "", { key: "skillGroups" }],
      ["SkillGroup Priority", 64, "SKILL_GROUP_PRIORITY_TAG", "USHORT", 0, "", { key: "skillGroups" }],
      ["SkillGroupState", 65, "SKILL_GROUP_STATE_TAG", "USHORT", 3, "AGENT_STATE_AVAILABLE", { key: "skillGroups" }],
      ["MaxBeyondTaskLimit", 266, "MAX_BEYOND_TASK_LIMIT_TAG", "UINT", 0],
    ],
  }),
  vector({
    id: "hand/v25/SET_AGENT_STATE_REQ-1",
    version: 25,
    section: "Ch5 Client Control: SET_AGENT_STATE_REQ",
    comment:
      "Make agent 5001 ready: AgentState AGENT_STATE_AVAILABLE = 3, AgentWorkMode AWM_UNSPECIFIED = 0, NumSkillGroups 0, ForcedFlag is a 1-byte UCHAR so the fixed part is 21 bytes (odd length, no padding: Ch2 says the stream is packed).",
    message: { skillGroups: [] },
    name: "SET_AGENT_STATE_REQ",
    type: 38,
    fixed: [
      ["InvokeID", "UINT", 11],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["AgentState", "USHORT", 3, "AGENT_STATE_AVAILABLE"],
      ["AgentWorkMode", "USHORT", 0, "AWM_UNSPECIFIED"],
      ["NumSkillGroups", "USHORT", 0],
      ["EventReasonCode", "USHORT", 0],
      ["ForcedFlag", "UCHAR", 0],
      ["AgentServiceReq", "UINT", 0],
    ],
    floating: [
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
      ["AgentID", 5, "AGENT_ID_TAG", "STRING", AGENT_ID],
    ],
  }),
  vector({
    id: "hand/v25/SET_AGENT_STATE_CONF-1",
    version: 25,
    section: "Ch5 Client Control: SET_AGENT_STATE_CONF",
    comment: "Echoes the InvokeID of SET_AGENT_STATE_REQ-1.",
    name: "SET_AGENT_STATE_CONF",
    type: 39,
    fixed: [["InvokeID", "UINT", 11]],
  }),
  vector({
    id: "hand/v25/MAKE_CALL_REQ-1",
    version: 25,
    section: "Ch5 Client Control: MAKE_CALL_REQ",
    comment:
      "Agent 1001 dials 1002: CallPlacementType CPT_UNSPECIFIED = 0, CallMannerType CMT_UNSPECIFIED = 0, CallOption COPT_UNSPECIFIED = 0, FacilityType FT_UNSPECIFIED = 0, AnsweringMachine AM_UNSPECIFIED = 0, Priority/PostRoute FALSE, SkillGroupNumber NULL_SKILL_GROUP = 0xFFFFFFFF. The guide spells the last fixed field 'SkilGroupNumber' (one l); the property follows that spelling.",
    message: { namedVariables: [], namedArrays: [] },
    name: "MAKE_CALL_REQ",
    type: 56,
    fixed: [
      ["InvokeID", "UINT", 12],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["CallPlacementType", "USHORT", 0, "CPT_UNSPECIFIED"],
      ["CallMannerType", "USHORT", 0, "CMT_UNSPECIFIED"],
      ["AlertRings", "USHORT", 0],
      ["CallOption", "USHORT", 0, "COPT_UNSPECIFIED"],
      ["FacilityType", "USHORT", 0, "FT_UNSPECIFIED"],
      ["AnsweringMachine", "USHORT", 0, "AM_UNSPECIFIED"],
      ["Priority", "BOOL", false],
      ["PostRoute", "BOOL", false],
      ["NumNamed Variables", "USHORT", 0],
      ["NumNamedArrays", "USHORT", 0],
      ["SkilGroupNumber", "UINT", 0xffffffff, "NULL_SKILL_GROUP"],
    ],
    floating: [
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
      ["DialedNumber", 11, "DIALED_NUMBER_TAG", "STRING", "1002"],
      ["CallVariable1", 13, "CALL_VAR_1_TAG", "STRING", "ACCT12345"],
    ],
  }),
  vector({
    id: "hand/v25/MAKE_CALL_CONF-1",
    version: 25,
    section: "Ch5 Client Control: MAKE_CALL_CONF",
    comment:
      "New call 16777310 at 1001: NewConnectionDeviceIDType CONNECTION_ID_STATIC = 0, LineType LINETYPE_INSIDE = 2.",
    name: "MAKE_CALL_CONF",
    type: 57,
    fixed: [
      ["InvokeID", "UINT", 12],
      ["NewConnection CallID", "UINT", 16777310],
      ["NewConnection DeviceIDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["LineHandle", "USHORT", 0],
      ["LineType", "USHORT", 2, "LINETYPE_INSIDE"],
    ],
    floating: [["NewConnection DeviceID", 47, "NEW_CONNECTION_DEVID_TAG", "STRING", EXT]],
  }),
  vector({
    id: "hand/v25/ANSWER_CALL_REQ-1",
    version: 25,
    section: "Ch5 Client Control: ANSWER_CALL_REQ",
    comment: "Answer the alerting call 16777300 at 1001.",
    name: "ANSWER_CALL_REQ",
    type: 42,
    fixed: [
      ["InvokeID", "UINT", 13],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["ConnectionCallID", "UINT", CALLID],
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
    ],
    floating: [
      ["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT],
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
    ],
  }),
  vector({
    id: "hand/v25/HOLD_CALL_REQ-1",
    version: 25,
    section: "Ch5 Client Control: HOLD_CALL_REQ",
    comment: "Hold call 16777300 at 1001; Reservation FALSE (BOOL).",
    name: "HOLD_CALL_REQ",
    type: 54,
    fixed: [
      ["InvokeID", "UINT", 14],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["ConnectionCallID", "UINT", CALLID],
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["Reservation", "BOOL", false],
    ],
    floating: [["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT]],
  }),
  vector({
    id: "hand/v25/CLEAR_CALL_REQ-1",
    version: 25,
    section: "Ch5 Client Control: CLEAR_CALL_REQ",
    comment: "Release all devices from call 16777300.",
    name: "CLEAR_CALL_REQ",
    type: 44,
    fixed: [
      ["InvokeID", "UINT", 15],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["ConnectionCallID", "UINT", CALLID],
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
    ],
    floating: [["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT]],
  }),
  vector({
    id: "hand/v25/CONTROL_FAILURE_CONF-1",
    version: 25,
    section: "Ch5 Client Control: CONTROL_FAILURE_CONF",
    comment:
      "HOLD_CALL_REQ-1 failed: FailureCode CF_INVALID_CSTA_CALL_IDENTIFIER = 11 (Ch6 ControlFailureCode, USHORT), PeripheralErrorCode 0.",
    name: "CONTROL_FAILURE_CONF",
    type: 35,
    fixed: [
      ["InvokeID", "UINT", 14],
      ["FailureCode", "USHORT", 11, "CF_INVALID_CSTA_CALL_IDENTIFIER"],
      ["PeripheralError Code", "UINT", 0],
    ],
  }),
  vector({
    id: "hand/v25/SNAPSHOT_CALL_REQ-1",
    version: 25,
    section: "Ch5 Client Control: SNAPSHOT_CALL_REQ",
    comment: "Snapshot of call 16777300 at 1001.",
    name: "SNAPSHOT_CALL_REQ",
    type: 82,
    fixed: [
      ["InvokeID", "UINT", 16],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["ConnectionCallID", "UINT", CALLID],
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
    ],
    floating: [["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT]],
  }),
);
const DEV = { key: "callDevices" };
V.push(
  vector({
    id: "hand/v25/SNAPSHOT_CALL_CONF-1",
    version: 25,
    section: "Ch5 Client Control: SNAPSHOT_CALL_CONF",
    comment:
      "Two call devices (NumCallDevices = 2): the customer (CallConnectionDeviceIDType CONNECTION_ID_DYNAMIC = 1, CallDeviceType DEVID_EXTERNAL = 75) and agent 1001 (CONNECTION_ID_STATIC = 0, DEVID_DEVICE_IDENTIFIER = 0), both LCS_CONNECT = 3; each device is CallConnectionCallID (56), CallConnectionDeviceIDType (57), CallConnectionDeviceID (58), CallDeviceType (59), CallDeviceID (60), CallDeviceConnectionState (61). One CTI client. CallType CALLTYPE_PREROUTE_ACD_IN = 2.",
    message: { namedVariables: [], namedArrays: [] },
    name: "SNAPSHOT_CALL_CONF",
    type: 83,
    fixed: [
      ["InvokeID", "UINT", 16],
      ["CallType", "USHORT", 2, "CALLTYPE_PREROUTE_ACD_IN"],
      ["NumCTIClients", "USHORT", 1],
      ["NumCallDevices", "USHORT", 2],
      ["NumNamed Variables", "USHORT", 0],
      ["NumNamedArrays", "USHORT", 0],
      ["CalledParty Disposition", "USHORT", 0],
    ],
    floating: [
      ["ANI", 8, "ANI_TAG", "STRING", CUST],
      ["DNIS", 10, "DNIS_TAG", "STRING", DNIS],
      ["RouterCallKeyDay", 72, "ROUTER_CALL_KEY_DAY_TAG", "UINT", 151234],
      ["RouterCallKey CallID", 73, "ROUTER_CALL_KEY_CALLID_TAG", "UINT", 5678],
      ["CallVariable1", 13, "CALL_VAR_1_TAG", "STRING", "ACCT12345"],
      ["CTIClientSignature", 23, "CTI_CLIENT_SIGNATURE_TAG", "STRING", "ctiwire/1.0", "", CTIC],
      ["CTIClient Timestamp", 24, "CTI_CLIENT_TIMESTAMP_TAG", "TIME", T0, "2026-01-01T00:00:00Z", CTIC],
      ["CallConnection CallID", 56, "CALL_CONN_CALLID_TAG", "UINT", CALLID, "device 1", DEV],
      ["CallConnection DeviceIDType", 57, "CALL_CONN_DEVID_TYPE_TAG", "USHORT", 1, "CONNECTION_ID_DYNAMIC", DEV],
      ["CallConnection DeviceID", 58, "CALL_CONN_DEVID_TAG", "STRING", CUST, "", DEV],
      ["CallDeviceType", 59, "CALL_DEVID_TYPE_TAG", "USHORT", 75, "DEVID_EXTERNAL", DEV],
      ["CallDeviceID", 60, "CALL_DEVID_TAG", "STRING", CUST, "", DEV],
      ["CallDevice Connection State", 61, "CALL_DEV_CONN_STATE_TAG", "USHORT", 3, "LCS_CONNECT", DEV],
      ["CallConnection CallID", 56, "CALL_CONN_CALLID_TAG", "UINT", CALLID, "device 2", DEV],
      ["CallConnection DeviceIDType", 57, "CALL_CONN_DEVID_TYPE_TAG", "USHORT", 0, "CONNECTION_ID_STATIC", DEV],
      ["CallConnection DeviceID", 58, "CALL_CONN_DEVID_TAG", "STRING", EXT, "", DEV],
      ["CallDeviceType", 59, "CALL_DEVID_TYPE_TAG", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER", DEV],
      ["CallDeviceID", 60, "CALL_DEVID_TAG", "STRING", EXT, "", DEV],
      ["CallDevice Connection State", 61, "CALL_DEV_CONN_STATE_TAG", "USHORT", 3, "LCS_CONNECT", DEV],
    ],
  }),
  vector({
    id: "hand/v25/MONITOR_START_REQ-1",
    version: 25,
    section: "Ch5 Connection Monitor: MONITOR_START_REQ",
    comment:
      "Device monitor on extension 1001: ConnectionCallID 0 and ConnectionDeviceIDType CONNECTION_ID_NONE = 0xffff (no call), MonitoredDeviceType DEVID_DEVICE_IDENTIFIER = 0, MonitoredDeviceID tag 76; masks as in OPEN_REQ-1.",
    name: "MONITOR_START_REQ",
    type: 93,
    fixed: [
      ["InvokeID", "UINT", 17],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["Connection CallID", "UINT", 0],
      ["CallMsgMask", "UINT", CALLMASK],
      ["AgentStateMask", "UINT", AGENTMASK],
      ["Connection DeviceIDType", "USHORT", 0xffff, "CONNECTION_ID_NONE"],
      ["MonitoredDeviceType", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
    ],
    floating: [["MonitoredDevice ID", 76, "MONITORED_DEVID_TAG", "STRING", EXT]],
  }),
  vector({
    id: "hand/v25/USER_MESSAGE_REQ-1",
    version: 25,
    section: "Ch5 Miscellaneous: USER_MESSAGE_REQ",
    comment:
      "Message to one CTI client: Distribution DISTRIBUTE_TO_CLIENT = 0 (ClientID names the target). Sender identified by AgentExtension/AgentID/AgentInstrument (tags 4/5/6); Text tag 7.",
    name: "USER_MESSAGE_REQ",
    type: 107,
    fixed: [
      ["InvokeID", "UINT", 18],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["Distribution", "USHORT", 0, "DISTRIBUTE_TO_CLIENT"],
    ],
    floating: [
      ["ClientID", 1, "CLIENT_ID_TAG", "STRING", "supervisor-desk"],
      ["AgentExtension", 4, "AGENT_EXTENSION_TAG", "STRING", EXT],
      ["AgentID", 5, "AGENT_ID_TAG", "STRING", AGENT_ID],
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
      ["Text", 7, "TEXT_TAG", "STRING", "Need help on call"],
    ],
  }),
);

// =============================================================================================
// Client monitor: CLIENT_SESSION_OPENED_EVENT at v25, v20, v19, v17 (the format change)
const CSO_FIXED = [
  ["SessionID", "UINT", 12],
  ["PeripheralID", "UINT", PERIPHERAL],
  ["ServicesGranted", "UINT", SERVICES, "CLIENT_EVENTS|CALL_DATA_UPDATE|CLIENT_CONTROL"],
  ["CallMsgMask", "UINT", CALLMASK],
  ["AgentStateMask", "UINT", AGENTMASK],
  ["ClientPort", "UINT", 51234],
];
const csoFloating = (addr) => [
  ["ClientAddress", 81, "CLIENT_ADDRESS_TAG", "STRING", addr],
  ["ClientID", 1, "CLIENT_ID_TAG", "STRING", "ctiwire"],
  ["ClientSignature", 3, "CLIENT_SIGNATURE_TAG", "STRING", "ctiwire/1.0"],
  ["AgentExtension", 4, "AGENT_EXTENSION_TAG", "STRING", EXT],
  ["AgentID", 5, "AGENT_ID_TAG", "STRING", AGENT_ID],
  ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
];
V.push(
  vector({
    id: "hand/v25/CLIENT_SESSION_OPENED_EVENT-1",
    version: 25,
    section: "Ch5 Client Monitor: CLIENT_SESSION_OPENED_EVENT",
    comment:
      "Session 12 opened by an agent desktop at 10.10.20.31:51234. v20+ floating fields: USHORT tag + USHORT length.",
    name: "CLIENT_SESSION_OPENED_EVENT",
    type: 99,
    fixed: CSO_FIXED,
    floating: csoFloating("10.10.20.31"),
  }),
  vector({
    id: "hand/v20/CLIENT_SESSION_OPENED_EVENT-1",
    version: 20,
    section: "Ch5 Client Monitor: CLIENT_SESSION_OPENED_EVENT (v20: first version with 2-byte tag/length)",
    comment:
      "Same event as the v17/v19 vectors, at v20: Ch7 'Protocol Version 20': 'the floating field tag and length size changed from 1 byte to 2 byte USHORT'. ClientAddress STRING 64 (v19+) carrying an IPv6 address.",
    name: "CLIENT_SESSION_OPENED_EVENT",
    type: 99,
    fixed: CSO_FIXED,
    floating: csoFloating("2001:db8:10:20::31"),
  }),
  vector({
    id: "hand/v19/CLIENT_SESSION_OPENED_EVENT-1",
    version: 19,
    section: "Ch5 Client Monitor: CLIENT_SESSION_OPENED_EVENT (v19: last version with 1-byte tag/length)",
    comment:
      "Identical content to hand/v20/CLIENT_SESSION_OPENED_EVENT-1 but 1-byte UCHAR tag + 1-byte UCHAR length (up to v19). Ch7 'Protocol Version 19': ClientAddress grew from 16 to 64 bytes and ClientAddressIPV6 (tag 226) was removed, so the IPv6 address travels in ClientAddress.",
    name: "CLIENT_SESSION_OPENED_EVENT",
    type: 99,
    fixed: CSO_FIXED,
    floating: csoFloating("2001:db8:10:20::31"),
  }),
  vector({
    id: "hand/v17/CLIENT_SESSION_OPENED_EVENT-1",
    version: 17,
    section: "v17 guide Table 5-37 CLIENT_SESSION_OPENED_EVENT (seed page)",
    comment:
      "The seed v17 page, every field of the IPv4 form: fixed SessionID, PeripheralID, ServicesGranted, CallMsgMask, AgentStateMask, ClientPort; floating ClientAddress (STRING max 16 at v17: '10.10.20.31' + NUL = 12 bytes), ClientID, ClientSignature, AgentExtension, AgentID, AgentInstrument. 1-byte tag + 1-byte length. ClientAddressIPV6 is the alternative to ClientAddress ('one but not both must be present'), so it is in hand/v17/CLIENT_SESSION_OPENED_EVENT-2.",
    name: "CLIENT_SESSION_OPENED_EVENT",
    type: 99,
    fixed: CSO_FIXED,
    floating: csoFloating("10.10.20.31"),
  }),
  vector({
    id: "hand/v17/CLIENT_SESSION_OPENED_EVENT-2",
    version: 17,
    section: "v17 guide Table 5-37 CLIENT_SESSION_OPENED_EVENT (seed page): ClientAddressIPV6",
    comment:
      "The seed v17 page's IPv6 form: ClientAddressIPV6 (CLIENT_ADDRESS_IPV6_TAG = 226, added in v14 per Ch7, removed in v19; STRING max 16 at v17) replaces ClientAddress ('Where supported this may replace ClientAddress; one but not both must be present'; the page marks it 'not supported by Unified CCE'). 'fe80::1:31' + NUL = 11 bytes.",
    name: "CLIENT_SESSION_OPENED_EVENT",
    type: 99,
    fixed: CSO_FIXED,
    floating: [
      ...csoFloating("x").slice(1),
      ["ClientAddressIPV6", 226, "CLIENT_ADDRESS_IPV6_TAG", "STRING", "fe80::1:31"],
    ],
  }),
);

// =============================================================================================
// v17 (1-byte tag + 1-byte length) call/agent messages whose layout the older guides give unchanged
V.push(
  vector({
    id: "hand/v17/HEARTBEAT_REQ-1",
    version: 17,
    section: "Ch4 Session Management: HEARTBEAT_REQ (v17)",
    comment: "No floating part: identical bytes at every version.",
    name: "HEARTBEAT_REQ",
    type: 5,
    fixed: [["InvokeID", "UINT", 7]],
  }),
  vector({
    id: "hand/v17/BEGIN_CALL_EVENT-1",
    version: 17,
    section: "Ch5 Client Events: BEGIN_CALL_EVENT (v17)",
    comment:
      "The v25 layout (unchanged since v14 per Ch7 and the v15 guide) with 1-byte tags/lengths: ConnectionDeviceID, ANI, DNIS, router call key, CallVariable1, a NamedVariable (tag 82 = 0x52, len 1 byte) and one CTI client. CallType CALLTYPE_ACD_IN = 1.",
    message: { namedArrays: [] },
    name: "BEGIN_CALL_EVENT",
    type: 23,
    fixed: [
      ...fixedCall(),
      ["NumCTIClients", "USHORT", 1],
      ["NumNamedVariables", "USHORT", 1],
      ["NumNamedArrays", "USHORT", 0],
      ["CallType", "USHORT", 1, "CALLTYPE_ACD_IN"],
      ["ConnectionDeviceIDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
      ["CalledPartyDisposition", "USHORT", 0],
    ],
    floating: [
      ["ConnectionDeviceID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT],
      ["ANI", 8, "ANI_TAG", "STRING", CUST],
      ["DNIS", 10, "DNIS_TAG", "STRING", DNIS],
      ["RouterCallKeyDay", 72, "ROUTER_CALL_KEY_DAY_TAG", "UINT", 151234],
      ["RouterCallKeyCallID", 73, "ROUTER_CALL_KEY_CALLID_TAG", "UINT", 5678],
      ["RouterCallKeySequenceNumber", 110, "ROUTER_CALL_KEY_SEQUENCE_NUM_TAG", "UINT", 1],
      ["CallVariable1", 13, "CALL_VAR_1_TAG", "STRING", "ACCT12345"],
      [
        "NamedVariable",
        82,
        "NAMED_VARIABLE_TAG",
        "NAMEDVAR",
        { name: "user.cust.id", value: "42" },
        "",
        { key: "namedVariables", single: true },
      ],
      ["CTIClientSignature", 23, "CTI_CLIENT_SIGNATURE_TAG", "STRING", "ctiwire/1.0", "", CTIC],
      ["CTIClientTimestamp", 24, "CTI_CLIENT_TIMESTAMP_TAG", "TIME", T0, "2026-01-01T00:00:00Z", CTIC],
    ],
  }),
  vector({
    id: "hand/v17/END_CALL_EVENT-1",
    version: 17,
    section: "Ch5 Client Events: END_CALL_EVENT (v17)",
    comment: "Same content as hand/v25/END_CALL_EVENT-1; the floating header shrinks from 4 to 2 bytes.",
    name: "END_CALL_EVENT",
    type: 24,
    fixed: [
      ...fixedCall(),
      ["ConnectionDeviceIDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
    ],
    floating: [["ConnectionDeviceID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT]],
  }),
  vector({
    id: "hand/v17/CALL_CLEARED_EVENT-1",
    version: 17,
    section: "Ch5 Client Events: CALL_CLEARED_EVENT (v17)",
    comment: "LocalConnectionState LCS_NULL = 0, EventCause CEC_NONE = 0xffff; layout unchanged since v9.",
    name: "CALL_CLEARED_EVENT",
    type: 13,
    fixed: [
      ...fixedCall(),
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
      ["LocalConnection State", "USHORT", 0, "LCS_NULL"],
      ["EventCause", "USHORT", 0xffff, "CEC_NONE"],
    ],
    floating: [["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT]],
  }),
  vector({
    id: "hand/v17/QUERY_AGENT_STATE_REQ-1",
    version: 17,
    section: "Ch5 Client Control: QUERY_AGENT_STATE_REQ (v17)",
    comment:
      "Same request as hand/v25/QUERY_AGENT_STATE_REQ-1 (MRDID/ICMAgentID present since the v15 guide) with 1-byte tags/lengths; ICMAgentID -1 (unknown, INT) so the agent is found by AgentID/AgentInstrument.",
    name: "QUERY_AGENT_STATE_REQ",
    type: 36,
    fixed: [
      ["InvokeID", "UINT", 10],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["MRDID", "INT", 1],
      ["ICMAgentID", "INT", -1],
    ],
    floating: [
      ["AgentID", 5, "AGENT_ID_TAG", "STRING", AGENT_ID],
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
    ],
  }),
  vector({
    id: "hand/v17/CALL_HELD_EVENT-1",
    version: 17,
    section: "Ch5 Client Events: CALL_HELD_EVENT (v17)",
    comment: "Same content as hand/v25/CALL_HELD_EVENT-1 with 1-byte tags/lengths.",
    name: "CALL_HELD_EVENT",
    type: 11,
    fixed: [
      ...fixedCall(),
      ["ConnectionDevice IDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["ConnectionCallID", "UINT", CALLID],
      ["HoldingDeviceType", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
      ["LocalConnection State", "USHORT", 4, "LCS_HOLD"],
      ["EventCause", "USHORT", 0xffff, "CEC_NONE"],
    ],
    floating: [
      ["ConnectionDevice ID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT],
      ["HoldingDeviceID", 31, "HOLDING_DEVID_TAG", "STRING", EXT],
    ],
  }),
  vector({
    id: "hand/v19/AGENT_STATE_EVENT-1",
    version: 19,
    section: "Ch5 Client Events: AGENT_STATE_EVENT (v19)",
    comment:
      "v19 layout: DepartmentID is in the fixed part (added in v19 per Ch7); floating fields have 1-byte tag + 1-byte length; ActiveTerminal (tag 303) and MaxBeyondTaskLimit (tag 266, v22) cannot exist at v19 and are absent. Agent 5001 AGENT_STATE_NOT_READY = 2 with EventReasonCode 32767 (a not-ready reason code), one floating skill group.",
    name: "AGENT_STATE_EVENT",
    type: 30,
    fixed: [
      ...fixedCall().slice(0, 2),
      ["SessionID", "UINT", 12],
      ["PeripheralType", "USHORT", PT_ENTERPRISE_AGENT, PTNOTE],
      ["SkillGroupState", "USHORT", 2, "AGENT_STATE_NOT_READY"],
      ["StateDuration", "UINT", 0],
      ["SkillGroupNumber", "UINT", 100],
      ["SkillGroupID", "UINT", 5100],
      ["SkillGroupPriority", "USHORT", 0],
      ["AgentState", "USHORT", 2, "AGENT_STATE_NOT_READY"],
      ["EventReasonCode", "USHORT", 32767],
      ["MRDID", "INT", 1],
      ["NumTasks", "UINT", 0],
      ["AgentMode", "USHORT", 1, "ROUTABLE"],
      ["MaxTaskLimit", "UINT", 1],
      ["ICMAgentID", "INT", 5042],
      ["AgentAvailability Status", "UINT", 0, "NOT AVAILABLE"],
      ["NumFltSkillGroups", "USHORT", 1],
      ["DepartmentID", "INT", 0],
    ],
    floating: [
      ["CTIClientSignature", 3, "CLIENT_SIGNATURE_TAG", "STRING", "ctiwire/1.0"],
      ["AgentID", 5, "AGENT_ID_TAG", "STRING", AGENT_ID],
      ["AgentExtension", 4, "AGENT_EXTENSION_TAG", "STRING", EXT],
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
      ["Direction", 244, "DIRECTION_TAG", "UINT", 1, "In"],
      ["FltSkillGroupNumber", 62, "SKILL_GROUP_NUMBER_TAG", "INT", 100, "", FLTSG],
      ["FltSkillGroupID", 63, "SKILL_GROUP_ID_TAG", "UINT", 5100, "", FLTSG],
      ["FltSkillGroup Priority", 64, "SKILL_GROUP_PRIORITY_TAG", "USHORT", 0, "", FLTSG],
      ["FltSkillGroupState", 65, "SKILL_GROUP_STATE_TAG", "USHORT", 2, "AGENT_STATE_NOT_READY", FLTSG],
    ],
  }),
);

// =============================================================================================
// Configuration and network recording
V.push(
  vector({
    id: "hand/v25/CONFIG_AGENT_EVENT-1",
    version: 25,
    section: "Ch5 Configuration Acquisition: CONFIG_AGENT_EVENT",
    comment:
      "One record (NumRecords = 1). RecordType and AgentType name constants (CONFIG_RECORD_ADD..., CONFIG_AGENT/CONFIG_SUPERVISOR) whose numbers the guide does not print; 1 and 0 are used as plain numbers. FltPeripheralID uses PERIPHERAL_ID_TAG (208), LoginID 190, LoginName 207, LastName 138, FirstName 137, Extension 173, Description 134, AgentDeskSettingsID 267, NumSkills 191, SSOEnabled 257, NumMRDs 261. NumSkills = NumMRDs = 0, so no skill/MRD arrays. AgentSkillTargetID is left out: the Tag Values table names two tags for it (141 and 185). ActiveTerminal and OldLoginID are left out.",
    name: "CONFIG_AGENT_EVENT",
    type: 237,
    fixed: [["NumRecords", "USHORT", 1]],
    floating: [
      ["RecordType", 183, "RECORD_TYPE_TAG", "USHORT", 1, "", { key: "records" }],
      ["FltPeripheralID", 208, "PERIPHERAL_ID_TAG", "UINT", PERIPHERAL, "", { key: "records" }],
      ["AgentType", 189, "AGENT_TYPE_TAG", "USHORT", 0, "", { key: "records" }],
      ["AgentDeskSettingsID", 267, "AGENT_DESK_SETTINGS_ID_TAG", "UINT", 5002, "", { key: "records" }],
      ["LoginID", 190, "LOGIN_ID_TAG", "STRING", AGENT_ID, "", { key: "records" }],
      ["LoginName", 207, "LOGIN_NAME_TAG", "STRING", "jdoe", "", { key: "records" }],
      ["LastName", 138, "LAST_NAME_TAG", "STRING", "Doe", "", { key: "records" }],
      ["FirstName", 137, "FIRST_NAME_TAG", "STRING", "Jane", "", { key: "records" }],
      ["Extension", 173, "EXTENSION_TAG", "STRING", EXT, "", { key: "records" }],
      ["Description", 134, "DESCRIPTION_TAG", "STRING", "Tier 1 agent", "", { key: "records" }],
      ["NumSkills", 191, "NUM_SKILLS_TAG", "USHORT", 0, "", { key: "records" }],
      ["SSOEnabled", 257, "SSO_ENABLED_TAG", "USHORT", 0, "SSO disabled", { key: "records" }],
      ["NumMRDs", 261, "NUM_MRDS_TAG", "USHORT", 0, "", { key: "records" }],
    ],
  }),
  vector({
    id: "hand/v25/START_NETWORK_RECORDING_REQ-1",
    version: 25,
    section: "Ch5 Client Control: START_NETWORK_RECORDING_REQ",
    comment:
      "MessageType 267 (Ch3 message-type table; the Ch5 layout says 268 — project decision: Ch3). PlayToneDirection 3 = 'Do not play tone' (PLAY_TONE_DIRECTION_TAG 289). InvocationType (tag 290) is left out: the guide names its values (Silent/User Recording) without numbers; absent means Silent Recording.",
    name: "START_NETWORK_RECORDING_REQ",
    type: 267,
    fixed: [
      ["InvokeID", "UINT", 19],
      ["PeripheralID", "UINT", PERIPHERAL],
      ["ConnectionCallID", "UINT", CALLID],
      ["ConnectionDeviceIDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
    ],
    floating: [
      ["PlayToneDirection", 289, "PLAY_TONE_DIRECTION_TAG", "USHORT", 3, "Do not play tone"],
      ["ConnectionDeviceID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT],
      ["AgentInstrument", 6, "AGENT_INSTRUMENT_TAG", "STRING", EXT],
    ],
  }),
  vector({
    id: "hand/v25/NETWORK_RECORDING_STARTED_EVENT-1",
    version: 25,
    section: "Ch5 Client Events: NETWORK_RECORDING_STARTED_EVENT",
    comment:
      "MessageType 271 (Ch3 table; Ch5 says 272 — project decision: Ch3). RecordingDeviceType DEVID_DEVICE_IDENTIFIER = 0, RecordingDeviceID tag 300 (RECORDING_DEVICE_ID_TAG).",
    name: "NETWORK_RECORDING_STARTED_EVENT",
    type: 271,
    fixed: [
      ...fixedCall().slice(0, 2),
      ["ConnectionCallID", "UINT", CALLID],
      ["ConnectionDeviceIDType", "USHORT", 0, "CONNECTION_ID_STATIC"],
      ["RecordingDeviceType", "USHORT", 0, "DEVID_DEVICE_IDENTIFIER"],
    ],
    floating: [
      ["ConnectionDeviceID", 25, "CONNECTION_DEVID_TAG", "STRING", EXT],
      ["RecordingDeviceID", 300, "RECORDING_DEVICE_ID_TAG", "STRING", EXT],
    ],
  }),
);

const out = join(dirname(fileURLToPath(import.meta.url)), "vectors.json");
writeFileSync(out, `${JSON.stringify(V, null, 2)}\n`);
console.log(`wrote ${V.length} vectors to ${out}`);
