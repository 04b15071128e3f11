/**
 * @ctiwire/client: a CTI Server (GED-188) session client for Node and Deno over TCP or TLS.
 */
export { AgentState } from "ctiwire";
export { buildMessage } from "./build.js";
export {
  type ClientEvent,
  type ClientEventMap,
  type ClientState,
  type ConnectOptions,
  CtiClient,
  type CtiClientOptions,
  connect,
  DEFAULT_PORTS,
  DEFAULT_TLS_PORTS,
  type OpenInfo,
  type PgStatus,
  parseEndpoint,
  pgStatusOf,
  type RequestFields,
  type RequestOptions,
  type ResponseOf,
  type SessionReset,
  STANDBY_ACTIVE_EVENT_TYPE,
  STOPPING_REQUESTS_TO_THIS_SIDE_IND_TYPE,
} from "./client.js";
export { type Clock, ManualClock, systemClock, type TimerHandle } from "./clock.js";
export { type ClientErrorCode, CtiClientError, isCtiClientError } from "./errors.js";
export { DEFAULT_DELAYS_MS, type ReconnectOptions, type ReconnectStep, reconnectPlan, type Side } from "./reconnect.js";
export { type Endpoint, frameOf } from "./session.js";
