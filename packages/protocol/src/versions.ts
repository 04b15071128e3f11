/**
 * What depends on the protocol version alone: the floating-field framing and the size limits.
 *
 * Floating field framing. Up to protocol version 19 a floating field is a UCHAR tag, a UCHAR
 * length and the data (v17 guide, Ch 3 "Floating Fields": "The field begins with a one byte tag
 * ... Following the tag is a one byte field length"). From version 20 both are USHORTs (Ch 7,
 * "Protocol Version 20": "the floating field tag and length size changed from 1 byte to 2 byte
 * USHORT"; v23-v25 guides, Ch 3: Tag USHORT 2, FieldLength USHORT 2).
 */
import { PROTOCOL_VERSIONS, type ProtocolVersion } from "./types.js";

/** True for the protocol versions this library speaks (PROTOCOL_VERSIONS: the integers 17 to 25). */
export function isProtocolVersion(v: unknown): v is ProtocolVersion {
  return typeof v === "number" && PROTOCOL_VERSIONS.includes(v as ProtocolVersion);
}

/** Throws a RangeError for anything but a protocol version this library speaks. */
export function assertProtocolVersion(v: unknown): asserts v is ProtocolVersion {
  if (!isProtocolVersion(v)) {
    const shown =
      typeof v === "number" || typeof v === "bigint" ? String(v) : typeof v === "string" ? JSON.stringify(v) : typeof v;
    throw new RangeError(
      `unsupported CTI Server protocol version ${shown}: ctiwire speaks versions ${PROTOCOL_VERSIONS[0]} to ${PROTOCOL_VERSIONS[PROTOCOL_VERSIONS.length - 1]} (an integer)`,
    );
  }
}

/** Bytes of tag plus length in front of each floating field's data: 2 (UCHAR + UCHAR) up to v19, 4 (USHORT + USHORT) from v20. */
export function floatingHeaderSize(version: number): 2 | 4 {
  assertProtocolVersion(version);
  return version <= 19 ? 2 : 4;
}

/** The largest data length a floating field's length can carry: 255 (UCHAR) up to v19, 65535 (USHORT) from v20. */
export function maxFloatingFieldLength(version: number): 255 | 65535 {
  assertProtocolVersion(version);
  return version <= 19 ? 255 : 65535;
}

/**
 * The largest tag number the tag subfield can carry: 255 (UCHAR) up to v19, 65535 (USHORT) from v20.
 * (The guides' tags stop at 255 before v20; INTERNAL_AGENT_STATE_TAG, 255, came in v19 and
 * SSO_ENABLED_TAG, 257, in v20.)
 */
export function maxTagNumber(version: number): 255 | 65535 {
  assertProtocolVersion(version);
  return version <= 19 ? 255 : 65535;
}

/**
 * "The length of the largest possible message (including the message header) defined by this
 * protocol" (Ch 3, "Message Types"), per protocol version, in bytes.
 *
 * Printed values we could read: 4329 in the v9 (7.0), v14 (8.0), v15 (8.5(1) and 9.0(1)) guides
 * (manualsbrain.com 1709848 p.29, 1631983 p.25; 38.142.81.21 v15 mirror p.25); 12500 in the v23,
 * v24 and v25 guides (shared/spec, 03-messaging-conventions.md, "Message Types"). The Ch 3 opening
 * page of the v17-v22 guides was not found in the stored copies (the v17 guide's other pages are
 * there: manualsbrain.com 1632001/1632002), so those values are reasoned, not read:
 *
 * - 17-19: 4329, carried from v15. Up to v19 a floating field is at most 2 + 255 bytes, and
 *   Chapter 7 records no change between v15 and v19 that enlarges messages beyond what 4329 was
 *   computed for (v16-v19 add a few small fields, the ClientAddress 16 -> 64 of v19 in messages
 *   far below the limit).
 * - 20-22: 12500. Version 20 is the version that made floating fields longer than 255 bytes
 *   possible (USHORT lengths) and that grew LoginName to 255; 12500 is the only value printed
 *   after it, and a receiver that allows 12500 at v20-v22 accepts everything those versions
 *   can send (a smaller true limit would make it lenient, never wrong).
 * - 23-25: 12500, printed.
 */
export const MAX_MESSAGE_SIZE: Readonly<Record<ProtocolVersion, number>> = Object.freeze({
  17: 4329, // reasoned: the v15 (8.5/9.0) guide's 4329; the v17 Ch 3 page was not found
  18: 4329, // reasoned: as 17 (v18 was internal only: Ch 7 adds only tags 247-254)
  19: 4329, // reasoned: as 17
  20: 12500, // reasoned: first version with USHORT floating lengths; value printed from v23 on
  21: 12500, // reasoned: as 20
  22: 12500, // reasoned: as 20
  23: 12500, // printed: v23 guide (12.5(1)), Ch 3 "Message Types"
  24: 12500, // printed: v24 guide (12.6(1)), Ch 3 "Message Types"
  25: 12500, // printed: v25 guide (15.0(1)), Ch 3 "Message Types"
});

/** The largest frame, header included, at a protocol version (see MAX_MESSAGE_SIZE). */
export function maxMessageSize(version: number): number {
  assertProtocolVersion(version);
  return MAX_MESSAGE_SIZE[version];
}
