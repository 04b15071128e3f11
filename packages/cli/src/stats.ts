// The live status of `ctiwire tail`: events/s, agents by state, calls in progress.
import type { ClientEvent } from "@ctiwire/client";
import { AgentState } from "ctiwire";

export class TailStats {
  events = 0;
  resets = 0;
  readonly agents = new Map<string, number>();
  readonly calls = new Set<number>();
  #window: number[] = [];
  side = "-";

  constructor(private readonly now: () => number = Date.now) {}

  add(e: ClientEvent): void {
    if (e.type === "SESSION_RESET") {
      // Events in the gap are lost; calls in progress are announced again by BEGIN_CALL_EVENTs.
      this.resets++;
      this.calls.clear();
      this.side = e.side;
      return;
    }
    this.events++;
    this.#window.push(this.now());
    switch (e.type) {
      case "AGENT_STATE_EVENT":
        if (e.agentID) this.agents.set(e.agentID, e.agentState);
        break;
      case "BEGIN_CALL_EVENT":
        this.calls.add(e.connectionCallID);
        break;
      case "END_CALL_EVENT":
        this.calls.delete(e.connectionCallID);
        break;
    }
  }

  /** Events in the last second. */
  rate(): number {
    const cutoff = this.now() - 1000;
    let i = 0;
    while (i < this.#window.length && (this.#window[i] as number) < cutoff) i++;
    if (i) this.#window.splice(0, i);
    return this.#window.length;
  }

  byState(): [string, number][] {
    const counts = new Map<string, number>();
    for (const s of this.agents.values()) {
      const n = (AgentState[s] ?? String(s)).replace(/^AGENT_STATE_/, "");
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]);
  }

  line(): string {
    const states = this.byState()
      .map(([n, c]) => `${n} ${c}`)
      .join(", ");
    return `side ${this.side} | ${this.events} events | ${this.rate()} ev/s | agents: ${states || "-"} | calls in progress: ${this.calls.size}${this.resets ? ` | resets: ${this.resets}` : ""}`;
  }
}
