/**
 * The constructors the generated layout and tag tables are written with: one short call per
 * record instead of an object literal, so that a page that bundles one protocol version ships
 * the data without a property name per field (the tables build the same GuideLayout and GuideTag
 * records as before, on first use of an edition).
 */
import type { DataType, GuideFixedField, GuideFloatingField, GuideLayout, GuideTag } from "./types.js";

const HEADER: GuideFixedField = Object.freeze({ name: "MessageHeader", type: "MHDR", size: 8 });

/** A layout: the MessageHeader, then `fixed`; source = its chapter file + heading (the name when omitted). */
export function layout(
  type: number,
  name: string,
  file: string,
  heading: string | 0,
  fixed: readonly GuideFixedField[],
  floating: readonly GuideFloatingField[] = [],
): GuideLayout {
  return {
    type,
    name,
    source: `${file}: ${heading === 0 ? name : heading}`,
    fixed: [HEADER, ...fixed],
    floating,
  };
}

/** A fixed-part field. */
export function fixed(name: string, type: DataType, size: number): GuideFixedField {
  return { name, type, size };
}

/** A floating-part field; `more` holds the rare attributes (count field, repeatable, alternative). */
export function floating(
  name: string,
  tagName: string,
  type: DataType,
  maxSize: number,
  required: 0 | 1,
  more?: { countField?: string; repeatable?: boolean; alternativeTo?: string; tag?: number },
): GuideFloatingField {
  return { name, tagName, type, maxSize, required: required === 1, ...more };
}

/** A tag of the Tag Values table. */
export function tag(number: number, name: string, type: DataType, maxSize: number): GuideTag {
  return { tag: number, name, type, maxSize };
}
