/**
 * Second readings of a layout, where Cisco's guides contradict each other and a server may follow
 * either. The schema's own reading (messageSpec) is the primary one; an alternate is used by lenient
 * decoding only for a frame whose size is exactly the alternate's fixed size and which the primary
 * reading cannot decode, and encoding produces it only for a message decoded that way.
 */
import { messageSpec } from "./spec.js";
import type { FixedFieldSpec, MessageSpec, ProtocolVersion } from "./types.js";

interface AlternateRecord {
  readonly name: string;
  readonly versions: readonly ProtocolVersion[];
  /** The fixed part after the header, as that reading prints it. */
  readonly fixed: readonly { name: string; type: "UINT" | "USHORT"; size: number }[];
  readonly why: string;
}

/**
 * FAILURE_CONF at v24/v25. The v24 and v25 guides (Ch 3, "Failure Indication Messages") print
 * InvokeID UINT 4, FailureCode USHORT 2, PeripheralErrorCode UINT 4: an 18-byte frame. The primary
 * reading keeps InvokeID + Status UINT 4 (16 bytes), as the v23 guide and every older one print it,
 * because: Chapter 7 of the v24 and v25 guides records no change to FAILURE_CONF, and a silent change
 * to the one reply every client must parse would break every client of older versions; the three
 * rows are exactly CONTROL_FAILURE_CONF's (a copy-paste slip); the v24/v25 session chapter still says
 * a FAILURE_CONF is "returned with the status code set to" E_CTI_...; FAILURE_EVENT keeps Status UINT
 * 4 in every edition; and the public CTI client implementations we found read InvokeID + Status UINT
 * (the Scala client nshimaza/uccertweb). A server that followed the v24 table literally would still
 * send a frame no primary reading can take (2 bytes left where a floating field header needs 4), so
 * that 18-byte frame is read as the table prints it; FailureCode ("A Status Code value specifying the
 * reason that the request failed") is kept under the name Status: one meaning, one property.
 */
const ALTERNATES: readonly AlternateRecord[] = [
  {
    name: "FAILURE_CONF",
    versions: [24, 25],
    fixed: [
      { name: "InvokeID", type: "UINT", size: 4 },
      { name: "Status", type: "USHORT", size: 2 },
      { name: "PeripheralErrorCode", type: "UINT", size: 4 },
    ],
    why: "The v24/v25 guides' FAILURE_CONF table (18 bytes); the primary reading is the v23 guide's (16 bytes).",
  },
];

const cache = new Map<string, MessageSpec | null>();

/**
 * The alternate reading of a message's layout at a version, or undefined where there is none. It
 * has the primary spec's type, name and floating part, and its own fixed part.
 */
export function alternateSpec(nameOrType: string | number, version: number): MessageSpec | undefined {
  const primary = messageSpec(nameOrType, version);
  if (primary === undefined) return undefined;
  const key = `${primary.name}@${version}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    const rec = ALTERNATES.find((a) => a.name === primary.name && a.versions.includes(primary.version));
    hit = rec === undefined ? null : build(primary, rec);
    cache.set(key, hit);
  }
  return hit ?? undefined;
}

function build(primary: MessageSpec, rec: AlternateRecord): MessageSpec {
  let offset = 8;
  const fixed: FixedFieldSpec[] = [primary.fixed[0]!];
  for (const f of rec.fixed) {
    fixed.push(Object.freeze({ name: f.name, type: f.type, size: f.size, offset }));
    offset += f.size;
  }
  return Object.freeze({
    ...primary,
    fixed: Object.freeze(fixed),
    fixedSize: offset,
    largestSize: primary.largestSize === undefined ? undefined : primary.largestSize - primary.fixedSize + offset,
    source: `${primary.source} (alternate reading: ${rec.why})`,
  });
}
