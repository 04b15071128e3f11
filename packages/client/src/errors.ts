import { ControlFailureCode, StatusCode } from "ctiwire";

export type ClientErrorCode =
  /** The TCP connection (or TLS handshake) could not be made. */
  | "CONNECT_FAILED"
  /** The server refused OPEN_REQ with a FAILURE_CONF (`status`), or did not answer in time. */
  | "OPEN_FAILED"
  /** The connection dropped (or was reset by the client) while the request was outstanding. */
  | "CONNECTION_LOST"
  /** The session moved to the other side (active/standby switch) while the request was outstanding. */
  | "SIDE_SWITCHED"
  /** No confirmation within the request's timeout. */
  | "TIMEOUT"
  /** The server answered the request with FAILURE_CONF (`status`, `statusName`). */
  | "FAILURE_CONF"
  /** The server answered the request with CONTROL_FAILURE_CONF (`failureCode`, `failureName`, `peripheralErrorCode`). */
  | "CONTROL_FAILURE"
  /** No session is open (not yet connected, reconnecting, or the session is a standby session). */
  | "NOT_CONNECTED"
  /** The client was closed. */
  | "CLOSED"
  /** Three heartbeats went unconfirmed. */
  | "HEARTBEAT_TIMEOUT"
  /** The server answered a heartbeat with FAILURE_CONF. */
  | "HEARTBEAT_FAILED"
  /** The server sent FAILURE_EVENT E_CTI_CTI_SERVER_OFFLINE. */
  | "SERVER_OFFLINE"
  /** The byte stream could not be decoded (framing lost). */
  | "PROTOCOL_ERROR"
  /** The message cannot be built at this protocol version, or the options are inconsistent. */
  | "INVALID_REQUEST";

export interface ClientErrorDetails {
  side?: "A" | "B";
  invokeID?: number;
  request?: string;
  status?: number;
  failureCode?: number;
  peripheralErrorCode?: number;
  cause?: unknown;
}

/** Every rejection and error of the client is a CtiClientError; `code` says which. */
export class CtiClientError extends Error {
  override readonly name = "CtiClientError";
  readonly code: ClientErrorCode;
  readonly side?: "A" | "B";
  readonly invokeID?: number;
  /** The request message name (e.g. "SET_AGENT_STATE_REQ"). */
  readonly request?: string;
  /** FAILURE_CONF / FAILURE_EVENT Status, and its name (`E_CTI_...`). */
  readonly status?: number;
  readonly statusName?: string;
  /** CONTROL_FAILURE_CONF FailureCode, its name (`CF_...`) and PeripheralErrorCode. */
  readonly failureCode?: number;
  readonly failureName?: string;
  readonly peripheralErrorCode?: number;

  constructor(code: ClientErrorCode, message: string, details: ClientErrorDetails = {}) {
    super(message, details.cause !== undefined ? { cause: details.cause } : undefined);
    this.code = code;
    if (details.side !== undefined) this.side = details.side;
    if (details.invokeID !== undefined) this.invokeID = details.invokeID;
    if (details.request !== undefined) this.request = details.request;
    if (details.status !== undefined) {
      this.status = details.status;
      const n = StatusCode[details.status];
      if (n !== undefined) this.statusName = n;
    }
    if (details.failureCode !== undefined) {
      this.failureCode = details.failureCode;
      const n = ControlFailureCode[details.failureCode];
      if (n !== undefined) this.failureName = n;
    }
    if (details.peripheralErrorCode !== undefined) this.peripheralErrorCode = details.peripheralErrorCode;
  }
}

export function isCtiClientError(e: unknown, code?: ClientErrorCode): e is CtiClientError {
  return e instanceof CtiClientError && (code === undefined || e.code === code);
}

export function statusName(status: number): string {
  return StatusCode[status] ?? `status ${status}`;
}
