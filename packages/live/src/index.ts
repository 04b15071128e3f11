/**
 * @ctiwire/live: a supervisor wallboard in the browser. The server (`startLiveServer`, what
 * `ctiwire serve` runs) holds one CTI session and fans its raw frames out over WebSocket; the page
 * (built into dist/page) decodes them with ctiwire and shows agents, skill groups, calls and events.
 */
export {
  isLoopback,
  LiveServer,
  type LiveServerOptions,
  type NatsPageConfig,
  startLiveServer,
} from "./server.js";
export {
  type AgentRecord,
  type CallRecord,
  type Category,
  type Change,
  categoryOf,
  LiveState,
  type LiveStateOptions,
  type Msg,
  type SkillGroupCounts,
  SkillGroupTally,
  type Snapshot,
  stateName,
} from "./state.js";
export * from "./wire.js";
