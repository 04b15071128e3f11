/**
 * @ctiwire/bridge: every CTI event onto NATS JetStream. One process holds the CTI session of each
 * source it leads (a lease in NATS KV), publishes each event once, in order, with a GAP marker
 * wherever events were lost, keeps agent and call state in KV, and carries requests back.
 */
export { Bridge, type BridgeOptions } from "./bridge.js";
export {
  type BridgeConfig,
  CONFIG_SCHEMA,
  ConfigError,
  DEFAULTS,
  loadConfigFile,
  parseConfig,
  parseDurationMs,
  parseSize,
  redactedConfig,
  type SourceConfig,
} from "./config.js";
export { Lease, type LeaseValue } from "./lease.js";
export { Metrics } from "./metrics.js";
export { type GapEntry, gapJson } from "./publisher.js";
export { handleRequest, type RequestReply, RequestValidator } from "./requests.js";
export { type RunOptions, runBridge } from "./run.js";
export { agentKey, callKey } from "./state.js";
export { checkTemplate, compileTemplate, subjectMatches, tokenOf } from "./subject.js";
