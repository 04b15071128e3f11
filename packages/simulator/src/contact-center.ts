/**
 * The scripted contact center: agents with skill groups, calls arriving at a configured rate and
 * flowing through BEGIN_CALL → DELIVERED → ESTABLISHED → (HELD/RETRIEVED/TRANSFERRED) → CLEARED →
 * END_CALL, and the agent-control operations the CTI sessions ask for. Everything random comes
 * from one seeded Rng and everything timed from the injected clock, so a run is reproducible.
 *
 * The contact center knows nothing of sessions or versions: it emits SimEvents (a message name and
 * its properties, plus the devices it concerns) and the server encodes them per session.
 */
import { AgentState, CallType, ControlFailureCode as CF, EventCause, LocalConnectionState as LCS } from "ctiwire";
import type { Props } from "./build.js";
import type { SimulatorClock } from "./clock.js";
import { Rng } from "./rng.js";

export const PT_ENTERPRISE_AGENT = 17;
const CEC_NONE = EventCause.CEC_NONE;
const DEVID_DEVICE = 0;
const DEVID_TRUNK = 70;
const DEVID_EXTERNAL = 75;
const DEVID_NONE = 0xffff;

/** One event of the contact center, before it is encoded for a session. */
export interface SimEvent {
  readonly name: string;
  readonly props: Props;
  /** Agent devices (extensions) the event concerns: CLIENT_EVENTS sessions and device monitors use it. */
  readonly devices: readonly string[];
  readonly callID?: number;
  /** For AGENT_STATE_EVENT: the state (AgentStateMask filtering). */
  readonly agentState?: number;
  /** For AGENT_TEAM_CONFIG_EVENT: the team (its supervisors' sessions get it). */
  readonly teamID?: number;
  /**
   * Only for the sessions and monitors reached through `devices` (CLIENT_EVENTS, device monitors):
   * a BEGIN_CALL_EVENT for the agent a call announced earlier (queued) has just reached; ALL_EVENTS
   * sessions and call monitors had theirs.
   */
  readonly devicesOnly?: boolean;
}

/** An agent team (Supervisor service): members, and the agent that is its primary supervisor. */
export interface Team {
  readonly id: number;
  readonly name: string;
  readonly departmentID: number;
  readonly members: Agent[];
  supervisor?: Agent;
}

/** AGENT_TEAM_CONFIG_EVENT AgentFlags. */
export const AGENT_FLAG_PRIMARY_SUPERVISOR = 0x0001;
export const AGENT_FLAG_SUPERVISOR = 0x0004;

/** AGENT_TEAM_CONFIG_EVENT ConfigOperation. */
export const TEAM_CONFIG = { RESTORE: 0, ADD_AGENT: 1, REMOVE_AGENT: 2 } as const;

export interface SkillGroup {
  readonly number: number;
  readonly id: number;
  readonly priority: number;
  readonly serviceNumber: number;
  readonly serviceID: number;
}

export interface Agent {
  readonly index: number;
  readonly agentID: string;
  readonly extension: string;
  readonly instrument: string;
  readonly icmAgentID: number;
  readonly skills: readonly SkillGroup[];
  state: number;
  stateSince: number;
  reasonCode: number;
  /** State to enter when the current calls end (SET_AGENT_STATE_REQ while on a call). */
  pendingState?: number;
  /** Set while a CLIENT_EVENTS session with CLIENT_CONTROL is associated: the script leaves it alone. */
  manual: boolean;
  /** The CTI session associated with the agent (AGENT_STATE_EVENT SessionID), 0 if none. */
  sessionID: number;
}

export interface Party {
  device: string;
  deviceType: number;
  agent?: Agent;
  state: number;
}

export interface Call {
  readonly id: number;
  callType: number;
  ani: string;
  dnis: string;
  dialedNumber: string;
  callerEnteredDigits: string;
  vars: string[];
  ecc: { name: string; value: string }[];
  wrapup: string;
  customerPhoneNumber?: string;
  customerAccountNumber?: string;
  skill?: SkillGroup;
  parties: Party[];
  routerCallKeyDay: number;
  began: boolean;
  /** Announced as queued (CALL_QUEUED_EVENT sent) and not yet dequeued. */
  queued?: boolean;
  ended: boolean;
  /** The consult call's original (held) call, for consult calls. */
  consultOf?: number;
}

export interface Timing {
  /** Ring time before a scripted agent answers, ms. */
  ring: [number, number];
  talk: [number, number];
  hold: [number, number];
  wrapup: [number, number];
  notReady: [number, number];
  /** Delay between logins at start, ms. */
  loginStagger: number;
}

export const DEFAULT_TIMING: Timing = {
  ring: [1000, 4000],
  talk: [5000, 40000],
  hold: [2000, 10000],
  wrapup: [2000, 8000],
  notReady: [5000, 20000],
  loginStagger: 100,
};

export interface ContactCenterOptions {
  agents: number;
  callsPerSecond: number;
  seed: number;
  peripheralID: number;
  clock: SimulatorClock;
  timing: Timing;
  /** Probabilities of the scripted flow. */
  holdChance: number;
  transferChance: number;
  notReadyChance: number;
  maxQueue: number;
  eventRate: number;
  /** Agents per team; the first agent of each team is its supervisor (default 5). */
  teamSize?: number;
}

export interface Reply {
  conf(name: string, props?: Props): void;
  controlFailure(code: number): void;
  failure(status: number): void;
}

const SKILL_GROUPS: readonly SkillGroup[] = [
  { number: 100, id: 5001, priority: 0, serviceNumber: 10, serviceID: 6001 },
  { number: 101, id: 5002, priority: 0, serviceNumber: 11, serviceID: 6002 },
  { number: 102, id: 5003, priority: 0, serviceNumber: 12, serviceID: 6003 },
];

const ECC_NAMES = ["user.customer.id", "user.customer.tier", "user.ivr.intent"];
const TIERS = ["gold", "silver", "bronze"];
const INTENTS = ["billing", "support", "sales", "cancel"];

/** AgentStateMask bit of an agent state. */
export function agentStateMaskBit(state: number): number {
  if (state <= 8) return 1 << state;
  if (state >= 10 && state <= 14) return 1 << (state - 1);
  return 0;
}

/** CallEventMask bit of a call event message, 0 when none applies (always sent). */
export const CALL_EVENT_MASK_BITS: Readonly<Record<string, number>> = {
  CALL_DELIVERED_EVENT: 0x1,
  CALL_QUEUED_EVENT: 0x2,
  CALL_ESTABLISHED_EVENT: 0x4,
  CALL_HELD_EVENT: 0x8,
  CALL_RETRIEVED_EVENT: 0x10,
  CALL_CLEARED_EVENT: 0x20,
  CALL_CONNECTION_CLEARED_EVENT: 0x40,
  CALL_ORIGINATED_EVENT: 0x80,
  CALL_CONFERENCED_EVENT: 0x100,
  CALL_TRANSFERRED_EVENT: 0x200,
  CALL_DIVERTED_EVENT: 0x400,
  CALL_SERVICE_INITIATED_EVENT: 0x800,
  CALL_TRANSLATION_ROUTE_EVENT: 0x1000,
  BEGIN_CALL_EVENT: 0x2000,
  END_CALL_EVENT: 0x4000,
  CALL_DATA_UPDATE_EVENT: 0x8000,
  CALL_FAILED_EVENT: 0x10000,
  CALL_DEQUEUED_EVENT: 0x40000,
};

export class ContactCenter {
  readonly agents: Agent[] = [];
  readonly calls = new Map<number, Call>();
  readonly queue: number[] = [];
  readonly rng: Rng;
  readonly #o: ContactCenterOptions;
  readonly #emit: (ev: SimEvent) => void;
  readonly #timers = new Set<unknown>();
  #deferred: (() => void)[] = [];
  #paused = false;
  #stopped = false;
  readonly teams: Team[] = [];
  #nextCallID = 16777217;
  #arrivalTimer: unknown;
  #loadTimer: unknown;
  #loadCarry = 0;
  /**
   * Load events sent so far (eventRate mode). Each load AGENT_STATE_EVENT carries its number as
   * CTIClientSignature `load:<n>` (n = 1, 2, ...), so a client can check loss and order end to end.
   */
  loadSequence = 0;

  constructor(o: ContactCenterOptions, emit: (ev: SimEvent) => void) {
    this.#o = o;
    this.#emit = emit;
    this.rng = new Rng(o.seed);
    for (let i = 0; i < o.agents; i++) {
      const n = this.rng.int(1, 2);
      const first = this.rng.int(0, SKILL_GROUPS.length - 1);
      const skills: SkillGroup[] = [];
      for (let k = 0; k < n; k++) skills.push(SKILL_GROUPS[(first + k) % SKILL_GROUPS.length] as SkillGroup);
      this.agents.push({
        index: i,
        agentID: String(1001 + i),
        extension: String(2001 + i),
        instrument: String(2001 + i),
        icmAgentID: 5001 + i,
        skills,
        state: AgentState.AGENT_STATE_LOGOUT,
        stateSince: o.clock.now(),
        reasonCode: 0,
        manual: false,
        sessionID: 0,
      });
    }
    const size = Math.max(1, o.teamSize ?? 5);
    for (let i = 0; i * size < this.agents.length; i++) {
      const members = this.agents.slice(i * size, (i + 1) * size);
      this.teams.push({ id: 9001 + i, name: `Team ${i + 1}`, departmentID: 0, members, supervisor: members[0] });
    }
  }

  get paused(): boolean {
    return this.#paused;
  }

  get peripheralID(): number {
    return this.#o.peripheralID;
  }

  // -------------------------------------------------------------------------------------------
  // scheduling

  /** Runs fn after ms unless stopped; while paused, fn waits for resume(). */
  #after(ms: number, fn: () => void): void {
    const h = this.#o.clock.setTimeout(() => {
      this.#timers.delete(h);
      if (this.#stopped) return;
      if (this.#paused) this.#deferred.push(fn);
      else fn();
    }, ms);
    this.#timers.add(h);
  }

  #rand([min, max]: [number, number]): number {
    return this.rng.int(min, max);
  }

  start(): void {
    this.agents.forEach((a, i) => {
      this.#after(i * this.#o.timing.loginStagger, () => {
        if (a.manual || a.state !== AgentState.AGENT_STATE_LOGOUT) return;
        this.#login(a);
        this.#after(this.#rand(this.#o.timing.notReady), () => this.#scriptAvailable(a));
      });
    });
    if (this.#o.callsPerSecond > 0) this.#scheduleArrival();
    if (this.#o.eventRate > 0) {
      this.#loadTimer = this.#o.clock.setInterval(() => this.#loadTick(), 100);
    }
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    const d = this.#deferred;
    this.#deferred = [];
    for (const fn of d) if (!this.#stopped) fn();
  }

  stop(): void {
    this.#stopped = true;
    for (const h of this.#timers) this.#o.clock.clearTimeout(h);
    this.#timers.clear();
    if (this.#arrivalTimer !== undefined) this.#o.clock.clearTimeout(this.#arrivalTimer);
    const clock = this.#o.clock;
    if (this.#loadTimer !== undefined) {
      if (clock.clearInterval) clock.clearInterval(this.#loadTimer);
      else clock.clearTimeout(this.#loadTimer);
    }
  }

  #scheduleArrival(): void {
    const mean = 1000 / this.#o.callsPerSecond;
    const delay = Math.max(1, Math.round(mean * (0.5 + this.rng.next())));
    this.#arrivalTimer = this.#o.clock.setTimeout(() => {
      if (this.#stopped) return;
      if (!this.#paused) this.#arrive();
      this.#scheduleArrival();
    }, delay);
  }

  #loadTick(): void {
    if (this.#stopped || this.#paused || this.agents.length === 0) return;
    this.#loadCarry += this.#o.eventRate / 10;
    while (this.#loadCarry >= 1) {
      this.#loadCarry -= 1;
      // Re-reports an agent's current state: extra load that stays consistent with the model.
      const a = this.rng.pick(this.agents);
      this.loadSequence++;
      this.#emit({
        name: "AGENT_STATE_EVENT",
        props: { ...this.#agentStateProps(a, a.stateSince), ctiClientSignature: `load:${this.loadSequence}` },
        devices: [a.extension],
        agentState: a.state,
      });
    }
  }

  // -------------------------------------------------------------------------------------------
  // lookups

  findAgent(q: { agentID?: string; extension?: string; instrument?: string; icmAgentID?: number }): Agent | undefined {
    return this.agents.find(
      (a) =>
        (q.instrument !== undefined && q.instrument !== "" && a.instrument === q.instrument) ||
        (q.extension !== undefined && q.extension !== "" && a.extension === q.extension) ||
        (q.agentID !== undefined && q.agentID !== "" && a.agentID === q.agentID) ||
        (q.icmAgentID !== undefined && q.icmAgentID > 0 && a.icmAgentID === q.icmAgentID),
    );
  }

  agentByDevice(device: string): Agent | undefined {
    return this.agents.find((a) => a.extension === device || a.instrument === device);
  }

  callsOf(a: Agent): { call: Call; party: Party }[] {
    const out: { call: Call; party: Party }[] = [];
    for (const call of this.calls.values()) {
      for (const party of call.parties) if (party.agent === a) out.push({ call, party });
    }
    return out;
  }

  loggedIn(a: Agent): boolean {
    return a.state !== AgentState.AGENT_STATE_LOGOUT;
  }

  // -------------------------------------------------------------------------------------------
  // event properties

  #agentStateProps(a: Agent, prevSince: number): Props {
    const now = this.#o.clock.now();
    const first = a.skills[0];
    return {
      monitorID: 0,
      peripheralID: this.#o.peripheralID,
      sessionID: a.sessionID,
      peripheralType: PT_ENTERPRISE_AGENT,
      skillGroupState: a.state,
      stateDuration: Math.max(0, Math.floor((now - prevSince) / 1000)),
      skillGroupNumber: first?.number ?? 0xffffffff,
      skillGroupID: first?.id ?? 0xffffffff,
      skillGroupPriority: first?.priority ?? 0,
      agentState: a.state,
      eventReasonCode: a.reasonCode,
      mrdid: 1,
      numTasks: this.callsOf(a).length,
      agentMode: 0,
      maxTaskLimit: 1,
      icmAgentID: a.icmAgentID,
      agentAvailabilityStatus: a.state === AgentState.AGENT_STATE_AVAILABLE ? 1 : 0,
      departmentID: 0,
      agentID: a.agentID,
      agentExtension: a.extension,
      activeTerminal: "",
      agentInstrument: a.instrument,
      nextAgentState: a.pendingState,
      direction: 0,
      fltSkillGroups: a.skills.map((s) => ({
        fltSkillGroupNumber: s.number,
        fltSkillGroupID: s.id,
        fltSkillGroupPriority: s.priority,
        fltSkillGroupState: a.state,
      })),
      maxBeyondTaskLimit: 0,
    };
  }

  #emitAgentState(a: Agent, prevSince = a.stateSince): void {
    this.#emit({
      name: "AGENT_STATE_EVENT",
      props: this.#agentStateProps(a, prevSince),
      devices: [a.extension],
      agentState: a.state,
    });
  }

  #setState(a: Agent, state: number, reasonCode = 0): void {
    const prev = a.stateSince;
    a.state = state;
    a.reasonCode = reasonCode;
    a.stateSince = this.#o.clock.now();
    this.#emitAgentState(a, prev);
    if (state === AgentState.AGENT_STATE_AVAILABLE) this.#after(0, () => this.#dispatchQueue());
  }

  #agentDevices(call: Call): string[] {
    const out: string[] = [];
    for (const p of call.parties) if (p.agent && !out.includes(p.device)) out.push(p.device);
    return out;
  }

  #emitCall(name: string, call: Call, props: Props, extraDevices: string[] = []): void {
    const devices = this.#agentDevices(call);
    for (const d of extraDevices) if (!devices.includes(d)) devices.push(d);
    this.#emit({
      name,
      props: { monitorID: 0, peripheralID: this.#o.peripheralID, peripheralType: PT_ENTERPRISE_AGENT, ...props },
      devices,
      callID: call.id,
    });
  }

  callData(call: Call): Props {
    const p: Props = {
      ani: call.ani,
      dnis: call.dnis,
      dialedNumber: call.dialedNumber,
      callerEnteredDigits: call.callerEnteredDigits,
      callWrapupData: call.wrapup || undefined,
      namedVariables: call.ecc.map((v) => ({ ...v })),
      namedArrays: [],
      routerCallKeyDay: call.routerCallKeyDay,
      routerCallKeyCallID: call.id,
      routerCallKeySequenceNumber: 0,
      customerPhoneNumber: call.customerPhoneNumber,
      customerAccountNumber: call.customerAccountNumber,
    };
    call.vars.forEach((v, i) => {
      if (v !== "") p[`callVariable${i + 1}`] = v;
    });
    return p;
  }

  #conn(call: Call, device: string): Props {
    return { connectionDeviceIDType: 0, connectionCallID: call.id, connectionDeviceID: device };
  }

  #skillProps(call: Call): Props {
    const s = call.skill;
    return {
      serviceNumber: s?.serviceNumber ?? 0xffffffff,
      serviceID: s?.serviceID ?? 0xffffffff,
      skillGroupNumber: s?.number ?? 0xffffffff,
      skillGroupID: s?.id ?? 0xffffffff,
      skillGroupPriority: s?.priority ?? 0,
    };
  }

  #beginProps(call: Call, device: string): Props {
    return {
      ...this.#conn(call, device),
      callType: call.callType,
      calledPartyDisposition: 0,
      ctiClients: [],
      ...this.callData(call),
    };
  }

  #beginCall(call: Call, device: string): void {
    if (call.began) return;
    call.began = true;
    this.#emitCall("BEGIN_CALL_EVENT", call, this.#beginProps(call, device));
  }

  /**
   * The call reaches an agent after it was announced (queued, deflected): the agent's client and
   * device monitors are associated with it now and get their BEGIN_CALL_EVENT (the guide: it
   * precedes any other event of the call); the sessions that had one get no second.
   */
  #beginCallFor(call: Call, a: Agent): void {
    if (!call.began) {
      this.#beginCall(call, a.extension);
      return;
    }
    this.#emit({
      name: "BEGIN_CALL_EVENT",
      props: {
        monitorID: 0,
        peripheralID: this.#o.peripheralID,
        peripheralType: PT_ENTERPRISE_AGENT,
        ...this.#beginProps(call, a.extension),
      },
      devices: [a.extension],
      callID: call.id,
      devicesOnly: true,
    });
  }

  // -------------------------------------------------------------------------------------------
  // the queue

  /** Calls announced as waiting for the call's service (CALL_QUEUED/DEQUEUED_EVENT NumQueued). */
  #numQueued(call: Call): number {
    let n = 0;
    for (const id of this.queue) {
      const q = this.calls.get(id);
      if (q?.queued && q.skill?.serviceID === call.skill?.serviceID) n++;
    }
    return Math.min(n, 0xffff);
  }

  /** The fields CALL_QUEUED_EVENT and CALL_DEQUEUED_EVENT share: the caller's connection, service, queues. */
  #queueProps(call: Call): Props {
    const s = call.skill;
    return {
      ...this.#conn(call, call.ani),
      serviceNumber: s?.serviceNumber ?? 0xffffffff,
      serviceID: s?.serviceID ?? 0xffffffff,
      // Chapter 7 (v10-13): the queue events carry QueueDeviceType DEVID_NONE and no QueueDeviceID.
      queueDeviceType: DEVID_NONE,
      numQueued: this.#numQueued(call),
      skillGroups: s ? [{ skillGroupNumber: s.number, skillGroupID: s.id, skillGroupPriority: s.priority }] : [],
    };
  }

  /**
   * The call waits for an agent: delivered at once if one is free, else announced (BEGIN_CALL_EVENT
   * to the sessions that see every call) and queued to its skill group.
   */
  #enqueue(call: Call): void {
    this.queue.push(call.id);
    this.#dispatchQueue();
    if (this.queue.includes(call.id)) {
      // room first (the oldest callers hang up), so that NumQueued stays within maxQueue
      while (this.queue.length > Math.max(1, this.#o.maxQueue)) this.#abandon(this.queue[0] as number);
      call.queued = true;
      this.#beginCall(call, call.ani);
      this.#emitCall("CALL_QUEUED_EVENT", call, {
        ...this.#queueProps(call),
        callingDeviceType: DEVID_TRUNK,
        callingDeviceID: call.ani,
        lastRedirectDeviceType: DEVID_NONE,
        localConnectionState: LCS.LCS_QUEUED,
        eventCause: CEC_NONE,
      });
    }
    while (this.queue.length > this.#o.maxQueue) this.#abandon(this.queue[0] as number); // maxQueue 0
  }

  /** The waiting caller hangs up before reaching an agent. */
  #abandon(id: number): void {
    const call = this.calls.get(id);
    if (call) this.#endCall(call, call.ani);
    else this.queue.splice(this.queue.indexOf(id), 1);
  }

  /**
   * The call leaves the queue: to an agent (its caller still connected) or because it ended.
   * CALL_DEQUEUED_EVENT only for a call announced as queued (not one an agent took at once).
   */
  #dequeue(call: Call, ended: boolean): void {
    const i = this.queue.indexOf(call.id);
    if (i >= 0) this.queue.splice(i, 1);
    if (!call.queued) return;
    call.queued = false;
    this.#emitCall("CALL_DEQUEUED_EVENT", call, {
      ...this.#queueProps(call),
      localConnectionState: ended ? LCS.LCS_NULL : LCS.LCS_CONNECT,
      eventCause: ended ? EventCause.CEC_CALL_CANCELLED : CEC_NONE,
    });
  }

  // -------------------------------------------------------------------------------------------
  // the script

  #login(a: Agent): void {
    this.#setState(a, AgentState.AGENT_STATE_LOGIN);
    this.#setState(a, AgentState.AGENT_STATE_NOT_READY);
  }

  #scriptAvailable(a: Agent): void {
    if (a.manual || !this.loggedIn(a) || this.callsOf(a).length > 0) return;
    if (a.state === AgentState.AGENT_STATE_AVAILABLE) return;
    this.#setState(a, AgentState.AGENT_STATE_AVAILABLE);
  }

  #newCall(callType: number): Call {
    const id = this.#nextCallID++;
    const call: Call = {
      id,
      callType,
      ani: "",
      dnis: "",
      dialedNumber: "",
      callerEnteredDigits: "",
      vars: ["", "", "", "", "", "", "", "", "", ""],
      ecc: [],
      wrapup: "",
      parties: [],
      routerCallKeyDay: 150000 + Math.floor(this.#o.clock.now() / 86400000) - 20000,
      began: false,
      ended: false,
    };
    this.calls.set(id, call);
    return call;
  }

  #arrive(): void {
    const call = this.#newCall(CallType.CALLTYPE_PREROUTE_ACD_IN);
    call.ani = `555${this.rng.digits(7)}`;
    call.dnis = String(this.rng.int(8000, 8009));
    call.dialedNumber = call.dnis;
    call.callerEnteredDigits = String(this.rng.int(1, 4));
    call.vars[0] = this.rng.digits(8); // account number
    call.vars[1] = call.callerEnteredDigits;
    call.vars[2] = this.rng.pick(["en-US", "fr-CA", "es-MX"]);
    call.ecc = [
      { name: ECC_NAMES[0] as string, value: `C${this.rng.digits(6)}` },
      { name: ECC_NAMES[1] as string, value: this.rng.pick(TIERS) },
      { name: ECC_NAMES[2] as string, value: this.rng.pick(INTENTS) },
    ];
    call.skill = this.rng.pick(SKILL_GROUPS);
    call.parties.push({ device: call.ani, deviceType: DEVID_TRUNK, state: LCS.LCS_CONNECT });
    this.#enqueue(call);
  }

  #dispatchQueue(): void {
    while (this.queue.length > 0) {
      const free = this.agents.filter(
        (a) => a.state === AgentState.AGENT_STATE_AVAILABLE && this.callsOf(a).length === 0,
      );
      if (free.length === 0) return;
      const call = this.calls.get(this.queue[0] as number);
      if (!call || call.ended) {
        this.queue.shift();
        continue;
      }
      this.#dequeue(call, false);
      const skilled = free.filter((a) => call.skill && a.skills.includes(call.skill));
      const agent = this.rng.pick(skilled.length > 0 ? skilled : free);
      this.#deliver(call, agent);
    }
  }

  #deliver(call: Call, a: Agent): void {
    const party: Party = { device: a.extension, deviceType: DEVID_DEVICE, agent: a, state: LCS.LCS_ALERTING };
    call.parties.push(party);
    this.#beginCallFor(call, a);
    this.#setState(a, AgentState.AGENT_STATE_RESERVED);
    this.#emitCall("CALL_DELIVERED_EVENT", call, {
      ...this.#conn(call, a.extension),
      lineHandle: 0,
      lineType: 0,
      ...this.#skillProps(call),
      alertingDeviceType: DEVID_DEVICE,
      alertingDeviceID: a.extension,
      callingDeviceType: DEVID_TRUNK,
      callingDeviceID: call.ani,
      calledDeviceType: DEVID_DEVICE,
      calledDeviceID: a.extension,
      lastRedirectDeviceType: 0xffff,
      localConnectionState: LCS.LCS_ALERTING,
      eventCause: CEC_NONE,
      trunkNumber: 1,
      trunkGroupNumber: 1,
      ...this.callData(call),
    });
    if (!a.manual) this.#after(this.#rand(this.#o.timing.ring), () => this.#scriptAnswer(call, a));
  }

  #scriptAnswer(call: Call, a: Agent): void {
    if (a.manual) return;
    const party = call.parties.find((p) => p.agent === a && p.state === LCS.LCS_ALERTING);
    if (!party || call.ended) return;
    this.#answer(call, party);
  }

  #answer(call: Call, party: Party): void {
    const a = party.agent as Agent;
    party.state = LCS.LCS_CONNECT;
    const caller = call.parties.find((p) => p !== party) ?? party;
    this.#emitCall("CALL_ESTABLISHED_EVENT", call, {
      ...this.#conn(call, a.extension),
      lineHandle: 0,
      lineType: call.consultOf !== undefined ? 2 : 0,
      ...this.#skillProps(call),
      answeringDeviceType: DEVID_DEVICE,
      answeringDeviceID: a.extension,
      callingDeviceType: caller.deviceType,
      callingDeviceID: caller.device,
      calledDeviceType: DEVID_DEVICE,
      calledDeviceID: a.extension,
      lastRedirectDeviceType: 0xffff,
      localConnectionState: LCS.LCS_CONNECT,
      eventCause: CEC_NONE,
      trunkNumber: 1,
      trunkGroupNumber: 1,
    });
    this.#refreshState(a);
    if (call.consultOf === undefined && !call.parties.some((p) => p.agent && p !== party)) {
      this.#scriptTalk(call, a);
    }
  }

  /** What a scripted agent does with an established call, and when the customer hangs up. */
  #scriptTalk(call: Call, a: Agent): void {
    const talk = this.#rand(this.#o.timing.talk);
    if (!a.manual && this.rng.chance(this.#o.holdChance)) {
      const at = Math.floor(talk / 3);
      this.#after(at, () => {
        const p = call.parties.find((x) => x.agent === a && x.state === LCS.LCS_CONNECT);
        if (!p || call.ended || a.manual) return;
        this.#hold(call, p);
        this.#after(this.#rand(this.#o.timing.hold), () => {
          if (call.ended || p.state !== LCS.LCS_HOLD || a.manual) return;
          this.#retrieve(call, p);
        });
      });
    } else if (!a.manual && this.rng.chance(this.#o.transferChance)) {
      this.#after(Math.floor(talk / 2), () => this.#scriptTransfer(call, a));
    }
    this.#after(talk + this.#o.timing.hold[1], () => {
      if (call.ended || !this.calls.has(call.id)) return;
      const customer = call.parties.find((p) => !p.agent);
      this.#endCall(call, customer?.device ?? call.ani);
    });
  }

  #scriptTransfer(call: Call, a: Agent): void {
    const p = call.parties.find((x) => x.agent === a && x.state === LCS.LCS_CONNECT);
    if (!p || call.ended || a.manual) return;
    const free = this.agents.filter(
      (b) => b !== a && !b.manual && b.state === AgentState.AGENT_STATE_AVAILABLE && this.callsOf(b).length === 0,
    );
    if (free.length === 0) return;
    const b = this.rng.pick(free);
    // single-step (blind) transfer inside the peripheral: A leaves, B is connected on the same call
    p.agent = b;
    p.device = b.extension;
    this.#emitCall(
      "CALL_TRANSFERRED_EVENT",
      call,
      {
        primaryDeviceIDType: 0,
        primaryCallID: call.id,
        primaryDeviceID: a.extension,
        lineHandle: 0,
        lineType: 0,
        ...this.#skillProps(call),
        secondaryDeviceIDType: 0,
        secondaryCallID: call.id,
        secondaryDeviceID: b.extension,
        transferringDeviceType: DEVID_DEVICE,
        transferringDeviceID: a.extension,
        transferredDeviceType: DEVID_DEVICE,
        transferredDeviceID: b.extension,
        localConnectionState: LCS.LCS_CONNECT,
        eventCause: EventCause.CEC_TRANSFER,
        ...this.#parties(call),
      },
      [a.extension],
    );
    this.#afterCall(a);
    this.#refreshState(b);
  }

  #parties(call: Call): Props {
    return {
      parties: call.parties.map((p) => ({
        connectedPartyCallID: call.id,
        connectedPartyDeviceIDType: 0,
        connectedPartyDeviceID: p.device,
      })),
    };
  }

  #hold(call: Call, p: Party): void {
    p.state = LCS.LCS_HOLD;
    this.#emitCall("CALL_HELD_EVENT", call, {
      ...this.#conn(call, p.device),
      holdingDeviceType: DEVID_DEVICE,
      holdingDeviceID: p.device,
      localConnectionState: LCS.LCS_HOLD,
      eventCause: CEC_NONE,
    });
    if (p.agent) this.#refreshState(p.agent);
  }

  #retrieve(call: Call, p: Party): void {
    p.state = LCS.LCS_CONNECT;
    this.#emitCall("CALL_RETRIEVED_EVENT", call, {
      ...this.#conn(call, p.device),
      retrievingDeviceType: DEVID_DEVICE,
      retrievingDeviceID: p.device,
      localConnectionState: LCS.LCS_CONNECT,
      eventCause: CEC_NONE,
    });
    if (p.agent) this.#refreshState(p.agent);
  }

  /** An agent's state from its connections; after its last call, wrap-up (or the pending state). */
  #refreshState(a: Agent): void {
    const mine = this.callsOf(a);
    if (mine.length === 0) return;
    let s: number;
    if (mine.some((c) => c.party.state === LCS.LCS_CONNECT || c.party.state === LCS.LCS_INITIATE)) {
      s = AgentState.AGENT_STATE_TALKING;
    } else if (mine.some((c) => c.party.state === LCS.LCS_ALERTING)) s = AgentState.AGENT_STATE_RESERVED;
    else s = AgentState.AGENT_STATE_HOLD;
    if (s !== a.state) this.#setState(a, s);
  }

  #afterCall(a: Agent): void {
    if (this.callsOf(a).length > 0) {
      this.#refreshState(a);
      return;
    }
    if (!this.loggedIn(a)) return;
    const next = a.pendingState ?? AgentState.AGENT_STATE_WORK_NOT_READY;
    a.pendingState = undefined;
    this.#setState(a, next);
    if (a.manual) return;
    this.#after(this.#rand(this.#o.timing.wrapup), () => {
      if (a.manual || this.callsOf(a).length > 0 || !this.loggedIn(a)) return;
      if (this.rng.chance(this.#o.notReadyChance)) {
        this.#setState(a, AgentState.AGENT_STATE_NOT_READY, this.rng.int(1, 9));
        this.#after(this.#rand(this.#o.timing.notReady), () => this.#scriptAvailable(a));
      } else this.#scriptAvailable(a);
    });
  }

  /** The call ends: the releasing connection clears, then the call, the agents' states, END_CALL. */
  #endCall(call: Call, releasingDevice: string): void {
    if (call.ended) return;
    // a caller hanging up (or a call cleared) while queued leaves the queue first
    this.#dequeue(call, true);
    call.ended = true;
    const agents = call.parties.filter((p) => p.agent).map((p) => p.agent as Agent);
    const rel = call.parties.find((p) => p.device === releasingDevice);
    this.#emitCall("CALL_CONNECTION_CLEARED_EVENT", call, {
      ...this.#conn(call, releasingDevice),
      releasingDeviceType: rel?.deviceType ?? DEVID_EXTERNAL,
      releasingDeviceID: releasingDevice,
      localConnectionState: LCS.LCS_NULL,
      eventCause: CEC_NONE,
    });
    const first = call.parties.find((p) => p.agent) ?? call.parties[0];
    this.#emitCall("CALL_CLEARED_EVENT", call, {
      ...this.#conn(call, first?.device ?? releasingDevice),
      localConnectionState: LCS.LCS_NULL,
      eventCause: CEC_NONE,
    });
    const devices = this.#agentDevices(call);
    call.parties = [];
    this.calls.delete(call.id);
    for (const a of agents) this.#afterCall(a);
    this.#emitCall("END_CALL_EVENT", call, { ...this.#conn(call, first?.device ?? releasingDevice) }, devices);
  }

  /** One party leaves; with fewer than two parties left the call ends. */
  #dropParty(call: Call, p: Party): void {
    if (call.parties.length <= 2) {
      this.#endCall(call, p.device);
      return;
    }
    const devices = this.#agentDevices(call);
    call.parties = call.parties.filter((x) => x !== p);
    this.#emitCall(
      "CALL_CONNECTION_CLEARED_EVENT",
      call,
      {
        ...this.#conn(call, p.device),
        releasingDeviceType: p.deviceType,
        releasingDeviceID: p.device,
        localConnectionState: LCS.LCS_NULL,
        eventCause: CEC_NONE,
      },
      devices,
    );
    if (p.agent) this.#afterCall(p.agent);
  }

  // -------------------------------------------------------------------------------------------
  // sessions

  /** A CLIENT_EVENTS session with CLIENT_CONTROL takes the agent over (or gives it back). */
  setManual(a: Agent, manual: boolean, sessionID: number): void {
    a.manual = manual;
    a.sessionID = manual || sessionID ? sessionID : 0;
    if (!manual && this.loggedIn(a) && this.callsOf(a).length === 0 && a.state !== AgentState.AGENT_STATE_AVAILABLE) {
      this.#after(this.#rand(this.#o.timing.notReady), () => this.#scriptAvailable(a));
    }
  }

  // -------------------------------------------------------------------------------------------
  // agent control

  queryAgentState(a: Agent, r: Reply) {
    const mine = this.callsOf(a);
    r.conf("QUERY_AGENT_STATE_CONF", {
      agentState: a.state,
      mrdid: 1,
      numTasks: mine.length,
      agentMode: 0,
      maxTaskLimit: 1,
      icmAgentID: a.icmAgentID,
      agentAvailabilityStatus: a.state === AgentState.AGENT_STATE_AVAILABLE ? 1 : 0,
      departmentID: 0,
      agentID: a.agentID,
      agentExtension: a.extension,
      agentInstrument: a.instrument,
      skillGroups: a.skills.map((s) => ({
        skillGroupNumber: s.number,
        skillGroupID: s.id,
        skillGroupPriority: s.priority,
        skillGroupState: a.state,
      })),
      maxBeyondTaskLimit: 0,
    });
  }

  setAgentState(a: Agent, req: { agentState: number; agentID?: string; eventReasonCode: number }, r: Reply) {
    const s = req.agentState;
    const S = AgentState;
    if (req.agentID && req.agentID !== a.agentID) return r.controlFailure(CF.CF_INVALID_AGENT_ID_SPECIFIED);
    if (s === S.AGENT_STATE_LOGIN) {
      if (this.loggedIn(a)) return r.controlFailure(CF.CF_SPECIFIED_AGENT_ALREADY_SIGNED_ON);
      r.conf("SET_AGENT_STATE_CONF");
      this.#login(a);
      if (!a.manual) this.#after(this.#rand(this.#o.timing.notReady), () => this.#scriptAvailable(a));
      return;
    }
    if (s > S.AGENT_STATE_NOT_ACTIVE) return r.controlFailure(CF.CF_VALUE_OUT_OF_RANGE);
    const settable: number[] = [
      S.AGENT_STATE_LOGOUT,
      S.AGENT_STATE_NOT_READY,
      S.AGENT_STATE_AVAILABLE,
      S.AGENT_STATE_WORK_NOT_READY,
      S.AGENT_STATE_WORK_READY,
    ];
    if (!settable.includes(s)) return r.controlFailure(CF.CF_INVALID_OBJECT_STATE);
    if (!this.loggedIn(a)) return r.controlFailure(CF.CF_INVALID_OBJECT_STATE);
    const onCall = this.callsOf(a).length > 0;
    if (s === S.AGENT_STATE_LOGOUT) {
      if (onCall) return r.controlFailure(CF.CF_INVALID_OBJECT_STATE);
      r.conf("SET_AGENT_STATE_CONF");
      this.#setState(a, S.AGENT_STATE_LOGOUT, req.eventReasonCode);
      return;
    }
    if (onCall) {
      // The state the agent enters when the call ends (AGENT_STATE_EVENT NextAgentState).
      r.conf("SET_AGENT_STATE_CONF");
      a.pendingState = s;
      this.#emitAgentState(a);
      return;
    }
    r.conf("SET_AGENT_STATE_CONF");
    this.#setState(a, s, s === S.AGENT_STATE_NOT_READY ? req.eventReasonCode : 0);
    if (!a.manual && s !== S.AGENT_STATE_AVAILABLE) {
      this.#after(this.#rand(this.#o.timing.notReady), () => this.#scriptAvailable(a));
    }
  }

  /** The call and this agent's connection on it, or a ControlFailureCode. */
  #connection(callID: number, device: string | undefined, a: Agent | undefined): { call: Call; party: Party } | number {
    const call = this.calls.get(callID);
    if (!call || call.ended) return CF.CF_INVALID_CSTA_CALL_IDENTIFIER;
    const party = call.parties.find(
      (p) => (device && p.device === device) || (!device && a !== undefined && p.agent === a),
    );
    if (!party) return CF.CF_INVALID_CSTA_CONNECTION_IDENTIFIER;
    if (a && party.agent !== a) return CF.CF_AGENT_NOT_PARTY_ON_CALL;
    return { call, party };
  }

  answerCall(a: Agent | undefined, callID: number, device: string | undefined, r: Reply) {
    const c = this.#connection(callID, device, a);
    if (typeof c === "number") return r.controlFailure(c);
    if (c.party.state !== LCS.LCS_ALERTING || !c.party.agent) return r.controlFailure(CF.CF_NO_CALL_TO_ANSWER);
    r.conf("ANSWER_CALL_CONF");
    this.#answer(c.call, c.party);
  }

  holdCall(a: Agent | undefined, callID: number, device: string | undefined, r: Reply) {
    const c = this.#connection(callID, device, a);
    if (typeof c === "number") return r.controlFailure(c);
    if (c.party.state !== LCS.LCS_CONNECT) return r.controlFailure(CF.CF_NO_ACTIVE_CALL);
    r.conf("HOLD_CALL_CONF");
    this.#hold(c.call, c.party);
  }

  retrieveCall(a: Agent | undefined, callID: number, device: string | undefined, r: Reply) {
    const c = this.#connection(callID, device, a);
    if (typeof c === "number") return r.controlFailure(c);
    if (c.party.state !== LCS.LCS_HOLD) return r.controlFailure(CF.CF_NO_HELD_CALL);
    r.conf("RETRIEVE_CALL_CONF");
    this.#retrieve(c.call, c.party);
  }

  clearCall(a: Agent | undefined, callID: number, device: string | undefined, r: Reply) {
    const call = this.calls.get(callID);
    if (!call || call.ended) return r.controlFailure(CF.CF_NO_CALL_TO_CLEAR);
    const c = this.#connection(callID, device, a);
    if (typeof c === "number")
      return r.controlFailure(c === CF.CF_INVALID_CSTA_CALL_IDENTIFIER ? CF.CF_NO_CALL_TO_CLEAR : c);
    r.conf("CLEAR_CALL_CONF");
    this.#endCall(call, c.party.device);
  }

  clearConnection(a: Agent | undefined, callID: number, device: string | undefined, r: Reply) {
    const c = this.#connection(callID, device, a);
    if (typeof c === "number") return r.controlFailure(CF.CF_NO_CONNECTION_TO_CLEAR);
    r.conf("CLEAR_CONNECTION_CONF");
    this.#dropParty(c.call, c.party);
  }

  #outboundParty(dialed: string): Party {
    const b = this.agentByDevice(dialed);
    if (b) return { device: b.extension, deviceType: DEVID_DEVICE, agent: b, state: LCS.LCS_ALERTING };
    return { device: dialed, deviceType: DEVID_EXTERNAL, state: LCS.LCS_ALERTING };
  }

  /** Originates a call from agent a to `dialed`: the far end rings, then answers. */
  #originate(a: Agent, call: Call, dialed: string): void {
    const me: Party = { device: a.extension, deviceType: DEVID_DEVICE, agent: a, state: LCS.LCS_INITIATE };
    const far = this.#outboundParty(dialed);
    call.parties.push(me);
    this.#beginCall(call, a.extension);
    this.#emitCall("CALL_SERVICE_INITIATED_EVENT", call, {
      ...this.#conn(call, a.extension),
      lineHandle: 1,
      lineType: 7,
      ...this.#skillProps(call),
      callingDeviceType: DEVID_DEVICE,
      callingDeviceID: a.extension,
      localConnectionState: LCS.LCS_INITIATE,
      eventCause: CEC_NONE,
    });
    this.#refreshState(a);
    this.#emitCall("CALL_ORIGINATED_EVENT", call, {
      ...this.#conn(call, a.extension),
      lineHandle: 1,
      lineType: 7,
      ...this.#skillProps(call),
      callingDeviceType: DEVID_DEVICE,
      callingDeviceID: a.extension,
      calledDeviceType: far.deviceType,
      calledDeviceID: dialed,
      localConnectionState: LCS.LCS_INITIATE,
      eventCause: CEC_NONE,
    });
    call.parties.push(far);
    const farAgent = far.agent;
    if (farAgent) this.#setState(farAgent, AgentState.AGENT_STATE_RESERVED);
    this.#emitCall("CALL_DELIVERED_EVENT", call, {
      ...this.#conn(call, far.device),
      lineHandle: 0,
      lineType: 2,
      ...this.#skillProps(call),
      alertingDeviceType: far.deviceType,
      alertingDeviceID: far.device,
      callingDeviceType: DEVID_DEVICE,
      callingDeviceID: a.extension,
      calledDeviceType: far.deviceType,
      calledDeviceID: dialed,
      lastRedirectDeviceType: 0xffff,
      localConnectionState: LCS.LCS_ALERTING,
      eventCause: CEC_NONE,
      ...this.callData(call),
    });
    const ring = this.#rand(this.#o.timing.ring);
    if (farAgent?.manual) return; // the called agent's client answers
    this.#after(ring, () => {
      if (call.ended || far.state !== LCS.LCS_ALERTING || !call.parties.includes(far)) return;
      if (farAgent) {
        this.#answer(call, far);
      } else {
        far.state = LCS.LCS_CONNECT;
        this.#emitCall("CALL_ESTABLISHED_EVENT", call, {
          ...this.#conn(call, far.device),
          lineHandle: 1,
          lineType: 7,
          ...this.#skillProps(call),
          answeringDeviceType: far.deviceType,
          answeringDeviceID: far.device,
          callingDeviceType: DEVID_DEVICE,
          callingDeviceID: a.extension,
          calledDeviceType: far.deviceType,
          calledDeviceID: far.device,
          lastRedirectDeviceType: 0xffff,
          localConnectionState: LCS.LCS_CONNECT,
          eventCause: CEC_NONE,
        });
      }
      if (me.state === LCS.LCS_INITIATE) me.state = LCS.LCS_CONNECT;
      if (call.consultOf === undefined) {
        // the far end hangs up after a while unless the agent clears first
        this.#after(this.#rand(this.#o.timing.talk), () => {
          if (!call.ended && this.calls.has(call.id)) this.#endCall(call, far.device);
        });
      }
    });
  }

  #checkDestination(dialed: string, a: Agent): number | undefined {
    if (!dialed) return CF.CF_INVALID_DESTINATION;
    const b = this.agentByDevice(dialed);
    if (b === a) return CF.CF_INVALID_CALLED_DEVICE;
    if (b && (!this.loggedIn(b) || this.callsOf(b).length > 0)) return CF.CF_RESOURCE_BUSY;
    return undefined;
  }

  makeCall(a: Agent, req: { dialedNumber: string; vars: Props; callType?: number }, r: Reply) {
    if (!this.loggedIn(a)) return r.controlFailure(CF.CF_INVALID_OBJECT_STATE);
    if (this.callsOf(a).some((c) => c.party.state !== LCS.LCS_HOLD) || a.state === AgentState.AGENT_STATE_RESERVED) {
      return r.controlFailure(CF.CF_INVALID_OBJECT_STATE);
    }
    const bad = this.#checkDestination(req.dialedNumber, a);
    if (bad !== undefined) return r.controlFailure(bad);
    const call = this.#newCall(req.callType ?? CallType.CALLTYPE_AGENT_OUT);
    call.ani = a.extension;
    call.dialedNumber = req.dialedNumber;
    call.dnis = req.dialedNumber;
    this.#applyData(call, req.vars);
    r.conf("MAKE_CALL_CONF", {
      newConnectionCallID: call.id,
      newConnectionDeviceIDType: 0,
      newConnectionDeviceID: a.extension,
      lineHandle: 1,
      lineType: 7,
    });
    this.#originate(a, call, req.dialedNumber);
  }

  consultationCall(
    a: Agent,
    req: { activeCallID: number; activeDevice?: string; dialedNumber: string; vars: Props; callType?: number },
    r: Reply,
  ) {
    const c = this.#connection(req.activeCallID, req.activeDevice, a);
    if (typeof c === "number") return r.controlFailure(c);
    if (c.party.state !== LCS.LCS_CONNECT) return r.controlFailure(CF.CF_NO_ACTIVE_CALL);
    const bad = this.#checkDestination(req.dialedNumber, a);
    if (bad !== undefined) return r.controlFailure(bad);
    const consult = this.#newCall(req.callType ?? CallType.CALLTYPE_CONSULT);
    consult.consultOf = c.call.id;
    consult.ani = a.extension;
    consult.dialedNumber = req.dialedNumber;
    consult.dnis = req.dialedNumber;
    consult.vars = [...c.call.vars];
    consult.ecc = c.call.ecc.map((v) => ({ ...v }));
    consult.skill = c.call.skill;
    this.#applyData(consult, req.vars);
    r.conf("CONSULTATION_CALL_CONF", {
      newConnectionCallID: consult.id,
      newConnectionDeviceIDType: 0,
      newConnectionDeviceID: a.extension,
      lineHandle: 1,
      lineType: 2,
    });
    this.#hold(c.call, c.party);
    this.#originate(a, consult, req.dialedNumber);
  }

  #heldAndActive(
    a: Agent,
    req: { heldCallID: number; activeCallID: number; heldDevice?: string; activeDevice?: string },
  ): { held: Call; heldParty: Party; active: Call; activeParty: Party } | number {
    const h = this.#connection(req.heldCallID, req.heldDevice, a);
    if (typeof h === "number") return h;
    if (h.party.state !== LCS.LCS_HOLD) return CF.CF_NO_HELD_CALL;
    const c = this.#connection(req.activeCallID, req.activeDevice, a);
    if (typeof c === "number") return c;
    if (c.call === h.call) return CF.CF_INVALID_CSTA_CALL_IDENTIFIER;
    if (c.party.state !== LCS.LCS_CONNECT && c.party.state !== LCS.LCS_INITIATE) return CF.CF_NO_ACTIVE_CALL;
    return { held: h.call, heldParty: h.party, active: c.call, activeParty: c.party };
  }

  /** Merges the consult call's far parties into the held call; the consult call ends. */
  #merge(held: Call, active: Call, a: Agent): Party[] {
    const moved = active.parties.filter((p) => p.agent !== a);
    active.parties = [];
    active.ended = true;
    this.calls.delete(active.id);
    for (const p of moved) held.parties.push(p);
    return moved;
  }

  transferCall(
    a: Agent,
    req: { heldCallID: number; activeCallID: number; heldDevice?: string; activeDevice?: string },
    r: Reply,
  ) {
    const x = this.#heldAndActive(a, req);
    if (typeof x === "number") return r.controlFailure(x);
    const devicesBefore = [...this.#agentDevices(x.held), ...this.#agentDevices(x.active)];
    const moved = this.#merge(x.held, x.active, a);
    x.held.parties = x.held.parties.filter((p) => p !== x.heldParty);
    const dest = moved[0];
    r.conf("TRANSFER_CALL_CONF", {
      newConnectionCallID: x.held.id,
      newConnectionDeviceIDType: 0,
      newConnectionDeviceID: dest?.device ?? "",
      lineHandle: 0,
      lineType: 0,
      ...this.#parties(x.held),
    });
    this.#emitCall(
      "CALL_TRANSFERRED_EVENT",
      x.held,
      {
        primaryDeviceIDType: 0,
        primaryCallID: x.held.id,
        primaryDeviceID: a.extension,
        lineHandle: 0,
        lineType: 0,
        ...this.#skillProps(x.held),
        secondaryDeviceIDType: 0,
        secondaryCallID: x.active.id,
        secondaryDeviceID: a.extension,
        transferringDeviceType: DEVID_DEVICE,
        transferringDeviceID: a.extension,
        transferredDeviceType: dest?.deviceType ?? 0xffff,
        transferredDeviceID: dest?.device,
        localConnectionState: LCS.LCS_NULL,
        eventCause: EventCause.CEC_TRANSFER,
        ...this.#parties(x.held),
      },
      devicesBefore,
    );
    this.#emitCall("END_CALL_EVENT", x.active, { ...this.#conn(x.active, a.extension) }, devicesBefore);
    for (const p of moved) {
      if (p.state === LCS.LCS_ALERTING && !p.agent) p.state = LCS.LCS_CONNECT;
      if (p.agent) {
        if (p.state === LCS.LCS_ALERTING) this.#answer(x.held, p);
        else this.#refreshState(p.agent);
      }
    }
    this.#afterCall(a);
    if (x.held.parties.length < 2) this.#endCall(x.held, dest?.device ?? a.extension);
  }

  conferenceCall(
    a: Agent,
    req: { heldCallID: number; activeCallID: number; heldDevice?: string; activeDevice?: string },
    r: Reply,
  ) {
    const x = this.#heldAndActive(a, req);
    if (typeof x === "number") return r.controlFailure(x);
    const devicesBefore = [...this.#agentDevices(x.held), ...this.#agentDevices(x.active)];
    const moved = this.#merge(x.held, x.active, a);
    x.heldParty.state = LCS.LCS_CONNECT;
    for (const p of moved) if (p.state === LCS.LCS_ALERTING && !p.agent) p.state = LCS.LCS_CONNECT;
    const added = moved[0];
    r.conf("CONFERENCE_CALL_CONF", {
      newConnectionCallID: x.held.id,
      newConnectionDeviceIDType: 0,
      newConnectionDeviceID: a.extension,
      lineHandle: 0,
      lineType: 0,
      ...this.#parties(x.held),
    });
    this.#emitCall(
      "CALL_CONFERENCED_EVENT",
      x.held,
      {
        primaryDeviceIDType: 0,
        primaryCallID: x.held.id,
        primaryDeviceID: a.extension,
        lineHandle: 0,
        lineType: 0,
        ...this.#skillProps(x.held),
        secondaryDeviceIDType: 0,
        secondaryCallID: x.active.id,
        secondaryDeviceID: a.extension,
        controllerDeviceType: DEVID_DEVICE,
        controllerDeviceID: a.extension,
        addedPartyDeviceType: added?.deviceType ?? 0xffff,
        addedPartyDeviceID: added?.device,
        localConnectionState: LCS.LCS_CONNECT,
        eventCause: CEC_NONE,
        ...this.#parties(x.held),
      },
      devicesBefore,
    );
    this.#emitCall("END_CALL_EVENT", x.active, { ...this.#conn(x.active, a.extension) }, devicesBefore);
    for (const p of moved) {
      if (p.agent) {
        if (p.state === LCS.LCS_ALERTING) this.#answer(x.held, p);
        else this.#refreshState(p.agent);
      }
    }
    this.#refreshState(a);
  }

  #applyData(call: Call, v: Props): void {
    for (let i = 1; i <= 10; i++) {
      const s = v[`callVariable${i}`];
      if (typeof s === "string") call.vars[i - 1] = s;
    }
    const nv = v.namedVariables;
    if (Array.isArray(nv)) {
      for (const item of nv as { name: string; value: string }[]) {
        const old = call.ecc.find((e) => e.name === item.name);
        if (old) old.value = item.value;
        else call.ecc.push({ name: item.name, value: item.value });
      }
    }
    if (typeof v.callWrapupData === "string") call.wrapup = v.callWrapupData;
    if (typeof v.ani === "string") call.ani = v.ani;
    if (typeof v.callerEnteredDigits === "string") call.callerEnteredDigits = v.callerEnteredDigits;
    if (typeof v.customerPhoneNumber === "string") call.customerPhoneNumber = v.customerPhoneNumber;
    if (typeof v.customerAccountNumber === "string") call.customerAccountNumber = v.customerAccountNumber;
    if (typeof v.callType === "number" && v.callType > 0) call.callType = v.callType;
  }

  /** SET_CALL_DATA_REQ; false when the call is unknown. */
  setCallData(callID: number, v: Props, r: Reply, extraDevices: string[] = []): boolean {
    const call = this.calls.get(callID);
    if (!call || call.ended) return false;
    this.#applyData(call, v);
    r.conf("SET_CALL_DATA_CONF");
    this.#emitCall(
      "CALL_DATA_UPDATE_EVENT",
      call,
      {
        ...this.#conn(call, call.parties.find((p) => p.agent)?.device ?? call.ani),
        callType: call.callType,
        newConnectionDeviceIDType: 0,
        newConnectionCallID: call.id,
        newConnectionDeviceID: call.parties.find((p) => p.agent)?.device ?? call.ani,
        calledPartyDisposition: 0,
        campaignID: 0,
        queryRuleID: 0,
        ctiClients: [],
        ...this.callData(call),
      },
      extraDevices,
    );
    return true;
  }

  snapshotCall(callID: number, r: Reply) {
    const call = this.calls.get(callID);
    if (!call || call.ended) return r.controlFailure(CF.CF_INVALID_CSTA_CALL_IDENTIFIER);
    r.conf("SNAPSHOT_CALL_CONF", {
      callType: call.callType,
      calledPartyDisposition: 0,
      ctiClients: [],
      ...this.callData(call),
      callDevices: call.parties.map((p) => ({
        callConnectionCallID: call.id,
        callConnectionDeviceIDType: 0,
        callConnectionDeviceID: p.device,
        callDeviceType: p.deviceType,
        callDeviceID: p.device,
        callDeviceConnectionState: p.state,
      })),
    });
  }

  snapshotDevice(device: string, r: Reply) {
    const a = this.agentByDevice(device);
    if (!a) return r.controlFailure(CF.CF_INVALID_CSTA_DEVICE_IDENTIFIER);
    r.conf("SNAPSHOT_DEVICE_CONF", {
      calls: this.callsOf(a).map(({ call, party }) => ({
        callConnectionCallID: call.id,
        callConnectionDeviceIDType: 0,
        callConnectionDeviceID: party.device,
        callState: party.state,
        silentMonitorStatus: 0,
      })),
    });
  }

  // -------------------------------------------------------------------------------------------
  // agent teams (Supervisor service)

  teamByID(id: number): Team | undefined {
    return this.teams.find((t) => t.id === id);
  }

  /** Teams the agent is a member of. */
  teamsOf(a: Agent): Team[] {
    return this.teams.filter((t) => t.members.includes(a));
  }

  teamsSupervisedBy(a: Agent): Team[] {
    return this.teams.filter((t) => t.supervisor === a);
  }

  /** AGENT_TEAM_CONFIG_EVENT for a team: its members (the primary supervisor flagged), or just `agents`. */
  teamConfigProps(team: Team, configOperation: number, agents: readonly Agent[] = team.members): Props {
    const now = this.#o.clock.now();
    return {
      peripheralID: this.#o.peripheralID,
      teamID: team.id,
      configOperation,
      departmentID: team.departmentID,
      agentTeamName: team.name,
      agents: agents.slice(0, 64).map((a) => ({
        atcAgentID: a.agentID,
        agentFlags: a === team.supervisor ? AGENT_FLAG_PRIMARY_SUPERVISOR | AGENT_FLAG_SUPERVISOR : 0,
        atcAgentState: a.state,
        atcStateDuration: Math.max(0, Math.floor((now - a.stateSince) / 1000)),
      })),
    };
  }

  /** Adds an agent to a team (AGENT_TEAM_CONFIG_EVENT "Add Agent" to its supervisors); false if unknown or already in. */
  addTeamMember(teamID: number, agentID: string): boolean {
    const t = this.teamByID(teamID);
    const a = this.findAgent({ agentID });
    if (!t || !a || t.members.includes(a)) return false;
    t.members.push(a);
    this.#emit({
      name: "AGENT_TEAM_CONFIG_EVENT",
      props: this.teamConfigProps(t, TEAM_CONFIG.ADD_AGENT, [a]),
      devices: [],
      teamID,
    });
    return true;
  }

  /** Removes an agent from a team (AGENT_TEAM_CONFIG_EVENT "Remove Agent"); false if not a member. */
  removeTeamMember(teamID: number, agentID: string): boolean {
    const t = this.teamByID(teamID);
    const a = this.findAgent({ agentID });
    const i = a && t ? t.members.indexOf(a) : -1;
    if (!t || !a || i < 0) return false;
    t.members.splice(i, 1);
    this.#emit({
      name: "AGENT_TEAM_CONFIG_EVENT",
      props: this.teamConfigProps(t, TEAM_CONFIG.REMOVE_AGENT, [a]),
      devices: [],
      teamID,
    });
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // more call control

  /** The agent's connected call (the one a supervisor or an assist request is about). */
  activeCallOf(a: Agent): Call | undefined {
    return this.callsOf(a).find((c) => c.party.state === LCS.LCS_CONNECT)?.call;
  }

  alternateCall(
    a: Agent | undefined,
    req: { activeCallID: number; activeDevice?: string; otherCallID: number; otherDevice?: string },
    r: Reply,
  ) {
    const act = this.#connection(req.activeCallID, req.activeDevice, a);
    if (typeof act === "number") return r.controlFailure(act);
    const other = this.#connection(req.otherCallID, req.otherDevice, a);
    if (typeof other === "number") return r.controlFailure(other);
    if (act.party.state !== LCS.LCS_CONNECT) return r.controlFailure(CF.CF_NO_ACTIVE_CALL);
    if (other.party.state !== LCS.LCS_HOLD) return r.controlFailure(CF.CF_NO_HELD_CALL);
    r.conf("ALTERNATE_CALL_CONF");
    this.#hold(act.call, act.party);
    this.#retrieve(other.call, other.party);
  }

  /** The active connection is cleared and the held one retrieved. */
  reconnectCall(
    a: Agent | undefined,
    req: { activeCallID: number; activeDevice?: string; heldCallID: number; heldDevice?: string },
    r: Reply,
  ) {
    const act = this.#connection(req.activeCallID, req.activeDevice, a);
    if (typeof act === "number") return r.controlFailure(act);
    const held = this.#connection(req.heldCallID, req.heldDevice, a);
    if (typeof held === "number") return r.controlFailure(held);
    if (held.party.state !== LCS.LCS_HOLD) return r.controlFailure(CF.CF_NO_HELD_CALL);
    if (act.call === held.call) return r.controlFailure(CF.CF_INVALID_CSTA_CALL_IDENTIFIER);
    r.conf("RECONNECT_CALL_CONF");
    this.#dropParty(act.call, act.party);
    if (held.call.parties.includes(held.party) && !held.call.ended) this.#retrieve(held.call, held.party);
  }

  /** An alerting call goes to another device: an agent (delivered there) or an outside number. */
  deflectCall(a: Agent | undefined, callID: number, device: string | undefined, called: string, r: Reply) {
    const c = this.#connection(callID, device, a);
    if (typeof c === "number") return r.controlFailure(c);
    if (c.party.state !== LCS.LCS_ALERTING || !c.party.agent) return r.controlFailure(CF.CF_INVALID_OBJECT_STATE);
    if (!called) return r.controlFailure(CF.CF_INVALID_DESTINATION);
    const from = c.party.agent;
    const to = this.agentByDevice(called);
    if (to === from) return r.controlFailure(CF.CF_INVALID_CALLED_DEVICE);
    if (to && (to.state !== AgentState.AGENT_STATE_AVAILABLE || this.callsOf(to).length > 0)) {
      return r.controlFailure(CF.CF_RESOURCE_BUSY);
    }
    r.conf("DEFLECT_CALL_CONF");
    const devices = this.#agentDevices(c.call);
    c.call.parties = c.call.parties.filter((p) => p !== c.party);
    this.#emitCall(
      "CALL_DIVERTED_EVENT",
      c.call,
      {
        ...this.#conn(c.call, from.extension),
        serviceNumber: c.call.skill?.serviceNumber ?? 0xffffffff,
        serviceID: c.call.skill?.serviceID ?? 0xffffffff,
        divertingDeviceType: DEVID_DEVICE,
        divertingDeviceID: from.extension,
        calledDeviceType: to ? DEVID_DEVICE : DEVID_EXTERNAL,
        calledDeviceID: called,
        localConnectionState: LCS.LCS_NULL,
        eventCause: EventCause.CEC_REDIRECTED,
      },
      devices,
    );
    // The deflecting agent never talked: back to available, not to wrap-up.
    this.#setState(from, AgentState.AGENT_STATE_AVAILABLE);
    if (to) this.#deliver(c.call, to);
    else c.call.parties.push({ device: called, deviceType: DEVID_EXTERNAL, state: LCS.LCS_CONNECT });
  }

  sendDTMF(a: Agent | undefined, callID: number, device: string | undefined, digits: string, r: Reply) {
    const c = this.#connection(callID, device, a);
    if (typeof c === "number") return r.controlFailure(c);
    if (c.party.state !== LCS.LCS_CONNECT) return r.controlFailure(CF.CF_NO_ACTIVE_CALL);
    if (!/^[0-9*#A-Da-d,]+$/.test(digits)) return r.controlFailure(CF.CF_INVALID_DESTINATION);
    r.conf("SEND_DTMF_SIGNAL_CONF");
  }

  /** The dialer places the call; once the customer answers it is queued for an agent like an arrival. */
  makePredictiveCall(req: { dialedNumber: string; vars: Props }, r: Reply) {
    if (!req.dialedNumber) return r.controlFailure(CF.CF_INVALID_DESTINATION);
    const call = this.#newCall(CallType.CALLTYPE_AUTO_OUT);
    call.ani = req.dialedNumber;
    call.dialedNumber = req.dialedNumber;
    call.dnis = req.dialedNumber;
    call.skill = SKILL_GROUPS[0];
    this.#applyData(call, req.vars);
    call.parties.push({ device: req.dialedNumber, deviceType: DEVID_EXTERNAL, state: LCS.LCS_CONNECT });
    r.conf("MAKE_PREDICTIVE_CALL_CONF", {
      newConnectionCallID: call.id,
      newConnectionDeviceIDType: 0,
      newConnectionDeviceID: req.dialedNumber,
      lineHandle: 0,
      lineType: 0,
    });
    this.#enqueue(call);
  }

  /**
   * SUPERVISE_CALL_REQ: the supervisor joins the agent's call to listen (monitor, whisper), to
   * talk (barge-in) or to take it over (intercept: the agent leaves), or leaves it (clear).
   * Returns a StatusCode on failure.
   */
  superviseCall(sup: Agent, call: Call, action: number, r: Reply): number | undefined {
    const mine = call.parties.find((p) => p.agent === sup);
    if (action === 0) {
      if (!mine) return 35; // E_CTI_NOT_CALL_PARTY
      r.conf("SUPERVISE_CALL_CONF", this.#conn(call, sup.extension));
      this.#dropParty(call, mine);
      return undefined;
    }
    if (action > 4) return 82; // E_CTI_INVALID_SUPERVISORY_ACTION
    if (mine) return 38; // E_CTI_INVALID_OBJECT_STATE: already on the call
    if (!this.loggedIn(sup) || this.callsOf(sup).length > 0) return 38;
    const agentParty = call.parties.find((p) => p.agent && p.agent !== sup && p.state === LCS.LCS_CONNECT);
    if (!agentParty) return 66; // E_CTI_NO_CALL_ACTIVE
    const party: Party = { device: sup.extension, deviceType: DEVID_DEVICE, agent: sup, state: LCS.LCS_CONNECT };
    const devices = this.#agentDevices(call);
    call.parties.push(party);
    r.conf("SUPERVISE_CALL_CONF", this.#conn(call, sup.extension));
    if (action >= 3) {
      // barge-in and intercept make the supervisor a conference party
      this.#emitCall(
        "CALL_CONFERENCED_EVENT",
        call,
        {
          primaryDeviceIDType: 0,
          primaryCallID: call.id,
          primaryDeviceID: agentParty.device,
          lineHandle: 0,
          lineType: 0,
          ...this.#skillProps(call),
          secondaryDeviceIDType: 0,
          secondaryCallID: call.id,
          secondaryDeviceID: sup.extension,
          controllerDeviceType: DEVID_DEVICE,
          controllerDeviceID: sup.extension,
          addedPartyDeviceType: DEVID_DEVICE,
          addedPartyDeviceID: sup.extension,
          localConnectionState: LCS.LCS_CONNECT,
          eventCause: CEC_NONE,
          ...this.#parties(call),
        },
        devices,
      );
    }
    this.#refreshState(sup);
    if (action === 4) this.#dropParty(call, agentParty);
    return undefined;
  }

  skillGroup(number: number, id: number): SkillGroup | undefined {
    return SKILL_GROUPS.find(
      (g) => (number !== 0xffffffff && g.number === number) || (id !== 0xffffffff && g.id === id),
    );
  }

  /** QUERY_SKILL_GROUP_STATISTICS_CONF's "now" counts from the model (the interval totals stay 0). */
  skillGroupStatistics(g: SkillGroup): Props {
    const S = AgentState;
    const members = this.agents.filter((a) => a.skills.includes(g) && this.loggedIn(a));
    const count = (st: number) => members.filter((a) => a.state === st).length;
    const queued = this.queue.map((id) => this.calls.get(id)).filter((c): c is Call => !!c && c.skill === g);
    return {
      peripheralID: this.#o.peripheralID,
      skillGroupNumber: g.number,
      skillGroupID: g.id,
      agentsLoggedOn: members.length,
      agentsAvail: count(S.AGENT_STATE_AVAILABLE),
      agentsNotReady: count(S.AGENT_STATE_NOT_READY),
      agentsReady: members.length - count(S.AGENT_STATE_NOT_READY),
      agentsTalkingIn: count(S.AGENT_STATE_TALKING),
      agentsWorkNotReady: count(S.AGENT_STATE_WORK_NOT_READY),
      agentsWorkReady: count(S.AGENT_STATE_WORK_READY),
      agentsReserved: count(S.AGENT_STATE_RESERVED),
      agentsHold: count(S.AGENT_STATE_HOLD),
      callsQNow: queued.length,
      longestCallQNow: 0,
      routerCallsQNow: 0,
    };
  }

  /** QUERY_AGENT_STATISTICS_CONF: the agent's current session so far (the other totals stay 0). */
  agentStatistics(a: Agent): Props {
    const secs = Math.max(0, Math.floor((this.#o.clock.now() - a.stateSince) / 1000));
    return {
      peripheralID: this.#o.peripheralID,
      loggedOnTimeSession: this.loggedIn(a) ? secs : 0,
      availTimeSession: a.state === AgentState.AGENT_STATE_AVAILABLE ? secs : 0,
      notReadyTimeSession: a.state === AgentState.AGENT_STATE_NOT_READY ? secs : 0,
      agentExtension: a.extension,
      agentID: a.agentID,
      agentInstrument: a.instrument,
    };
  }
}
