import { type CtiMessage, fillMessage, isCtiProtocolError, type MessageName } from "./codec.js";
import { CtiClientError } from "./errors.js";

/**
 * A request for the session's protocol version from loose properties: ctiwire's fillMessage (every
 * fixed field filled from the properties, else `defaults`, else its zero; properties the version
 * lacks dropped; count fields left to the encoder), with the client's error for a message the
 * version does not have.
 */
export function buildMessage(
  name: MessageName,
  props: Record<string, unknown>,
  version: number,
  defaults: Record<string, unknown> = {},
): CtiMessage {
  try {
    return fillMessage(name, props, { version, defaults });
  } catch (e) {
    if (isCtiProtocolError(e) && (e.code === "MESSAGE_NOT_IN_VERSION" || e.code === "UNKNOWN_MESSAGE")) {
      throw new CtiClientError("INVALID_REQUEST", `${name} does not exist at protocol version ${version}`);
    }
    throw e;
  }
}
