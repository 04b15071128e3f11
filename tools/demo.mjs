#!/usr/bin/env node
// The README's main job until the session client and simulator land: a short, scripted CTI
// session (open, agent login, one inbound call with call and ECC variables, wrap-up, close) is
// encoded at protocol v17 (1-byte floating-field headers) and v25 (USHORT headers), cut into
// random socket-sized chunks, and decoded back through the streaming deframer. Every event is
// printed as a readable line, and one frame is dumped field by field with its byte offsets.
import { encode, FrameDecoder } from "@ctiwire/codec";
import { AgentState, CallType, messageSpec, PeripheralType, SystemEventID } from "@ctiwire/protocol";

const PERIPHERAL = 5000;
const AGENT = { agentID: "1001", agentExtension: "4001", agentInstrument: "4001" };
const CALL_ID = 16777301;
const now = 1_790_000_000;

/** The conversation, as message objects (the same objects the decoder returns). */
function conversation() {
  const agentState = (agentState, stateDuration) => ({
    type: "AGENT_STATE_EVENT",
    monitorID: 0,
    peripheralID: PERIPHERAL,
    sessionID: 0,
    peripheralType: PeripheralType.PT_ENTERPRISE_AGENT,
    skillGroupState: agentState,
    stateDuration,
    skillGroupNumber: 100,
    skillGroupID: 5001,
    skillGroupPriority: 0,
    agentState,
    eventReasonCode: 0,
    mrdid: 1,
    numTasks: agentState === AgentState.AGENT_STATE_TALKING ? 1 : 0,
    agentMode: 0,
    maxTaskLimit: 1,
    icmAgentID: 5101,
    agentAvailabilityStatus: agentState === AgentState.AGENT_STATE_AVAILABLE ? 1 : 0,
    numFltSkillGroups: 0,
    departmentID: 0, // from v19 on (forVersion)
    ...AGENT,
  });
  const callEvent = (type, extra) => ({
    type,
    monitorID: 0,
    peripheralID: PERIPHERAL,
    peripheralType: PeripheralType.PT_ENTERPRISE_AGENT,
    connectionDeviceIDType: 0,
    connectionCallID: CALL_ID,
    connectionDeviceID: AGENT.agentInstrument,
    ...extra,
  });
  return [
    {
      type: "OPEN_REQ",
      invokeID: 1,
      versionNumber: 0, // set per protocol version below
      idleTimeout: 90,
      peripheralID: PERIPHERAL,
      servicesRequested: 0x10, // CTI_SERVICE_CLIENT_EVENTS
      callMsgMask: 0xffffffff,
      agentStateMask: 0x3fff,
      configMsgMask: 0,
      reserved1: 0,
      reserved2: 0,
      reserved3: 0,
      clientID: "ctiwire-demo",
      clientPassword: new Uint8Array(0),
      ...AGENT,
    },
    {
      type: "SYSTEM_EVENT",
      pgStatus: 0,
      icmCentralControllerTime: now,
      systemEventID: SystemEventID.SYS_PERIPHERAL_ONLINE,
      systemEventArg1: PERIPHERAL,
      systemEventArg2: 0,
      systemEventArg3: 0,
      eventDeviceType: 0,
    },
    agentState(AgentState.AGENT_STATE_LOGIN, 0),
    agentState(AgentState.AGENT_STATE_AVAILABLE, 3),
    callEvent("BEGIN_CALL_EVENT", {
      numCTIClients: 0,
      numNamedVariables: 2,
      numNamedArrays: 0,
      callType: CallType.CALLTYPE_PREROUTE_ACD_IN,
      calledPartyDisposition: 0,
      ani: "+14085550123",
      dnis: "8005550100",
      dialedNumber: "8005550100",
      callerEnteredDigits: "42",
      routerCallKeyDay: 150012,
      routerCallKeyCallID: 7781,
      routerCallKeySequenceNumber: 1,
      callVariable1: "ACCT-99817",
      callVariable2: "gold",
      namedVariables: [
        { name: "user.customer.tier", value: "platinum" },
        { name: "user.ivr.intent", value: "billing" },
      ],
    }),
    agentState(AgentState.AGENT_STATE_TALKING, 9),
    callEvent("CALL_CLEARED_EVENT", { localConnectionState: 0, eventCause: 0 }),
    callEvent("END_CALL_EVENT", {}),
    agentState(AgentState.AGENT_STATE_WORK_READY, 0),
    { type: "HEARTBEAT_REQ", invokeID: 2 },
    { type: "CLOSE_REQ", invokeID: 3, status: 0 },
  ];
}

/** A readable line per event. */
function describe(m) {
  switch (m.type) {
    case "AGENT_STATE_EVENT":
      return `agent ${m.agentID ?? "?"} ext ${m.agentExtension ?? "?"} is ${AgentState[m.agentState] ?? m.agentState}`;
    case "BEGIN_CALL_EVENT": {
      const ecc = (m.namedVariables ?? []).map((v) => `${v.name}=${v.value}`).join(" ");
      return `call ${m.connectionCallID} from ${m.ani} to ${m.dnis} (${CallType[m.callType]}) vars [${m.callVariable1}, ${m.callVariable2}] ECC {${ecc}}`;
    }
    case "SYSTEM_EVENT":
      return `${SystemEventID[m.systemEventID]} peripheral ${m.systemEventArg1}`;
    case "OPEN_REQ":
      return `client ${m.clientID} opens a session, protocol v${m.versionNumber}, agent ${m.agentID}`;
    default:
      return m.connectionCallID !== undefined ? `call ${m.connectionCallID}` : `invoke ${m.invokeID ?? "-"}`;
  }
}

function hexdump(frame, version) {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const spec = messageSpec(view.getUint32(4), version);
  const lines = [];
  const hex = (a, b) => [...frame.subarray(a, b)].map((x) => x.toString(16).padStart(2, "0")).join(" ");
  for (const f of spec.fixed)
    lines.push(
      `  ${String(f.offset).padStart(4)}  ${hex(f.offset, f.offset + f.size).padEnd(36)} ${f.name} (${f.type})`,
    );
  const head = version <= 19 ? 2 : 4;
  for (let p = spec.fixedSize; p < frame.length; ) {
    const tag = head === 2 ? frame[p] : view.getUint16(p);
    const len = head === 2 ? frame[p + 1] : view.getUint16(p + 2);
    const field = spec.floating.find((f) => f.tag === tag);
    lines.push(
      `  ${String(p).padStart(4)}  ${hex(p, Math.min(p + head + len, p + 12)).padEnd(36)} ${field?.name ?? "?"} (tag ${tag}, ${len} bytes)`,
    );
    p += head + len;
  }
  return lines.join("\n");
}

/** The encoder refuses fields the target version lacks: DepartmentID came with v19 (Ch 7). */
function forVersion(m, version) {
  const out = { ...m };
  if (m.type === "OPEN_REQ") out.versionNumber = version;
  if (version < 19) delete out.departmentID;
  return out;
}

let seed = 7;
function random() {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
}

for (const version of [17, 25]) {
  const frames = conversation().map((m) => encode(forVersion(m, version), { version }));
  const stream = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of frames) {
    stream.set(f, at);
    at += f.length;
  }
  console.log(
    `\n== protocol v${version}: ${frames.length} frames, ${stream.length} bytes, read in random 1-64 byte chunks`,
  );
  const decoder = new FrameDecoder({ version });
  let chunks = 0;
  for (let read = 0; read < stream.length; chunks++) {
    const n = 1 + Math.floor(random() * 64);
    for (const m of decoder.push(stream.subarray(read, read + n))) console.log(`  ${m.type.padEnd(22)} ${describe(m)}`);
    read += n;
  }
  console.log(`  (${chunks} chunks)`);
  if (version === 17)
    console.log(`\nThe AGENT_STATE_EVENT frame at v17, field by field:\n${hexdump(frames[3], version)}`);
}
