// One readable line per event for `ctiwire tail`.
import type { CtiMessage } from "ctiwire";
import { describeValue } from "./dump.js";

/** Properties worth a glance, in the order shown; the guide's field name is used for value names. */
const SHOWN: [prop: string, label: string, field?: string][] = [
  ["agentID", "agent"],
  ["agentExtension", "ext"],
  ["agentState", "state", "AgentState"],
  ["connectionCallID", "call"],
  ["connectionDeviceID", "device"],
  ["callType", "type", "CallType"],
  ["ani", "ani"],
  ["dnis", "dnis"],
  ["dialedNumber", "dialed"],
  ["localConnectionState", "conn", "LocalConnectionState"],
  ["eventCause", "cause", "EventCause"],
  ["skillGroupNumber", "sg"],
  ["systemEventID", "event", "SystemEventID"],
  ["status", "status", "Status"],
  ["pgStatus", "pg", "PGStatus"],
  ["callVariable1", "cv1"],
  ["text", "text"],
];

const SKIP_ZERO = new Set(["skillGroupNumber", "pgStatus", "eventCause", "status"]);

function shortName(n: string): string {
  return n.replace(/^(AGENT_STATE_|CEC_|CALLTYPE_|LCS_|SYS_|E_CTI_|PGS_)/, "");
}

export function formatEvent(m: CtiMessage): string {
  const parts: string[] = [];
  const rec = m as unknown as Record<string, unknown>;
  for (const [prop, label, field] of SHOWN) {
    const v = rec[prop];
    if (v === undefined || v === "" || (SKIP_ZERO.has(prop) && v === 0)) continue;
    if (typeof v === "number" && field) {
      const name = describeValue(field, v);
      parts.push(`${label}=${name ? name.split("|").map(shortName).join("|") : v}`);
    } else if (typeof v === "string") parts.push(`${label}=${/\s/.test(v) ? JSON.stringify(v) : v}`);
    else if (typeof v === "number") parts.push(`${label}=${v}`);
  }
  const nv = rec.namedVariables;
  if (Array.isArray(nv) && nv.length) parts.push(`vars=${nv.length}`);
  if (m.type === "UNKNOWN") parts.push(`messageType=${m.messageType} (${m.body.length} bytes)`);
  return `${m.type}${parts.length ? ` ${parts.join(" ")}` : ""}`;
}

export function timeOfDay(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}
