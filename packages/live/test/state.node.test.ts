// The skill group counts a view keeps as agents change (SkillGroupTally) against a count made from
// scratch after every event, over a seeded run of agent state events.
import { AgentState } from "@ctiwire/protocol";
import { describe, expect, it } from "vitest";
import { type CallRecord, LiveState, type SkillGroupCounts, SkillGroupTally } from "../src/state.js";

/** A small seeded PRNG (mulberry32): the run is the same every time. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES = [
  AgentState.AGENT_STATE_AVAILABLE,
  AgentState.AGENT_STATE_TALKING,
  AgentState.AGENT_STATE_HOLD,
  AgentState.AGENT_STATE_NOT_READY,
  AgentState.AGENT_STATE_WORK_READY,
  AgentState.AGENT_STATE_RESERVED,
  AgentState.AGENT_STATE_LOGOUT,
];

const TALKING: number[] = [AgentState.AGENT_STATE_TALKING, AgentState.AGENT_STATE_HOLD, AgentState.AGENT_STATE_ACTIVE];

/** The counts from scratch: every agent in every skill group it has, by that group's state. */
function fromScratch(st: LiveState, calls: CallRecord[]): Record<number, SkillGroupCounts> {
  const out: Record<number, SkillGroupCounts> = {};
  const get = (sg: number) => {
    out[sg] ??= { ready: 0, talking: 0, notReady: 0, other: 0, queued: 0 };
    return out[sg];
  };
  for (const a of st.agents.values()) {
    for (const [sg, s] of Object.entries(a.skillGroups)) {
      const c = get(Number(sg));
      if (a.state === AgentState.AGENT_STATE_LOGOUT) continue;
      if (s === AgentState.AGENT_STATE_AVAILABLE) c.ready++;
      else if (TALKING.includes(s)) c.talking++;
      else if (s === AgentState.AGENT_STATE_NOT_READY) c.notReady++;
      else if (s !== AgentState.AGENT_STATE_LOGOUT) c.other++;
    }
  }
  for (const call of calls) for (const sg of call.queuedIn ?? []) get(sg).queued++;
  return out;
}

describe("SkillGroupTally", () => {
  it("keeps the same counts as a count from scratch, event after event", () => {
    const next = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const st = new LiveState();
    const tally = new SkillGroupTally();
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const m: Record<string, unknown> = {
        type: "AGENT_STATE_EVENT",
        peripheralID: 5000,
        agentID: String(1000 + Math.floor(next() * 40)),
        agentState: pick(STATES),
      };
      const r = next();
      if (r < 0.5) {
        m.skillGroupNumber = 100 + Math.floor(next() * 4);
        m.skillGroupState = pick(STATES);
      } else if (r < 0.7) {
        // the whole list: groups left out are gone (one may empty a skill group of its last agent)
        m.fltSkillGroups = [100, 101, 102, 103]
          .filter(() => next() < 0.4)
          .map((n) => ({ fltSkillGroupNumber: n, fltSkillGroupState: pick(STATES) }));
      }
      const ch = st.apply(m as never, i);
      if (ch?.agent) tally.update(ch.agent.key, ch.agent);
      if (i % 10 === 0) {
        const calls = [{ queuedIn: [100 + (i % 3)] }, { queuedIn: null }, { queuedIn: [104] }] as CallRecord[];
        expect(Object.fromEntries(tally.counts(calls))).toEqual(fromScratch(st, calls));
        compared++;
      }
    }
    expect(compared).toBe(300);
    expect(Object.fromEntries(st.skillGroupCounts())).toEqual(fromScratch(st, []));
    // an agent gone, and a clear
    const [key] = st.agents.keys();
    tally.update(key as string, undefined);
    st.agents.delete(key as string);
    expect(Object.fromEntries(tally.counts([]))).toEqual(fromScratch(st, []));
    tally.clear();
    expect(tally.counts([]).size).toBe(0);
  });
});
