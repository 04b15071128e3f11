/**
 * ScanLayout of a MessageSpec: the scanner's tables generated from the schema (@ctiwire/protocol or
 * any CodecSchema), at run time on first use. Field indices are the schema's floating order, the
 * same as the codec's plans. The rules mirror the codec's plan compiler (packages/codec/src/plan/plan.ts):
 * a field's data size comes from its type, a field is "scalar" (a second occurrence of its tag moves
 * on to the next field with that tag) unless it is counted by another field or repeatable.
 */
import { type DataType, dataTypeSize, type MessageSpec } from "@ctiwire/protocol/core";
import type { ScanLayout } from "./index.js";
import { NUL_NAMEDARRAY, NUL_NAMEDVAR, NUL_NONE, NUL_STRING } from "./layout.js";

function nulMode(type: DataType): number {
  switch (type) {
    case "STRING":
      return NUL_STRING;
    case "NAMEDVAR":
      return NUL_NAMEDVAR;
    case "NAMEDARRAY":
      return NUL_NAMEDARRAY;
    default:
      return NUL_NONE;
  }
}

export function scanLayoutOf(spec: MessageSpec): ScanLayout {
  const fl = spec.floating;
  const n = fl.length;
  const fieldSize = new Uint8Array(n);
  const fieldNul = new Uint8Array(n);
  const fieldScalar = new Uint8Array(n);
  const fieldMax = new Uint32Array(n);
  const fieldNextSameTag = new Int16Array(n).fill(-1);
  let maxTag = 0;
  for (let i = 0; i < n; i++) {
    const f = fl[i]!;
    // As the codec: a floating APPPATHID or MHDR (none in the guides) is read as UNSPEC, sized by the field.
    fieldSize[i] = f.type === "APPPATHID" || f.type === "MHDR" ? 0 : dataTypeSize(f.type);
    fieldNul[i] = nulMode(f.type);
    const grouped = f.countField !== undefined && f.countField !== f.name;
    fieldScalar[i] = grouped || f.repeatable ? 0 : 1;
    fieldMax[i] = f.maxSize;
    if (f.tag > maxTag) maxTag = f.tag;
  }
  const tagSlot = new Int16Array(maxTag + 1).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const t = fl[i]!.tag;
    fieldNextSameTag[i] = tagSlot[t]!;
    tagSlot[t] = i;
  }
  return { fixedSize: spec.fixedSize, fieldSize, fieldNul, fieldScalar, fieldMax, fieldNextSameTag, tagSlot };
}
