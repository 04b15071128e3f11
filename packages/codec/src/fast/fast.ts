/**
 * The fast path of decoding: one generated function per plan for the common frame (lenient mode,
 * Latin-1, every floating field well formed and where the layout expects it). The tag dispatch is
 * a switch, values go to locals, and the object is assembled once at the end: no per-field table
 * lookups, no scratch arrays, no bookkeeping.
 *
 * It never decides anything on its own: at the first field that is not the plain case (a tag not
 * in the layout, a scalar field repeated, a wrong size, a field past the end, a NAMEDARRAY kept
 * raw, a STRING over its maximum or without a NUL: anything that raises a warning) it returns undefined and the general decoder (decode.ts) decodes the frame from the start,
 * with its rules and errors. So whatever it returns is what the general decoder returns for that
 * frame; a test compares the two on every vector and on mutated frames.
 */

import { isIdentifier } from "../plan/naming.js";
import {
  type FastDecoder,
  fixedReads,
  KIND_GROUP,
  KIND_LIST,
  numberExpr,
  OP_BOOL,
  OP_INT,
  OP_NAMEDARRAY,
  OP_NAMEDVAR,
  OP_STRING,
  OP_TASKID,
  OP_USHORT,
  opSize,
  type Plan,
} from "../plan/plan.js";

export type { FastDecoder };

/** What the generated code calls (bound once per decoder, so V8 can inline them). */
export interface FastHelpers {
  /** Latin-1 text of b[p, e) up to its first NUL; undefined when there is none (a warning: general path). */
  readonly str: (b: Uint8Array, p: number, e: number) => string | undefined;
  /** A NAMEDVAR/NAMEDARRAY value, or undefined where the general decoder keeps it raw. */
  readonly named: (
    ctx: unknown,
    plan: Plan,
    i: number,
    b: Uint8Array,
    p: number,
    e: number,
    at: number,
    isArray: boolean,
  ) => unknown;
  readonly TaskId: new (high: number, low: number, sequence: number) => unknown;
  /** A new empty array (no allocation site: see plain.ts). */
  readonly A: () => unknown[];
}

/**
 * Generates the fast decoder of a plan, or null: no code generation, no generated fixed reader,
 * nested groups (items holding lists: rare configuration messages), or a key that is not a plain
 * identifier.
 */
export function compileFastDecoder(plan: Plan, helpers: FastHelpers): FastDecoder | null {
  if (plan.fixedReader === null) return null; // no code generation here
  if (plan.groups.some((g) => g.parent >= 0)) return null;
  const n = plan.fieldOp.length;
  for (let i = 0; i < n; i++) if (!isIdentifier(plan.fieldKey[i]!)) return null;
  for (const g of plan.groups) if (!isIdentifier(g.key)) return null;

  const hdr = plan.headerSize;
  // The message is built once, at the end, by a constructor that takes the floating values too:
  // every property is set in the constructor (in-object, one shape per set of fields present).
  const fixed = fixedReads(plan.fixedKey, plan.fixedOp, plan.fixedOffset);
  if (fixed === null) return null;
  // The fixed part is read into locals by the decoder, after the floating walk (nothing to read when
  // it gives up), and the constructor only stores (measured: AGENT_STATE_EVENT ~360 -> ~300 ns
  // against a constructor that reads).
  const args: string[] = ["t"];
  const reads: string[] = [];
  const ctor: string[] = [`this.type=${JSON.stringify(plan.name)};this.messageType=t;`];
  fixed.forEach(([key, expr], k) => {
    reads.push(`const f${k}=${expr};`);
    args.push(`f${k}`);
    ctor.push(`this.${key}=f${k};`);
  });
  for (let i = 0; i < n; i++) if (plan.fieldKind[i] !== KIND_GROUP) args.push(`v${i}`);
  plan.groups.forEach((_g, gi) => {
    args.push(`a${gi}`);
  });
  plan.groups.forEach((g, gi) => {
    if (g.countFixed >= 0) ctor.push(`this.${g.key}=a${gi};`);
  });
  for (const e of plan.entries) {
    if (e >= 0) ctor.push(`if(v${e}!==undefined)this.${plan.fieldKey[e]}=v${e};`);
    else if (plan.groups[-e - 1]!.countFixed < 0)
      ctor.push(`if(a${-e - 1}!==undefined)this.${plan.groups[-e - 1]!.key}=a${-e - 1};`);
  }

  const L: string[] = [];
  L.push(`let pos=s+${plan.fixedSize},tag=0,len=0,p=0,e=0;`);
  for (let i = 0; i < n; i++) if (plan.fieldKind[i] !== KIND_GROUP) L.push(`let v${i};`);
  plan.groups.forEach((g, gi) => {
    L.push(g.countFixed >= 0 ? `const a${gi}=A();` : `let a${gi};`);
    if (!g.single) L.push(`let it${gi},lp${gi}=-1;`);
  });
  L.push("while(pos<end){");
  if (hdr === 4) {
    L.push("if(end-pos<4)return;tag=(b[pos]<<8)|b[pos+1];len=(b[pos+2]<<8)|b[pos+3];p=pos+4;");
  } else {
    L.push("if(end-pos<2)return;tag=b[pos];len=b[pos+1];p=pos+2;");
  }
  L.push("e=p+len;if(e>end)return;pos=e;switch(tag){");
  const tags = new Set<number>();
  for (let i = 0; i < n; i++) {
    const tag = plan.fieldTag[i]!;
    if (tags.has(tag)) continue; // the first field of a tag; a repeat goes to the general decoder
    tags.add(tag);
    const body = fieldCode(plan, i, hdr);
    if (body === null) return null;
    L.push(`case ${tag}:{${body}break;}`);
  }
  L.push("default:return;}}");
  L.push(`p=s;${reads.join("")}return new MF(${args.join(",")});`);

  // One item constructor per group: each kind of item gets its own shape, sized to its members.
  const items = plan.groups
    .map((g, gi) => (g.single ? "" : `function I${gi}(){}I${gi}.prototype=Object.prototype;`))
    .join("");
  const src =
    `"use strict";const {str,named,TaskId,A}=H;${items}` +
    `function MF(${args.join(",")}){${ctor.join("")}}MF.prototype=Object.prototype;` +
    `return function fast(b,s,end,t,c,P,base,r){${L.join("")}};`;
  try {
    return new Function("H", src)(helpers) as FastDecoder;
  } catch {
    return null;
  }
}

/** The code of one floating field (the first of its tag) inside the tag switch. */
function fieldCode(plan: Plan, i: number, hdr: number): string | null {
  const op = plan.fieldOp[i]!;
  const size = opSize(op);
  const max = plan.fieldMax[i]!;
  const check = size !== 0 ? `if(len!==${size})return;` : max > 0 ? `if(len>${max})return;` : "";
  // b[p], b[p+1], ...: the field's data bytes.
  const at = (from: number) => (k: number) => (from + k === 0 ? "b[p]" : `b[p+${from + k}]`);
  let value = numberExpr(op, at(0));
  switch (op) {
    case OP_STRING:
      return `${check}const s=str(b,p,e);if(s===undefined)return;${store(plan, i, "s")}`;
    case OP_BOOL:
      value = `(${numberExpr(OP_USHORT, at(0))})!==0`;
      break;
    case OP_TASKID:
      value = `new TaskId(${[0, 4, 8].map((o) => numberExpr(OP_INT, at(o))).join(",")})`;
      break;
    case OP_NAMEDVAR:
    case OP_NAMEDARRAY:
      // `at` (the field header's stream offset) only names the field in errors.
      return (
        `${check}const x=named(c,P,${i},b,p,e,base+(p-${hdr}-s),${op === OP_NAMEDARRAY});if(x===undefined)return;` +
        store(plan, i, "x")
      );
    default:
      value ??= "b.slice(p,e)";
      break;
  }
  return `${check}${store(plan, i, value)}`;
}

/** Where the value of field i goes: its local, its list, or its group. */
function store(plan: Plan, i: number, value: string): string {
  const kind = plan.fieldKind[i]!;
  if (kind === KIND_LIST) return `(v${i}??=A()).push(${value});`;
  if (kind !== KIND_GROUP) return `if(v${i}!==undefined)return;v${i}=${value};`;
  const g = plan.fieldGroup[i]!;
  const group = plan.groups[g]!;
  const arr = group.countFixed >= 0 ? `a${g}` : `(a${g}??=A())`;
  if (group.single) return `${arr}.push(${value});`;
  const gp = plan.fieldGroupPos[i]!;
  return (
    `const x=${value};if(it${g}===undefined||lp${g}>=${gp}){it${g}=new I${g}();${arr}.push(it${g});}` +
    `it${g}.${plan.fieldKey[i]}=x;lp${g}=${gp};`
  );
}
