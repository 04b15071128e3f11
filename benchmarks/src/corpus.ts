// Seeded generator of realistic CTI Server traffic (what an ALL_EVENTS bridge of a large contact
// center receives), encoded with the codec's own encoder. Runtime-neutral (Node, Deno, browsers):
// it returns bytes; src/corpus-files.ts writes them under benchmarks/corpus/.
//
// The stream interleaves ~64 calls in flight. Each call is a CTI call lifecycle as an ALL_EVENTS
// client sees it: BEGIN_CALL (call variables and ECC named variables from the IVR),
// CALL_DATA_UPDATE (IVR and agent desktop updates), CALL_DELIVERED to the agent, CALL_ESTABLISHED,
// CALL_CONNECTION_CLEARED, CALL_CLEARED, END_CALL; the agent's state changes (reserved, talking,
// wrap-up, available) come as one AGENT_STATE_EVENT per skill group the agent belongs to (1-4),
// with the agent's floating skill-group list. Between calls: agents going not ready and back,
// heartbeats, and system events.
import { type EncodableMessage, encode, fieldPropertyName, groupPropertyName } from "@ctiwire/codec";
import { AgentState, messageSpec } from "@ctiwire/protocol";
import { rng } from "@ctiwire/test-vectors";
import { concatBytes } from "@ctiwire/test-vectors/bytes";
import type { Mode } from "./types.js";

/** A field value as the generator gives it (by the guide's field name). */
type Value = string | number | boolean | { name: string; value: string };
/** Values by guide field name. */
type Values = Record<string, Value>;
/** A message object being built: property name -> value or list. */
type Built = Record<string, unknown> & { type: string };

/** One corpus of the plan. */
export interface CorpusEntry {
  name: string;
  kind: "mixed" | "smallest" | "largest";
  version: number;
  bytes: number;
}

/** The frames of a corpus and how many of each message type (or kind) it holds. */
interface Frames {
  frames: Uint8Array[];
  bytes: number;
  counts: Record<string, number>;
}

/** A seeded random source with the generator's helpers. */
export interface Prng {
  next: () => number;
  int: (lo: number, hi: number) => number;
  pick: <T>(arr: readonly T[]) => T;
  digits: (n: number) => string;
}

/** Bump when the generator's output changes (corpus files are keyed by it). */
export const GENERATOR_VERSION = 1;

/** mulberry32 (the shared test helpers' rng), with the generator's helpers. */
export function prng(seed: number): Prng {
  const next = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(arr: readonly T[]): T => arr[Math.floor(next() * arr.length)];
  const digits = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(next() * 10));
    return s;
  };
  return { next, int, pick, digits };
}

/**
 * A message object from values given by the guide's field names. Only the fields the layout has
 * at `version` are taken (v17 and v25 layouts differ); count fields are left out (encode computes
 * them from the lists). `lists` maps a count field's name to items keyed by member guide names.
 */
export function buildMessage(
  name: string,
  version: number,
  values: Values,
  lists: Record<string, readonly Values[]> = {},
): EncodableMessage {
  const spec = messageSpec(name, version);
  if (spec === undefined) throw new Error(`no ${name} at v${version}`);
  const counts = new Set(spec.floating.map((f) => f.countField).filter((c) => c !== undefined));
  const m: Built = { type: name };
  for (const f of spec.fixed) {
    if (f.name === "MessageHeader" || counts.has(f.name)) continue;
    const v = values[f.name];
    m[fieldPropertyName(f.name)] = v ?? (f.type === "STRING" ? "" : f.type === "BOOL" ? false : 0);
  }
  for (const f of spec.floating) {
    if (f.countField !== undefined) continue;
    const v = values[f.name];
    if (v !== undefined) m[fieldPropertyName(f.name)] = v;
  }
  for (const countField of counts) {
    const members = spec.floating.filter((f) => f.countField === countField);
    const items = lists[countField] ?? [];
    const prop = groupPropertyName(countField);
    if (members.length === 1) {
      m[prop] = items.map((it) => it[members[0].name]);
    } else {
      m[prop] = items.map((it) => {
        const o: Record<string, Value> = {};
        for (const f of members) if (it[f.name] !== undefined) o[fieldPropertyName(f.name)] = it[f.name];
        return o;
      });
    }
  }
  return m;
}

const CALL_VARIABLE_VALUES: readonly (() => string)[] = [
  () => "acct=",
  () => "lang=en-US",
  () => "reason=",
  () => "ivr=main>billing>agent",
  () => "tier=",
  () => "case=CS",
  () => "auth=pin-ok;score=",
  () => "queue=billing_en",
  () => "cb=0;attempt=",
  () => "crm=https://crm.example.com/c/",
];
const REASONS = ["billing", "tech-support", "new-order", "cancel", "address-change", "roaming", "outage"];
const TIERS = ["bronze", "silver", "gold", "platinum"];
const ECC_NAMES = [
  "user.ivr.path",
  "user.customer.tier",
  "user.customer.id",
  "user.ivr.intent",
  "user.ivr.confidence",
  "user.cvp.session",
  "user.microapp.ToExtVXML",
  "user.courtesy.cb",
  "user.survey.optin",
  "user.crm.caseurl",
];

function callVariables(r: Prng, n: number): Values {
  const out: Values = {};
  for (let i = 1; i <= n; i++) {
    let s = CALL_VARIABLE_VALUES[i - 1]();
    if (i === 1) s += r.digits(8);
    else if (i === 3) s += r.pick(REASONS);
    else if (i === 5) s += r.pick(TIERS);
    else if (i === 6) s += r.digits(8);
    else if (i === 7) s += r.int(0, 100);
    else if (i === 9) s += r.int(1, 3);
    else if (i === 10) s += r.digits(10);
    out[`CallVariable${i}`] = s.slice(0, 40);
  }
  return out;
}

function namedVariables(r: Prng, n: number): Values[] {
  const out: Values[] = [];
  for (let i = 0; i < n; i++) {
    const name = ECC_NAMES[i % ECC_NAMES.length];
    let value: string;
    if (name.endsWith("path")) value = `main>${r.pick(REASONS)}>agent`;
    else if (name.endsWith("tier")) value = r.pick(TIERS);
    else if (name.endsWith("session")) value = `${r.digits(8)}-${r.digits(4)}-${r.digits(12)}`;
    else if (name.endsWith("caseurl")) value = `https://crm.example.com/case/${r.digits(10)}`;
    else value = `${r.pick(REASONS)}:${r.digits(r.int(2, 12))}`;
    out.push({ NamedVariable: { name, value } });
  }
  return out;
}

const PERIPHERAL = { MonitorID: 0, PeripheralID: 5000, PeripheralType: 17 };

/** The frames of a mixed stream of about `bytes` bytes at `version`. */
export function mixedCorpus(version: number, bytes: number, seed = 0x5eed0000 + version): Frames {
  const r = prng(seed);
  /** An agent of the contact center: its skill groups and its current state. */
  interface Agent {
    id: string;
    ext: string;
    icm: number;
    sgs: { number: number; id: number; priority: number }[];
    state: number;
  }
  const agents: Agent[] = [];
  for (let i = 0; i < 2000; i++) {
    const nSg = r.int(1, 4);
    const sgs: Agent["sgs"] = [];
    for (let k = 0; k < nSg; k++) {
      const sg = r.int(0, 59);
      sgs.push({ number: 1000 + sg, id: 5000 + sg, priority: r.int(0, 1) });
    }
    agents.push({ id: `${10000 + i}`, ext: `4${String(i).padStart(4, "0")}`, icm: 5000 + i, sgs, state: 3 });
  }
  const out: Frames = { frames: [], bytes: 0, counts: {} };
  const emit = (name: string, values: Values, lists?: Record<string, readonly Values[]>) => {
    const f = encode(buildMessage(name, version, values, lists), { version });
    out.frames.push(f);
    out.bytes += f.length;
    out.counts[name] = (out.counts[name] ?? 0) + 1;
  };
  const agentState = (a: Agent, state: number, duration: number, call: boolean) => {
    const flt = a.sgs.map((s) => ({
      FltSkillGroupNumber: s.number,
      FltSkillGroupID: s.id,
      FltSkillGroupPriority: s.priority,
      FltSkillGroupState: state,
    }));
    for (const s of a.sgs) {
      emit(
        "AGENT_STATE_EVENT",
        {
          ...PERIPHERAL,
          SessionID: 12,
          SkillGroupState: state,
          StateDuration: duration,
          SkillGroupNumber: s.number,
          SkillGroupID: s.id,
          SkillGroupPriority: s.priority,
          AgentState: state,
          EventReasonCode: state === AgentState.AGENT_STATE_NOT_READY ? r.int(1, 40) : 0,
          MRDID: 1,
          NumTasks: call ? 1 : 0,
          AgentMode: 0,
          MaxTaskLimit: 1,
          ICMAgentID: a.icm,
          AgentAvailabilityStatus: state === AgentState.AGENT_STATE_AVAILABLE ? 1 : 0,
          DepartmentID: -1,
          CTIClientSignature: "finesse-a",
          AgentID: a.id,
          AgentExtension: a.ext,
          ActiveTerminal: a.ext,
          AgentInstrument: a.ext,
          Direction: call ? 1 : 0,
          MaxBeyondTaskLimit: 0,
        },
        { NumFltSkillGroups: flt },
      );
    }
    a.state = state;
  };

  let callID = 16777216 + r.int(0, 100000);
  let routerCallID = r.int(1, 1000000);
  function* call(): Generator<void, void, void> {
    const id = callID++;
    const dev = String(id);
    const ani = `1${r.digits(10)}`;
    const dnis = `8${r.digits(3)}`;
    const a = r.pick(agents);
    const sg = r.pick(a.sgs);
    const base = { ...PERIPHERAL, ConnectionDeviceIDType: 0, ConnectionCallID: id, ConnectionDeviceID: dev };
    const vars = callVariables(r, r.int(4, 10));
    const ecc = namedVariables(r, r.int(2, 6));
    const routing = {
      RouterCallKeyDay: 150000 + r.int(0, 3),
      RouterCallKeyCallID: routerCallID++,
      RouterCallKeySequenceNumber: 0,
    };
    const cti = [{ CTIClientSignature: "finesse-a", CTIClientTimestamp: 1700000000 + r.int(0, 86400) }];
    emit(
      "BEGIN_CALL_EVENT",
      { ...base, CallType: 1, CalledPartyDisposition: 0, ANI: ani, DNIS: dnis, DialedNumber: dnis, ...routing },
      { NumCTIClients: cti },
    );
    yield;
    for (let k = r.int(1, 2); k > 0; k--) {
      emit(
        "CALL_DATA_UPDATE_EVENT",
        {
          ...base,
          CallType: 1,
          NewConnectionDeviceIDType: 0,
          NewConnectionCallID: id,
          NewConnectionDeviceID: dev,
          CalledPartyDisposition: 0,
          CampaignID: 0xffffffff,
          QueryRuleID: 0xffffffff,
          ANI: ani,
          DNIS: dnis,
          DialedNumber: dnis,
          CallerEnteredDigits: r.digits(r.int(1, 8)),
          ...routing,
          ...vars,
        },
        { NumNamedVariables: ecc, NumCTIClients: cti },
      );
      yield;
    }
    agentState(a, AgentState.AGENT_STATE_RESERVED, r.int(1, 600), true);
    yield;
    const dev3 = {
      LineHandle: 0,
      LineType: 0,
      ServiceNumber: 100,
      ServiceID: 5100,
      SkillGroupNumber: sg.number,
      SkillGroupID: sg.id,
      SkillGroupPriority: sg.priority,
      CallingDeviceType: 1,
      CalledDeviceType: 0,
      LastRedirectDeviceType: 0,
      LocalConnectionState: 2,
      EventCause: 1,
      CallingDeviceID: ani,
      CalledDeviceID: a.ext,
      LastRedirectDeviceID: dnis,
      TrunkNumber: r.int(1, 400),
      TrunkGroupNumber: r.int(1, 20),
    };
    emit(
      "CALL_DELIVERED_EVENT",
      {
        ...base,
        ...dev3,
        AlertingDeviceType: 0,
        AlertingDeviceID: a.ext,
        ANI: ani,
        DNIS: dnis,
        DialedNumber: dnis,
        ...vars,
      },
      { NumNamedVariables: ecc },
    );
    yield;
    emit("CALL_ESTABLISHED_EVENT", {
      ...base,
      ...dev3,
      LocalConnectionState: 3,
      AnsweringDeviceType: 0,
      AnsweringDeviceID: a.ext,
    });
    yield;
    agentState(a, AgentState.AGENT_STATE_TALKING, r.int(1, 20), true);
    yield;
    if (r.next() < 0.5) {
      emit(
        "CALL_DATA_UPDATE_EVENT",
        {
          ...base,
          CallType: 1,
          NewConnectionDeviceIDType: 0,
          NewConnectionCallID: id,
          NewConnectionDeviceID: dev,
          CampaignID: 0xffffffff,
          QueryRuleID: 0xffffffff,
          CallWrapupData: "",
          ...vars,
          CallVariable8: `agent=${a.id};note=${r.digits(6)}`,
        },
        { NumNamedVariables: ecc.slice(0, 2), NumCTIClients: cti },
      );
      yield;
    }
    emit("CALL_CONNECTION_CLEARED_EVENT", {
      ...base,
      ReleasingDeviceType: 0,
      ReleasingDeviceID: a.ext,
      LocalConnectionState: 0,
      EventCause: 0xffff,
    });
    yield;
    emit("CALL_CLEARED_EVENT", { ...base, LocalConnectionState: 0, EventCause: 0xffff });
    yield;
    agentState(a, AgentState.AGENT_STATE_WORK_READY, r.int(30, 900), true);
    yield;
    emit("END_CALL_EVENT", base);
    yield;
    agentState(a, AgentState.AGENT_STATE_AVAILABLE, r.int(5, 300), false);
  }

  const inFlight: Generator<void, void, void>[] = [];
  for (let i = 0; i < 64; i++) inFlight.push(call());
  let invoke = 1;
  while (out.bytes < bytes) {
    const x = r.next();
    if (x < 0.002) {
      emit("HEARTBEAT_CONF", { InvokeID: invoke++ });
    } else if (x < 0.0025) {
      emit("SYSTEM_EVENT", {
        PGStatus: 0,
        ICMCentralControllerTime: 1700000000 + r.int(0, 86400),
        SystemEventID: r.int(1, 10),
        SystemEventArg1: r.int(0, 5000),
        SystemEventArg2: 0,
        SystemEventArg3: 0,
        EventDeviceType: 0xffff,
        Text: "Peripheral 5000 online",
        EventDeviceID: "",
      });
    } else if (x < 0.03) {
      const a = r.pick(agents);
      agentState(a, a.state === 2 ? 3 : 2, r.int(1, 3600), false);
    } else {
      const k = r.int(0, inFlight.length - 1);
      if (inFlight[k].next().done) inFlight[k] = call();
    }
  }
  return out;
}

/** A corpus of one message repeated: the smallest (HEARTBEAT_CONF) or the largest realistic one. */
export function singleCorpus(
  kind: "smallest" | "largest",
  version: number,
  bytes: number,
  seed = 0x51e0000 + version,
): Frames {
  const r = prng(seed);
  let frame: Uint8Array;
  if (kind === "smallest") {
    frame = encode(buildMessage("HEARTBEAT_CONF", version, { InvokeID: 7 }), { version });
  } else {
    // CALL_DATA_UPDATE_EVENT with every call variable full and ECC variables up to the 2000-byte
    // named-data limit: the largest call event a CTI bridge carries in practice.
    const vars: Values = {};
    for (let i = 1; i <= 10; i++) vars[`CallVariable${i}`] = `v${i}=${r.digits(37)}`.slice(0, 40);
    const ecc: Values[] = [];
    let named = 0;
    for (let i = 0; named < 1800; i++) {
      const name = `user.ecc.var${String(i).padStart(2, "0")}`;
      const value = `${r.digits(50)}`;
      ecc.push({ NamedVariable: { name, value } });
      named += 4 + name.length + 1 + value.length + 1;
    }
    frame = encode(
      buildMessage(
        "CALL_DATA_UPDATE_EVENT",
        version,
        {
          ...PERIPHERAL,
          CallType: 1,
          ConnectionDeviceIDType: 0,
          ConnectionCallID: 16777300,
          ConnectionDeviceID: "16777300",
          NewConnectionDeviceIDType: 0,
          NewConnectionCallID: 16777300,
          NewConnectionDeviceID: "16777300",
          CampaignID: 0xffffffff,
          QueryRuleID: 0xffffffff,
          ANI: "15551234567",
          DNIS: "8000",
          DialedNumber: "8000",
          CallerEnteredDigits: "1234567890",
          RouterCallKeyDay: 150000,
          RouterCallKeyCallID: 42,
          RouterCallKeySequenceNumber: 0,
          CallWrapupData: "resolved; follow-up in 7 days",
          CustomerPhoneNumber: "15551234567",
          CustomerAccountNumber: "ACCT-0001234567",
          ...vars,
        },
        {
          NumNamedVariables: ecc,
          NumCTIClients: [{ CTIClientSignature: "finesse-a", CTIClientTimestamp: 1700000000 }],
        },
      ),
      { version },
    );
  }
  const n = Math.max(1, Math.floor(bytes / frame.length));
  return { frames: new Array(n).fill(frame), bytes: n * frame.length, counts: { [kind]: n } };
}

/** The corpora of a mode: full (64 MiB mixed streams) or quick (4 MiB). */
export function corpusPlan(mode: Mode): CorpusEntry[] {
  const mixed = mode === "full" ? 64 << 20 : 4 << 20;
  const single = mode === "full" ? 16 << 20 : 1 << 20;
  return [
    { name: "mixed-v25", kind: "mixed", version: 25, bytes: mixed },
    { name: "mixed-v17", kind: "mixed", version: 17, bytes: mixed },
    { name: "smallest-v25", kind: "smallest", version: 25, bytes: single },
    { name: "largest-v25", kind: "largest", version: 25, bytes: single },
  ];
}

/** Generates one corpus of the plan: { name, version, bytes (Uint8Array), frames, counts }. */
export function generate(entry: CorpusEntry): {
  name: string;
  version: number;
  data: Uint8Array;
  frames: number;
  counts: Record<string, number>;
} {
  const g =
    entry.kind === "mixed"
      ? mixedCorpus(entry.version, entry.bytes)
      : singleCorpus(entry.kind, entry.version, entry.bytes);
  return {
    name: entry.name,
    version: entry.version,
    data: concatBytes(g.frames, g.bytes),
    frames: g.frames.length,
    counts: g.counts,
  };
}
