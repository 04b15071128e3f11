/** One line of the event log per message. */
import { type Msg, stateName } from "../src/state.js";

export function summary(m: Msg): string {
  if (m.type === "AGENT_STATE_EVENT") {
    const sg =
      typeof m.skillGroupNumber === "number" && m.skillGroupNumber !== 0xffffffff ? ` sg ${m.skillGroupNumber}` : "";
    const reason =
      typeof m.eventReasonCode === "number" && m.eventReasonCode !== 0 ? ` reason ${m.eventReasonCode}` : "";
    return `${m.type} agent ${String(m.agentID ?? m.agentInstrument ?? "?")} → ${stateName(Number(m.agentState))}${sg}${reason}`;
  }
  if (typeof m.connectionCallID === "number") {
    const device =
      typeof m.connectionDeviceID === "string" && m.connectionDeviceID !== "" ? ` ${m.connectionDeviceID}` : "";
    return `${m.type} call ${m.connectionCallID}${device}`;
  }
  if (m.type === "SYSTEM_EVENT") return `${m.type} ${String(m.systemEventID)}`;
  if (m.type === "UNKNOWN") return `UNKNOWN message type ${String(m.messageType)}`;
  return m.type;
}
