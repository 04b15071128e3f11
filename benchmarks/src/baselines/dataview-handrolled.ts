// Baseline: the decoder a team writes by hand when no library exists. A DataView over the buffer,
// one function per message type reading the fixed part field by field, and one switch over the
// tags for the floating part. Strings through a shared TextDecoder up to the NUL, named variables
// split at their NULs, skill groups and CTI clients gathered into arrays. It handles the messages
// of the benchmark corpus at protocol versions 17 and 25 (the v20+ floating header and the v25
// AGENT_STATE_EVENT DepartmentID included), and validates nothing beyond what DataView's own
// bounds checks throw: the usual hand-rolled integration.
const td = new TextDecoder();

/** A message as this baseline builds it: the fixed fields, then what the floating part adds. */
export interface HandMessage {
  type: string;
  [field: string]: unknown;
  ctiClients?: { ctiClientSignature: string; ctiClientTimestamp?: number }[];
  namedVariables?: { name: string; value: string }[];
  namedArrays?: { index: number; name: string; value: string }[];
  fltSkillGroups?: {
    fltSkillGroupNumber: number;
    fltSkillGroupID?: number;
    fltSkillGroupPriority?: number;
    fltSkillGroupState?: number;
  }[];
  unknown?: { tag: number; data: Uint8Array }[];
}

function str(b: Uint8Array, off: number, len: number): string {
  let e = off;
  const stop = off + len;
  while (e < stop && b[e] !== 0) e++;
  return td.decode(b.subarray(off, e));
}

function agentState(dv: DataView, o: number, version: number): HandMessage {
  const m: HandMessage = {
    type: "AGENT_STATE_EVENT",
    monitorID: dv.getUint32(o),
    peripheralID: dv.getUint32(o + 4),
    sessionID: dv.getUint32(o + 8),
    peripheralType: dv.getUint16(o + 12),
    skillGroupState: dv.getUint16(o + 14),
    stateDuration: dv.getUint32(o + 16),
    skillGroupNumber: dv.getUint32(o + 20),
    skillGroupID: dv.getUint32(o + 24),
    skillGroupPriority: dv.getUint16(o + 28),
    agentState: dv.getUint16(o + 30),
    eventReasonCode: dv.getUint16(o + 32),
    mrdid: dv.getInt32(o + 34),
    numTasks: dv.getUint32(o + 38),
    agentMode: dv.getUint16(o + 42),
    maxTaskLimit: dv.getUint32(o + 44),
    icmAgentID: dv.getInt32(o + 48),
    agentAvailabilityStatus: dv.getUint32(o + 52),
    numFltSkillGroups: dv.getUint16(o + 56),
    fltSkillGroups: [],
  };
  if (version >= 25) m.departmentID = dv.getInt32(o + 58);
  return m;
}

function beginCall(dv: DataView, o: number, type: string): HandMessage {
  return {
    type,
    monitorID: dv.getUint32(o),
    peripheralID: dv.getUint32(o + 4),
    peripheralType: dv.getUint16(o + 8),
    numCTIClients: dv.getUint16(o + 10),
    numNamedVariables: dv.getUint16(o + 12),
    numNamedArrays: dv.getUint16(o + 14),
    callType: dv.getUint16(o + 16),
    connectionDeviceIDType: dv.getUint16(o + 18),
    connectionCallID: dv.getUint32(o + 20),
    calledPartyDisposition: dv.getUint16(o + 24),
    ctiClients: [],
    namedVariables: [],
    namedArrays: [],
  };
}

function callDataUpdate(dv: DataView, o: number): HandMessage {
  return {
    type: "CALL_DATA_UPDATE_EVENT",
    monitorID: dv.getUint32(o),
    peripheralID: dv.getUint32(o + 4),
    peripheralType: dv.getUint16(o + 8),
    numCTIClients: dv.getUint16(o + 10),
    numNamedVariables: dv.getUint16(o + 12),
    numNamedArrays: dv.getUint16(o + 14),
    callType: dv.getUint16(o + 16),
    connectionDeviceIDType: dv.getUint16(o + 18),
    connectionCallID: dv.getUint32(o + 20),
    newConnectionDeviceIDType: dv.getUint16(o + 24),
    newConnectionCallID: dv.getUint32(o + 26),
    calledPartyDisposition: dv.getUint16(o + 30),
    campaignID: dv.getUint32(o + 32),
    queryRuleID: dv.getUint32(o + 36),
    ctiClients: [],
    namedVariables: [],
    namedArrays: [],
  };
}

function callDelivered(dv: DataView, o: number): HandMessage {
  return {
    type: "CALL_DELIVERED_EVENT",
    monitorID: dv.getUint32(o),
    peripheralID: dv.getUint32(o + 4),
    peripheralType: dv.getUint16(o + 8),
    connectionDeviceIDType: dv.getUint16(o + 10),
    connectionCallID: dv.getUint32(o + 12),
    lineHandle: dv.getUint16(o + 16),
    lineType: dv.getUint16(o + 18),
    serviceNumber: dv.getUint32(o + 20),
    serviceID: dv.getUint32(o + 24),
    skillGroupNumber: dv.getUint32(o + 28),
    skillGroupID: dv.getUint32(o + 32),
    skillGroupPriority: dv.getUint16(o + 36),
    alertingDeviceType: dv.getUint16(o + 38),
    callingDeviceType: dv.getUint16(o + 40),
    calledDeviceType: dv.getUint16(o + 42),
    lastRedirectDeviceType: dv.getUint16(o + 44),
    localConnectionState: dv.getUint16(o + 46),
    eventCause: dv.getUint16(o + 48),
    numNamedVariables: dv.getUint16(o + 50),
    numNamedArrays: dv.getUint16(o + 52),
    namedVariables: [],
    namedArrays: [],
  };
}

function callEstablished(dv: DataView, o: number): HandMessage {
  return {
    type: "CALL_ESTABLISHED_EVENT",
    monitorID: dv.getUint32(o),
    peripheralID: dv.getUint32(o + 4),
    peripheralType: dv.getUint16(o + 8),
    connectionDeviceIDType: dv.getUint16(o + 10),
    connectionCallID: dv.getUint32(o + 12),
    lineHandle: dv.getUint16(o + 16),
    lineType: dv.getUint16(o + 18),
    serviceNumber: dv.getUint32(o + 20),
    serviceID: dv.getUint32(o + 24),
    skillGroupNumber: dv.getUint32(o + 28),
    skillGroupID: dv.getUint32(o + 32),
    skillGroupPriority: dv.getUint16(o + 36),
    answeringDeviceType: dv.getUint16(o + 38),
    callingDeviceType: dv.getUint16(o + 40),
    calledDeviceType: dv.getUint16(o + 42),
    lastRedirectDeviceType: dv.getUint16(o + 44),
    localConnectionState: dv.getUint16(o + 46),
    eventCause: dv.getUint16(o + 48),
  };
}

function callCleared(dv: DataView, o: number): HandMessage {
  return {
    type: "CALL_CLEARED_EVENT",
    monitorID: dv.getUint32(o),
    peripheralID: dv.getUint32(o + 4),
    peripheralType: dv.getUint16(o + 8),
    connectionDeviceIDType: dv.getUint16(o + 10),
    connectionCallID: dv.getUint32(o + 12),
    localConnectionState: dv.getUint16(o + 16),
    eventCause: dv.getUint16(o + 18),
  };
}

function connectionCleared(dv: DataView, o: number): HandMessage {
  return {
    type: "CALL_CONNECTION_CLEARED_EVENT",
    monitorID: dv.getUint32(o),
    peripheralID: dv.getUint32(o + 4),
    peripheralType: dv.getUint16(o + 8),
    connectionDeviceIDType: dv.getUint16(o + 10),
    connectionCallID: dv.getUint32(o + 12),
    releasingDeviceType: dv.getUint16(o + 16),
    localConnectionState: dv.getUint16(o + 18),
    eventCause: dv.getUint16(o + 20),
  };
}

function endCall(dv: DataView, o: number): HandMessage {
  return {
    type: "END_CALL_EVENT",
    monitorID: dv.getUint32(o),
    peripheralID: dv.getUint32(o + 4),
    peripheralType: dv.getUint16(o + 8),
    connectionDeviceIDType: dv.getUint16(o + 10),
    connectionCallID: dv.getUint32(o + 12),
  };
}

function systemEvent(dv: DataView, o: number): HandMessage {
  return {
    type: "SYSTEM_EVENT",
    pgStatus: dv.getUint32(o),
    icmCentralControllerTime: dv.getUint32(o + 4),
    systemEventID: dv.getUint32(o + 8),
    systemEventArg1: dv.getUint32(o + 12),
    systemEventArg2: dv.getUint32(o + 16),
    systemEventArg3: dv.getUint32(o + 20),
    eventDeviceType: dv.getUint16(o + 24),
  };
}

/** Fixed-part size (header included) by message type. */
const FIXED_SIZE: Readonly<Record<number, number>> = {
  30: 66,
  23: 34,
  25: 48,
  9: 62,
  10: 58,
  13: 28,
  14: 30,
  24: 24,
  31: 34,
  5: 12,
  6: 12,
};

/** Decodes the frame at `off` of `b` (dv: a DataView over the same bytes). */
export function decodeFrame(dv: DataView, b: Uint8Array, off: number, version: number): HandMessage {
  const length = dv.getUint32(off);
  const type = dv.getUint32(off + 4);
  const o = off + 8;
  let m: HandMessage;
  switch (type) {
    case 30:
      m = agentState(dv, o, version);
      break;
    case 23:
      m = beginCall(dv, o, "BEGIN_CALL_EVENT");
      break;
    case 25:
      m = callDataUpdate(dv, o);
      break;
    case 9:
      m = callDelivered(dv, o);
      break;
    case 10:
      m = callEstablished(dv, o);
      break;
    case 13:
      m = callCleared(dv, o);
      break;
    case 14:
      m = connectionCleared(dv, o);
      break;
    case 24:
      m = endCall(dv, o);
      break;
    case 31:
      m = systemEvent(dv, o);
      break;
    case 5:
      return { type: "HEARTBEAT_REQ", invokeID: dv.getUint32(o) };
    case 6:
      return { type: "HEARTBEAT_CONF", invokeID: dv.getUint32(o) };
    default:
      return { type: "UNKNOWN", messageType: type, body: b.slice(o, o + length) };
  }
  let fixed = FIXED_SIZE[type];
  if (type === 30 && version >= 25) fixed += 4;
  floating(dv, b, off + fixed, off + 8 + length, m, version >= 20);
  return m;
}

// The lists (ctiClients, fltSkillGroups, ...) are made by the fixed-part readers of the messages whose
// tags add to them; like any hand-rolled decoder that trusts the layout, a stray tag throws.
function floating(dv: DataView, b: Uint8Array, p: number, end: number, m: HandMessage, wide: boolean): void {
  while (p < end) {
    let tag: number;
    let len: number;
    if (wide) {
      tag = dv.getUint16(p);
      len = dv.getUint16(p + 2);
      p += 4;
    } else {
      tag = b[p];
      len = b[p + 1];
      p += 2;
    }
    switch (tag) {
      case 3:
        m.ctiClientSignature = str(b, p, len);
        break;
      case 4:
        m.agentExtension = str(b, p, len);
        break;
      case 5:
        m.agentID = str(b, p, len);
        break;
      case 6:
        m.agentInstrument = str(b, p, len);
        break;
      case 7:
        m.text = str(b, p, len);
        break;
      case 8:
        m.ani = str(b, p, len);
        break;
      case 9:
        m.userToUserInfo = b.slice(p, p + len);
        break;
      case 10:
        m.dnis = str(b, p, len);
        break;
      case 11:
        m.dialedNumber = str(b, p, len);
        break;
      case 12:
        m.callerEnteredDigits = str(b, p, len);
        break;
      case 13:
      case 14:
      case 15:
      case 16:
      case 17:
      case 18:
      case 19:
      case 20:
      case 21:
      case 22:
        m[`callVariable${tag - 12}`] = str(b, p, len);
        break;
      case 23:
        m.ctiClients!.push({ ctiClientSignature: str(b, p, len) });
        break;
      case 24:
        m.ctiClients![m.ctiClients!.length - 1].ctiClientTimestamp = dv.getUint32(p);
        break;
      case 25:
        m.connectionDeviceID = str(b, p, len);
        break;
      case 26:
        m.alertingDeviceID = str(b, p, len);
        break;
      case 27:
        m.callingDeviceID = str(b, p, len);
        break;
      case 28:
        m.calledDeviceID = str(b, p, len);
        break;
      case 29:
        m.lastRedirectDeviceID = str(b, p, len);
        break;
      case 30:
        m.answeringDeviceID = str(b, p, len);
        break;
      case 33:
        m.releasingDeviceID = str(b, p, len);
        break;
      case 46:
        m.callWrapupData = str(b, p, len);
        break;
      case 47:
        m.newConnectionDeviceID = str(b, p, len);
        break;
      case 62:
        m.fltSkillGroups!.push({ fltSkillGroupNumber: dv.getInt32(p) });
        break;
      case 63:
        m.fltSkillGroups![m.fltSkillGroups!.length - 1].fltSkillGroupID = dv.getUint32(p);
        break;
      case 64:
        m.fltSkillGroups![m.fltSkillGroups!.length - 1].fltSkillGroupPriority = dv.getUint16(p);
        break;
      case 65:
        m.fltSkillGroups![m.fltSkillGroups!.length - 1].fltSkillGroupState = dv.getUint16(p);
        break;
      case 72:
        m.routerCallKeyDay = dv.getUint32(p);
        break;
      case 73:
        m.routerCallKeyCallID = dv.getUint32(p);
        break;
      case 82: {
        const name = str(b, p, len);
        const v = p + name.length + 1;
        m.namedVariables!.push({ name, value: str(b, v, p + len - v) });
        break;
      }
      case 83: {
        const name = str(b, p + 1, len - 1);
        const v = p + 1 + name.length + 1;
        m.namedArrays!.push({ index: b[p], name, value: str(b, v, p + len - v) });
        break;
      }
      case 95:
        m.customerPhoneNumber = str(b, p, len);
        break;
      case 96:
        m.customerAccountNumber = str(b, p, len);
        break;
      case 110:
        m.routerCallKeySequenceNumber = dv.getUint32(p);
        break;
      case 121:
        m.trunkNumber = dv.getUint32(p);
        break;
      case 122:
        m.trunkGroupNumber = dv.getUint32(p);
        break;
      case 123:
        m.nextAgentState = dv.getUint16(p);
        break;
      case 150:
        m.duration = dv.getUint32(p);
        break;
      case 202:
        m.secondaryConnectionCallID = dv.getUint32(p);
        break;
      case 206:
        m.eventDeviceID = str(b, p, len);
        break;
      case 215:
        m.aniII = str(b, p, len);
        break;
      case 223:
        m.callReferenceID = b.slice(p, p + len);
        break;
      case 244:
        m.direction = dv.getUint32(p);
        break;
      case 266:
        m.maxBeyondTaskLimit = dv.getUint32(p);
        break;
      case 303:
        m.activeTerminal = str(b, p, len);
        break;
      default:
        if (m.unknown === undefined) m.unknown = [];
        m.unknown.push({ tag, data: b.slice(p, p + len) });
    }
    p += len;
  }
}

/**
 * Decodes every complete frame of b[0, len), calling onMessage for each; returns the offset of the
 * first incomplete frame (what a hand-rolled socket handler keeps for the next chunk).
 */
export function decodeBuffer(b: Uint8Array, len: number, version: number, onMessage: (m: HandMessage) => void): number {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let pos = 0;
  while (len - pos >= 8) {
    const size = 8 + dv.getUint32(pos);
    if (pos + size > len) break;
    onMessage(decodeFrame(dv, b, pos, version));
    pos += size;
  }
  return pos;
}

/**
 * The socket handler of a hand-rolled integration: keep the unconsumed tail, concatenate it with
 * the next chunk (a copy), decode what is complete.
 */
export class HandrolledStream {
  readonly version: number;
  tail: Uint8Array | null;
  constructor(version: number) {
    this.version = version;
    this.tail = null;
  }
  write(chunk: Uint8Array, onMessage: (m: HandMessage) => void): void {
    let b = chunk;
    if (this.tail !== null) {
      b = new Uint8Array(this.tail.length + chunk.length);
      b.set(this.tail);
      b.set(chunk, this.tail.length);
    }
    const used = decodeBuffer(b, b.length, this.version, onMessage);
    this.tail = used < b.length ? b.slice(used) : null;
  }
}
