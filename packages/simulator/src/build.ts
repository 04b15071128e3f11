/**
 * The simulator's messages: one description of an event (a bag of properties) encoded at whatever
 * version a session speaks, through ctiwire's fillMessage (the one builder the client uses too).
 */
import {
  type EncodableMessage,
  encode,
  type FixedFieldSpec,
  fillMessage,
  messageSpec,
  type ProtocolVersion,
  zeroOf,
} from "ctiwire";

export type Props = Record<string, unknown>;

/** Fixed fields not given: "no device" (0xFFFF) for the device-type fields, the plain zero otherwise. */
function zero(f: FixedFieldSpec): unknown {
  if (f.type === "USHORT" && /DeviceType$|DeviceIDType$/.test(f.name)) return 0xffff;
  return zeroOf(f);
}

/** True when the message exists at the version. */
export function hasMessage(name: string, version: ProtocolVersion): boolean {
  return messageSpec(name, version) !== undefined;
}

/** The message object for `version`: fixed fields filled, properties the version lacks dropped. */
export function buildMessage(name: string, version: ProtocolVersion, props: Props): EncodableMessage | null {
  if (!hasMessage(name, version)) return null;
  return fillMessage(name, props, { version, zero });
}

/** buildMessage + encode; null when the message does not exist at the version. */
export function encodeMessage(name: string, version: ProtocolVersion, props: Props): Uint8Array | null {
  const m = buildMessage(name, version, props);
  return m ? encode(m, { version }) : null;
}
