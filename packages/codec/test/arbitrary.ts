/**
 * fast-check arbitraries of valid messages, built from a compiled plan (so for every message type
 * at every version of the schema).
 */
import fc from "fast-check";
import type { Plan } from "../src/plan/plan.js";
import {
  KIND_LIST,
  OP_BOOL,
  OP_CHAR,
  OP_INT,
  OP_NAMEDARRAY,
  OP_NAMEDVAR,
  OP_SHORT,
  OP_STRING,
  OP_TASKID,
  OP_UCHAR,
  OP_UINT,
  OP_USHORT,
} from "../src/plan/plan.js";

type Obj = Record<string, unknown>;
type Arb = fc.Arbitrary<unknown>;

/** Latin-1 text without NUL, biased to printable ASCII. */
function text(maxBytes: number): fc.Arbitrary<string> {
  const ch = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 0xff }) },
  );
  return fc.array(ch, { maxLength: Math.max(0, maxBytes) }).map((a) => String.fromCharCode(...a));
}

const CAP = 40;

function valueArb(op: number, maxSize: number, fixedSize: number | undefined, maxField: number): Arb {
  switch (op) {
    case OP_UCHAR:
      return fc.integer({ min: 0, max: 0xff });
    case OP_CHAR:
      return fc.integer({ min: -0x80, max: 0x7f });
    case OP_USHORT:
      return fc.integer({ min: 0, max: 0xffff });
    case OP_SHORT:
      return fc.integer({ min: -0x8000, max: 0x7fff });
    case OP_UINT:
      return fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.constant(0xffffffff), fc.constant(0));
    case OP_INT:
      return fc.integer({ min: -0x80000000, max: 0x7fffffff });
    case OP_BOOL:
      return fc.boolean();
    case OP_TASKID:
      return fc.record({
        taskGroupHigh: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
        taskGroupLow: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
        sequenceNumber: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
      });
    case OP_STRING:
      if (fixedSize !== undefined) return text(fixedSize - 1);
      return text(Math.min(maxSize - 1, maxField - 1, CAP));
    case OP_NAMEDVAR:
      return fc.record({ name: text(32), value: text(CAP) });
    case OP_NAMEDARRAY:
      return fc.record({ index: fc.integer({ min: 0, max: 255 }), name: text(32), value: text(CAP) });
    default:
      if (fixedSize !== undefined) return fc.uint8Array({ minLength: fixedSize, maxLength: fixedSize });
      return fc.uint8Array({ maxLength: Math.min(maxSize, maxField, CAP) });
  }
}

/** Builds the fields of the message or of one group item (`entries`), all required ones present. */
function entriesArb(plan: Plan, entries: readonly number[], top: boolean, maxField: number): fc.Arbitrary<Obj> {
  const parts: fc.Arbitrary<[string, unknown][]>[] = [];
  const countOf = new Map<number, number>(); // group → floating count field
  for (let g = 0; g < plan.groups.length; g++) {
    const cf = plan.groups[g]!.countFloating;
    if (cf >= 0) countOf.set(g, cf);
  }
  const countFields = new Set(countOf.values());
  for (const e of entries) {
    if (e >= 0) {
      if (countFields.has(e)) continue; // written with its group
      const key = plan.fieldKey[e]!;
      const v = valueArb(plan.fieldOp[e]!, plan.fieldMax[e]!, undefined, maxField);
      if (plan.fieldKind[e] === KIND_LIST) {
        parts.push(fc.array(v, { minLength: 1, maxLength: 3 }).map((a) => [[key, a]] as [string, unknown][]));
        parts[parts.length - 1] = fc.option(parts[parts.length - 1]!, { nil: undefined }).map((x) => x ?? []);
      } else if (!top || plan.fieldRequired[e] === 1) {
        parts.push(v.map((x) => [[key, x]] as [string, unknown][]));
      } else {
        parts.push(
          fc.option(v, { nil: undefined }).map((x) => (x === undefined ? [] : [[key, x]]) as [string, unknown][]),
        );
      }
      continue;
    }
    const g = -e - 1;
    const group = plan.groups[g]!;
    const item: Arb = group.single
      ? valueArb(plan.fieldOp[group.members[0]!]!, plan.fieldMax[group.members[0]!]!, undefined, maxField)
      : entriesArb(plan, group.entries, false, maxField);
    const arr = fc.array(item, { maxLength: 3 });
    const cf = group.countFloating;
    if (group.countFixed >= 0) {
      parts.push(arr.map((a) => [[group.key, a]] as [string, unknown][]));
    } else if (cf >= 0 && entries.includes(cf)) {
      const countKey = plan.fieldKey[cf]!;
      const withCount = arr.map((a) => {
        const out: [string, unknown][] = [[countKey, a.length]];
        if (a.length > 0) out.push([group.key, a]);
        return out;
      });
      // Optional at the top level (absent count and list), always there in items.
      parts.push(
        top && plan.fieldRequired[cf] !== 1 ? fc.option(withCount, { nil: undefined }).map((x) => x ?? []) : withCount,
      );
    } else {
      parts.push(arr.map((a) => (a.length > 0 ? [[group.key, a]] : []) as [string, unknown][]));
    }
  }
  return fc.tuple(...parts).map((lists) => {
    const o: Obj = {};
    for (const list of lists) for (const [k, v] of list) o[k] = v;
    return o;
  });
}

/** A valid message of the plan, with count fields equal to the list lengths. */
export function messageArb(plan: Plan): fc.Arbitrary<Obj> {
  const maxField = plan.headerSize === 4 ? 0xffff : 0xff;
  const fixed: fc.Arbitrary<[string, unknown]>[] = [];
  for (let i = 0; i < plan.fixedOp.length; i++) {
    if (plan.fixedCountGroup[i]! >= 0) continue;
    const key = plan.fixedKey[i]!;
    fixed.push(valueArb(plan.fixedOp[i]!, 0, plan.fixedSizeOf[i]!, maxField).map((v) => [key, v] as [string, unknown]));
  }
  return fc.tuple(fc.tuple(...fixed), entriesArb(plan, plan.entries, true, maxField)).map(([fx, floating]) => {
    const m: Obj = { type: plan.name, messageType: plan.type };
    for (let i = 0; i < plan.fixedOp.length; i++) {
      const g = plan.fixedCountGroup[i]!;
      if (g >= 0) m[plan.fixedKey[i]!] = (floating[plan.groups[g]!.key] as unknown[]).length;
      else {
        const hit = fx.find(([k]) => k === plan.fixedKey[i]);
        m[plan.fixedKey[i]!] = hit![1];
      }
    }
    // Fixed first, then floating in schema order (decode's property order does not matter to toEqual).
    return { ...m, ...floating };
  });
}
