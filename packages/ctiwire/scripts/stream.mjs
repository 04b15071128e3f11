// A mixed v25 event stream for benchmarks and the fuzzer: realistic messages encoded with the
// TypeScript encoder (the codec benchmark's agent/call events plus every v25 "full" event vector).
import { vectorCases } from "@ctiwire/test-vectors";

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
};
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
};
export const heartbeat = { type: "HEARTBEAT_CONF", invokeID: 7 };

/** Frames of the mix: [frame, weight]. */
export function sampleFrames(api, version = 25) {
  const out = [
    [api.encode(agentState, { version }), 8],
    [api.encode(beginCall, { version }), 4],
    [api.encode(heartbeat, { version }), 2],
  ];
  for (const v of vectorCases().valid) {
    if (v.version !== version || v.options || !v.id.endsWith("/full") || !/_EVENT$/.test(v.message.type)) continue;
    out.push([api.encode(api.messageFromJSON(v.message, { version }), { version }), 1]);
  }
  return out;
}

/** A stream of about `target` bytes of the weighted mix (deterministic). */
export function mixedStream(api, target = 16 * 1024 * 1024, version = 25) {
  const samples = sampleFrames(api, version);
  const deck = [];
  for (const [f, w] of samples) for (let k = 0; k < w; k++) deck.push(f);
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 8) / 16777216;
  };
  const parts = [];
  let size = 0;
  while (size < target) {
    const f = deck[Math.floor(rnd() * deck.length)];
    parts.push(f);
    size += f.length;
  }
  const stream = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    stream.set(p, o);
    o += p.length;
  }
  return { stream, frames: parts.length, kinds: samples.length };
}
