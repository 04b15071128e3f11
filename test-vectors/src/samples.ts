// The sample messages of realistic traffic (an agent's state change, a call's start, a heartbeat)
// and the mix built from them: the seeds the differential fuzzer adds to the vectors, and the
// single frames the benchmarks decode. Messages only; the caller's encoder makes the frames.

/** What the samples need of a codec (the codec itself or the ctiwire facade). */
export interface SampleEncoder {
  // biome-ignore lint/suspicious/noExplicitAny: the codec's message union
  encode(message: any, options: { version: number }): Uint8Array;
}

export const agentState = {
  type: "AGENT_STATE_EVENT",
  monitorID: 0,
  peripheralID: 5000,
  sessionID: 12,
  peripheralType: 17,
  skillGroupState: 3,
  stateDuration: 12,
  skillGroupNumber: 1234,
  skillGroupID: 5001,
  skillGroupPriority: 0,
  agentState: 3,
  eventReasonCode: 0,
  mrdid: 1,
  numTasks: 0,
  agentMode: 0,
  maxTaskLimit: 1,
  icmAgentID: 5123,
  agentAvailabilityStatus: 1,
  departmentID: 0,
  ctiClientSignature: "finesse-a",
  agentID: "1001",
  agentExtension: "4001",
  agentInstrument: "4001",
  fltSkillGroups: [
    { fltSkillGroupNumber: 1234, fltSkillGroupID: 5001, fltSkillGroupPriority: 0, fltSkillGroupState: 3 },
    { fltSkillGroupNumber: 1235, fltSkillGroupID: 5002, fltSkillGroupPriority: 0, fltSkillGroupState: 3 },
  ],
} as const;

export const beginCall = {
  type: "BEGIN_CALL_EVENT",
  monitorID: 0,
  peripheralID: 5000,
  peripheralType: 17,
  callType: 1,
  connectionDeviceIDType: 0,
  connectionCallID: 16777300,
  calledPartyDisposition: 0,
  connectionDeviceID: "16777300",
  ani: "5551234567",
  dnis: "8000",
  dialedNumber: "8000",
  routerCallKeyDay: 150000,
  routerCallKeyCallID: 42,
  routerCallKeySequenceNumber: 0,
  callVariable1: "account=1234567",
  callVariable2: "lang=en",
  namedVariables: [
    { name: "user.ivr.path", value: "main>billing>agent" },
    { name: "user.customer.tier", value: "gold" },
  ],
  namedArrays: [],
  ctiClients: [{ ctiClientSignature: "finesse-a", ctiClientTimestamp: 1700000000 }],
} as const;

export const heartbeat = { type: "HEARTBEAT_CONF", invokeID: 7 } as const;

/** A test CTI server's answer to OPEN_REQ `invokeID`: all-events service granted, peripheral online. */
export function openConf(invokeID: number) {
  return {
    type: "OPEN_CONF",
    invokeID,
    servicesGranted: 16,
    monitorID: 0,
    pgStatus: 0,
    icmCentralControllerTime: 0,
    peripheralOnline: true,
    peripheralType: 17,
    agentState: 0,
    departmentID: 0,
    sessionType: 1,
  } as const;
}

/** The sample messages by name. */
export const SAMPLE_MESSAGES = {
  AGENT_STATE_EVENT: agentState,
  BEGIN_CALL_EVENT: beginCall,
  HEARTBEAT_CONF: heartbeat,
} as const;

/** One sample message as a frame at a version. */
export function sampleFrame(api: SampleEncoder, name: keyof typeof SAMPLE_MESSAGES, version: number): Uint8Array {
  return api.encode(SAMPLE_MESSAGES[name], { version });
}
