/**
 * Agent and call state from CTI events: the same code keeps the server's state (for the snapshot a
 * page gets when it joins) and the page's (from the snapshot on, frame by frame), so that both agree.
 *
 * Messages are the plain objects ctiwire decodes (or their `messageToJSON` form, as the bridge keeps
 * them in NATS KV): only `type` and the fields named below are read, so unknown or missing fields
 * do no harm. Bounded: at most `maxAgents` agents and `maxCalls` calls (the oldest call goes first:
 * a call whose END_CALL_EVENT was lost must not stay for ever).
 */
import { AgentState } from "@ctiwire/protocol/core";

/** A decoded CTI message, as far as the state reads it. */
export interface Msg {
  type: string;
  [field: string]: unknown;
}

export interface AgentRecord {
  /** `peripheralID.agentID` (the instrument where the event has no AgentID). */
  key: string;
  agentID: string;
  peripheralID: number;
  extension: string;
  /** AgentState number. */
  state: number;
  /** Server time (ms) the agent entered `state`. */
  since: number;
  reasonCode: number;
  /** Skill group number → the agent's state in it. */
  skillGroups: Record<string, number>;
  /** True from a new CTI session until the agent's next event: the state may have changed in the gap. */
  stale?: boolean;
}

export interface CallRecord {
  /** ConnectionCallID. */
  id: number;
  peripheralID: number;
  /** The last call event, without `_EVENT` (DELIVERED, ESTABLISHED, HELD, ...). */
  state: string;
  /** Server time (ms) of the first event seen of the call. */
  began: number;
  /** Server time of the last event. */
  updated: number;
  /** The agent's device (extension) the call was delivered to or answered by. */
  device: string;
  ani: string;
  dnis: string;
  skillGroup: number | null;
  callType: number | null;
  /** CallVariable1..10 that are set, by name ("callVariable1"). */
  variables: Record<string, string>;
  /** ECC (named) variables by name. */
  ecc: Record<string, string>;
  /** Skill groups it waits in (CALL_QUEUED_EVENT), or null when not queued. */
  queuedIn: number[] | null;
}

export interface Snapshot {
  /** The state is that after the item with this sequence number (0: before any). */
  seq: number;
  agents: AgentRecord[];
  calls: CallRecord[];
}

/** What a message changed, for a view that updates only that. */
export interface Change {
  agent?: AgentRecord;
  /** The agent's state before (undefined for an agent first seen). */
  previousState?: number;
  call?: CallRecord;
  /** The ConnectionCallID of a call that ended. */
  ended?: number;
}

/** How the wallboard counts an agent state. */
export type Category = "ready" | "talking" | "notReady" | "other" | "loggedOut";

export function categoryOf(state: number): Category {
  switch (state) {
    case AgentState.AGENT_STATE_AVAILABLE:
      return "ready";
    case AgentState.AGENT_STATE_TALKING:
    case AgentState.AGENT_STATE_HOLD:
    case AgentState.AGENT_STATE_ACTIVE:
      return "talking";
    case AgentState.AGENT_STATE_NOT_READY:
      return "notReady";
    case AgentState.AGENT_STATE_LOGOUT:
      return "loggedOut";
    default:
      return "other";
  }
}

/** "AVAILABLE" for 3; the number for a state the schema does not name. */
export function stateName(state: number): string {
  const n = (AgentState as unknown as Record<number, string | undefined>)[state];
  return n === undefined ? String(state) : n.replace(/^AGENT_STATE_/, "");
}

export interface SkillGroupCounts {
  ready: number;
  talking: number;
  notReady: number;
  other: number;
  queued: number;
}

const NO_SKILL_GROUP = 0xffffffff;

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/**
 * The skill groups of CALL_QUEUED_EVENT / CALL_DEQUEUED_EVENT: the list counted by NumSkillGroups
 * (`skillGroups`, as decoded and in the JSON form), NULL_SKILL_GROUP left out.
 */
function queueGroups(m: Msg): number[] {
  const out: number[] = [];
  if (!Array.isArray(m.skillGroups)) return out;
  for (const g of m.skillGroups as Record<string, unknown>[]) {
    const n = num(g?.skillGroupNumber);
    if (n !== undefined && n !== NO_SKILL_GROUP && !out.includes(n)) out.push(n);
  }
  return out;
}

export interface LiveStateOptions {
  maxAgents?: number;
  maxCalls?: number;
}

export class LiveState {
  readonly agents = new Map<string, AgentRecord>();
  /** In order of first appearance (the oldest first: the first to go past maxCalls). */
  readonly calls = new Map<number, CallRecord>();
  /** Sequence number of the last item applied. */
  seq = 0;
  readonly maxAgents: number;
  readonly maxCalls: number;

  constructor(o: LiveStateOptions = {}) {
    this.maxAgents = o.maxAgents ?? 100_000;
    this.maxCalls = o.maxCalls ?? 10_000;
  }

  static fromSnapshot(s: Snapshot, o?: LiveStateOptions): LiveState {
    const st = new LiveState(o);
    st.seq = s.seq;
    for (const a of s.agents) st.agents.set(a.key, { ...a, skillGroups: { ...a.skillGroups } });
    for (const c of s.calls) st.calls.set(c.id, { ...c, variables: { ...c.variables }, ecc: { ...c.ecc } });
    return st;
  }

  snapshot(): Snapshot {
    return { seq: this.seq, agents: [...this.agents.values()], calls: [...this.calls.values()] };
  }

  /**
   * A new CTI session: events in the gap are lost. The server announces calls in progress again, so
   * the calls known go; agents stay, marked stale until their next event.
   */
  reset(): void {
    this.calls.clear();
    for (const a of this.agents.values()) a.stale = true;
  }

  /** Applies one message received at server time `at` (ms). */
  apply(m: Msg, at: number): Change | undefined {
    if (m.type === "AGENT_STATE_EVENT") return this.#agentState(m, at);
    const id = num(m.connectionCallID);
    if (id === undefined) return undefined;
    if (m.type === "END_CALL_EVENT") {
      return this.calls.delete(id) ? { ended: id } : undefined;
    }
    if (!(m.type === "BEGIN_CALL_EVENT" || m.type.startsWith("CALL_"))) return undefined;
    let c = this.calls.get(id);
    if (c === undefined) {
      if (m.type === "CALL_CLEARED_EVENT" || m.type === "CALL_CONNECTION_CLEARED_EVENT") return undefined;
      c = {
        id,
        peripheralID: num(m.peripheralID) ?? 0,
        state: "",
        began: at,
        updated: at,
        device: "",
        ani: "",
        dnis: "",
        skillGroup: null,
        callType: null,
        variables: {},
        ecc: {},
        queuedIn: null,
      };
      this.calls.set(id, c);
      if (this.calls.size > this.maxCalls) this.calls.delete(this.calls.keys().next().value as number);
    }
    c.state = m.type.replace(/_EVENT$/, "").replace(/^CALL_/, "");
    c.updated = at;
    if (typeof m.ani === "string" && m.ani !== "") c.ani = m.ani;
    if (typeof m.dnis === "string" && m.dnis !== "") c.dnis = m.dnis;
    const callType = num(m.callType);
    if (callType !== undefined) c.callType = callType;
    const sg = num(m.skillGroupNumber);
    if (sg !== undefined && sg !== NO_SKILL_GROUP) c.skillGroup = sg;
    for (let i = 1; i <= 10; i++) {
      const v = m[`callVariable${i}`];
      if (typeof v === "string") c.variables[`callVariable${i}`] = v;
    }
    if (Array.isArray(m.namedVariables)) {
      for (const nv of m.namedVariables as { name?: unknown; value?: unknown }[]) {
        if (typeof nv?.name === "string") c.ecc[nv.name] = str(nv.value);
      }
    }
    switch (m.type) {
      case "CALL_QUEUED_EVENT": {
        // added to these queues (the ones it waits in already stay)
        const groups = queueGroups(m);
        if (c.skillGroup === null && groups[0] !== undefined) c.skillGroup = groups[0];
        c.queuedIn = [...new Set([...(c.queuedIn ?? []), ...groups])];
        break;
      }
      case "CALL_DEQUEUED_EVENT": {
        // removed from these queues; none listed (NumSkillGroups 0): from all of them
        const groups = queueGroups(m);
        const left = groups.length === 0 ? [] : (c.queuedIn ?? []).filter((g) => !groups.includes(g));
        c.queuedIn = left.length > 0 ? left : null;
        break;
      }
      case "CALL_ESTABLISHED_EVENT":
      case "CALL_CLEARED_EVENT":
        c.queuedIn = null;
        break;
      case "CALL_DELIVERED_EVENT":
        c.queuedIn = null;
        if (str(m.alertingDeviceID) !== "") c.device = str(m.alertingDeviceID);
        break;
    }
    if (m.type === "CALL_ESTABLISHED_EVENT" && str(m.answeringDeviceID) !== "") c.device = str(m.answeringDeviceID);
    return { call: c };
  }

  #agentState(m: Msg, at: number): Change | undefined {
    const state = num(m.agentState);
    if (state === undefined) return undefined;
    const peripheralID = num(m.peripheralID) ?? 0;
    const id = str(m.agentID) || str(m.agentInstrument) || str(m.agentExtension);
    if (id === "") return undefined;
    const key = `${peripheralID}.${id}`;
    let a = this.agents.get(key);
    const previousState = a?.state;
    if (a === undefined) {
      if (this.agents.size >= this.maxAgents) return undefined;
      a = {
        key,
        agentID: id,
        peripheralID,
        extension: "",
        state,
        since: at,
        reasonCode: 0,
        skillGroups: {},
      };
      this.agents.set(key, a);
    }
    if (previousState !== state) a.since = at;
    a.state = state;
    delete a.stale;
    a.reasonCode = num(m.eventReasonCode) ?? 0;
    const ext = str(m.agentExtension) || str(m.agentInstrument);
    if (ext !== "") a.extension = ext;
    const sg = num(m.skillGroupNumber);
    const sgState = num(m.skillGroupState);
    if (sg !== undefined && sg !== NO_SKILL_GROUP && sg !== 0) a.skillGroups[sg] = sgState ?? state;
    if (Array.isArray(m.fltSkillGroups) && m.fltSkillGroups.length > 0) {
      const groups: Record<string, number> = {};
      for (const g of m.fltSkillGroups as Record<string, unknown>[]) {
        const n = num(g?.fltSkillGroupNumber);
        if (n !== undefined && n !== NO_SKILL_GROUP) groups[n] = num(g?.fltSkillGroupState) ?? state;
      }
      a.skillGroups = groups;
    }
    return previousState === undefined ? { agent: a } : { agent: a, previousState };
  }

  /** Per skill group: agents ready, talking, not ready, other (logged in), and calls queued. */
  skillGroupCounts(): Map<number, SkillGroupCounts> {
    const tally = new SkillGroupTally();
    for (const a of this.agents.values()) tally.update(a.key, a);
    return tally.counts(this.calls.values());
  }
}

/** Where an agent counts in each of its skill groups: [skill group, category] pairs. */
function agentSkillGroups(a: AgentRecord): [number, Category][] {
  const out: [number, Category][] = [];
  for (const sg in a.skillGroups) {
    // The agent's own state decides where the agent logged out (skill group states may lag).
    const s = a.state === AgentState.AGENT_STATE_LOGOUT ? a.state : (a.skillGroups[sg] as number);
    out.push([Number(sg), categoryOf(s)]);
  }
  return out;
}

/**
 * The agents' part of the skill group counts, kept as agents change (a view that redraws often
 * updates the agents that changed, not every agent); `counts` adds the calls queued.
 */
export class SkillGroupTally {
  /** Per skill group: its counts, and how many agents are in it (logged out included). */
  #groups = new Map<number, SkillGroupCounts & { members: number }>();
  /** Where each agent was counted. */
  #agents = new Map<string, [number, Category][]>();

  /** The agent under `key` is now `a` (undefined: gone). */
  update(key: string, a: AgentRecord | undefined): void {
    for (const [sg, cat] of this.#agents.get(key) ?? []) {
      const c = this.#groups.get(sg) as SkillGroupCounts & { members: number };
      if (cat !== "loggedOut") c[cat]--;
      if (--c.members === 0) this.#groups.delete(sg);
    }
    if (a === undefined) {
      this.#agents.delete(key);
      return;
    }
    const now = agentSkillGroups(a);
    for (const [sg, cat] of now) {
      let c = this.#groups.get(sg);
      if (c === undefined) {
        c = { ready: 0, talking: 0, notReady: 0, other: 0, queued: 0, members: 0 };
        this.#groups.set(sg, c);
      }
      c.members++;
      if (cat !== "loggedOut") c[cat]++;
    }
    this.#agents.set(key, now);
  }

  clear(): void {
    this.#groups.clear();
    this.#agents.clear();
  }

  /** Per skill group: the agents' counts, and the calls queued there. */
  counts(calls: Iterable<CallRecord>): Map<number, SkillGroupCounts> {
    const out = new Map<number, SkillGroupCounts>();
    for (const [sg, c] of this.#groups)
      out.set(sg, { ready: c.ready, talking: c.talking, notReady: c.notReady, other: c.other, queued: 0 });
    for (const call of calls) {
      if (call.queuedIn === null) continue;
      for (const sg of call.queuedIn) {
        let c = out.get(sg);
        if (c === undefined) {
          c = { ready: 0, talking: 0, notReady: 0, other: 0, queued: 0 };
          out.set(sg, c);
        }
        c.queued++;
      }
    }
    return out;
  }
}
