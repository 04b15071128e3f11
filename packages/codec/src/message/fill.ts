/**
 * fillMessage: a message object for one protocol version from loose properties, for code that speaks
 * several versions with one call site (the session client's requests, the simulator's events). Every
 * fixed field of the version's layout gets its value (given, else `defaults`, else `zero(field)`, by
 * default 0 / "" / false / empty bytes); count fields left out stay out (the encoder counts the
 * list); floating properties the version's layout has are kept, the others dropped.
 */
import type { FixedFieldSpec } from "@ctiwire/protocol/core";
import type { CodecOptions } from "../plan/options.js";
import { resolveContext } from "../plan/options.js";
import { noPlanError, type Plan, planByName } from "../plan/plan.js";
import type { CtiMessage } from "./generated/messages.js";

export interface FillOptions extends CodecOptions {
  /** Values for properties left out (fixed or floating). */
  readonly defaults?: Readonly<Record<string, unknown>> | undefined;
  /** The value of a fixed field that neither the properties nor `defaults` give (default: zeroOf). */
  readonly zero?: ((field: FixedFieldSpec) => unknown) | undefined;
}

/** The plain zero of a fixed field's type. */
export function zeroOf(field: FixedFieldSpec): unknown {
  switch (field.type) {
    case "STRING":
      return "";
    case "BOOL":
      return false;
    case "UNSPEC":
    case "APPPATHID":
      return new Uint8Array(0);
    case "TASKID":
      return { taskGroupHigh: 0, taskGroupLow: 0, sequenceNumber: 0 };
    default:
      return 0;
  }
}

/** What filling needs of a plan, worked out once per plan (the simulator fills every event it sends). */
interface FillShape {
  /** Fixed fields (header excluded): property, field, and whether it counts a list (left to the encoder). */
  readonly fixed: readonly { key: string; field: FixedFieldSpec; count: boolean }[];
  /** Lists counted by a fixed field: always there, as decoding gives them. */
  readonly lists: readonly string[];
}

const shapes = new WeakMap<Plan, FillShape>();

function shapeOf(plan: Plan): FillShape {
  let shape = shapes.get(plan);
  if (shape === undefined) {
    shape = {
      fixed: plan.fixedKey.map((key, i) => ({
        key,
        field: plan.spec.fixed.find((f) => f.name === plan.fixedName[i])!,
        count: plan.fixedCountGroup[i]! >= 0,
      })),
      lists: plan.groups.filter((g) => g.countFixed >= 0 && g.parent < 0).map((g) => g.key),
    };
    shapes.set(plan, shape);
  }
  return shape;
}

/**
 * The message `name` at `options.version`, filled from `props`. Throws MESSAGE_NOT_IN_VERSION (or
 * UNKNOWN_MESSAGE) when the version has no layout for it.
 */
export function fillMessage(name: string, props: Readonly<Record<string, unknown>>, options: FillOptions): CtiMessage {
  const ctx = resolveContext(options);
  const plan = planByName(ctx.cache, ctx.version, name);
  if (plan === null) throw noPlanError(ctx.cache, ctx.version, name);
  const shape = shapeOf(plan);
  const defaults = options.defaults ?? {};
  const zero = options.zero ?? zeroOf;
  const out: Record<string, unknown> = { type: name };
  for (const { key, field, count } of shape.fixed) {
    const v = props[key] !== undefined ? props[key] : defaults[key];
    if (v !== undefined) out[key] = v;
    else if (!count) out[key] = zero(field);
  }
  // The floating fields and lists the version has (plan.keys: every top-level property).
  for (const source of [props, defaults]) {
    for (const [k, v] of Object.entries(source)) {
      if (v !== undefined && plan.keys.has(k) && !Object.hasOwn(out, k)) out[k] = v;
    }
  }
  for (const key of shape.lists) if (!Object.hasOwn(out, key)) out[key] = [];
  return out as unknown as CtiMessage;
}
