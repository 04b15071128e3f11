/**
 * @ctiwire/simulator: a scripted Cisco CTI Server (GED-188) over TCP, protocol versions 17 to 25,
 * for tests and demos. Node (node:net, node:tls); Deno through its node: compatibility.
 */
export { buildMessage, encodeMessage, hasMessage } from "./build.js";
export { ManualClock, type SimulatorClock, systemClock } from "./clock.js";
export {
  type Agent,
  agentStateMaskBit,
  CALL_EVENT_MASK_BITS,
  type Call,
  ContactCenter,
  DEFAULT_TIMING,
  type SimEvent,
  type SkillGroup,
  type Timing,
} from "./contact-center.js";
export { Rng } from "./rng.js";
export {
  type DropOptions,
  type RequestInfo,
  type SessionCloseInfo,
  type SessionInfo,
  type Side,
  Simulator,
  type SimulatorOptions,
  type SimulatorStats,
  startSimulator,
  type WireBytes,
  type WireEnd,
  type WireInfo,
} from "./server.js";
