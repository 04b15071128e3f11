#!/usr/bin/env node
// Rough throughput of the built codec (dist): a realistic v25 event stream through FrameDecoder,
// decode() of single frames, and encode(). Run after `npm run build`: node bench/throughput.mjs
// BENCH_TIME (ms per measurement, default 1500) shortens or lengthens it.
import { decode, encode, FrameDecoder } from "../dist/index.js";

const TIME = Number(process.env.BENCH_TIME ?? 1500);
const version = 25;

const agentState = {
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
const beginCall = {
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
const heartbeat = { type: "HEARTBEAT_CONF", invokeID: 7 };

const samples = [agentState, beginCall, heartbeat].map((m) => encode(m, { version }));
console.log(`frame sizes: ${samples.map((s) => s.length).join(", ")} bytes`);

// A 16 MiB stream, mostly agent-state and call events.
const target = 16 * 1024 * 1024;
const parts = [];
let size = 0;
let frames = 0;
for (let i = 0; size < target; i++) {
  const f = samples[i % 5 === 4 ? 2 : i % 2];
  parts.push(f);
  size += f.length;
  frames++;
}
const stream = new Uint8Array(size);
{
  let o = 0;
  for (const p of parts) {
    stream.set(p, o);
    o += p.length;
  }
}

function measure(name, bytesPerRun, framesPerRun, fn) {
  for (let i = 0; i < 3; i++) fn(); // warm up
  let runs = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < TIME) {
    fn();
    runs++;
    t = performance.now();
  }
  const s = (t - t0) / 1000;
  const mbs = (bytesPerRun * runs) / s / 1e6;
  const mps = (framesPerRun * runs) / s / 1e6;
  console.log(`${name.padEnd(44)} ${mbs.toFixed(0).padStart(6)} MB/s ${mps.toFixed(2).padStart(7)} M msg/s`);
  return { name, mbs, mps };
}

const chunk = 64 * 1024;
measure("FrameDecoder.write, 64 KiB chunks", size, frames, () => {
  const d = new FrameDecoder({ version });
  let n = 0;
  for (let o = 0; o < size; o += chunk) d.write(stream.subarray(o, o + chunk), () => n++);
  if (n !== frames) throw new Error(`got ${n} of ${frames}`);
});
measure("FrameDecoder.push, 1500-byte chunks", size, frames, () => {
  const d = new FrameDecoder({ version });
  let n = 0;
  for (let o = 0; o < size; o += 1500) n += d.push(stream.subarray(o, o + 1500)).length;
  if (n !== frames) throw new Error(`got ${n} of ${frames}`);
});
for (const [name, s] of [
  ["AGENT_STATE_EVENT", samples[0]],
  ["BEGIN_CALL_EVENT", samples[1]],
]) {
  const n = 20000;
  measure(`decode() ${name}`, s.length * n, n, () => {
    for (let i = 0; i < n; i++) decode(s, { version });
  });
  const m = decode(s, { version });
  measure(`encode() ${name}`, s.length * n, n, () => {
    for (let i = 0; i < n; i++) encode(m, { version });
  });
}
