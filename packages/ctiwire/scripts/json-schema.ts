/**
 * JSON Schemas (draft 2020-12) of what ctiwire emits as JSON: `messageToJSON(decode(frame, { version }))`,
 * one schema per protocol version, written to json-schema/v<N>.json by gen-json-schema.ts.
 *
 * Nothing here restates the protocol: message names, type numbers, fields and their data types come
 * from @ctiwire/protocol (messageSpecs, alternateSpec through the plans), and property names, counted
 * lists, nesting and which fields the decoder keeps as bytes come from the codec's own compiled plans
 * (@ctiwire/codec/internal: the plans decode builds messages with). What is the codec's rather than the
 * protocol's is stated here: the JSON shape of each data type (messageToJSON: bytes as lower-case hex;
 * values.ts: NAMEDVAR, NAMEDARRAY, TASKID), and the warning codes (checked against CtiWarning by tsc).
 *
 * Design:
 * - The top level dispatches on `type` with one `if`/`then` per message type (`allOf`), not a
 *   `oneOf`: any validator then checks a message against its own type's schema only, errors name the
 *   offending property instead of listing every type's mismatch, and no validator extension (ajv's
 *   `discriminator`) is needed. `type` must be one of the version's message names or "UNKNOWN". (In
 *   ajv the chain costs about as much as the message's own checks; a caller that knows the type can
 *   validate against `#/$defs/<TYPE>` directly.)
 * - Per message (`$defs/<NAME>`): `type` and `messageType` are constants; fixed fields and the lists
 *   counted by a fixed field are required (the decoder always sets them); floating fields, lists and
 *   groups counted by a floating field are optional; `unknownFields` and `warnings` are allowed;
 *   nothing else is (`additionalProperties: false`, also in group items).
 * - Numbers carry their type's integer range. STRING has no maxLength: lenient decoding accepts
 *   strings longer than the guide's maximum (with a STRING_TOO_LONG warning), and a Latin-1 or UTF-8
 *   string's length in characters is not its length in bytes. Byte fields (UNSPEC, APPPATHID, a fixed
 *   field whose size is not its type's) are hex strings: exactly the field's size in the fixed part,
 *   at most its maximum in the floating part (lenient decoding rejects longer ones too).
 * - A layout with an alternate reading (FAILURE_CONF at v24/v25: @ctiwire/protocol alternateSpec)
 *   accepts either reading: the one with the property only the alternate has, or the primary one.
 * - `UNKNOWN` (a type number with no layout at the version): `messageType` is any other number.
 */
import type { CtiWarning } from "@ctiwire/codec/core";
import {
  KIND_LIST,
  OP_NAMEDARRAY,
  OP_NAMEDVAR,
  OP_STRING,
  opSize,
  type Plan,
  planByType,
  resolveContext,
} from "@ctiwire/codec/internal";
import {
  type DataType,
  dataTypeSize,
  floatingHeaderSize,
  maxFloatingFieldLength,
  messageSpecs,
  PROTOCOL_VERSIONS,
  type ProtocolVersion,
} from "@ctiwire/protocol";

/** A JSON Schema (object form). */
export type JsonSchema = { [keyword: string]: unknown };

export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** The folder of the schemas in the package, and each version's file name in it. */
export const JSON_SCHEMA_DIR = "json-schema";
export function jsonSchemaFileName(version: number): string {
  return `v${version}.json`;
}

/** Every warning code of CtiWarning (a code added to the codec's type fails tsc here until listed). */
const WARNING_CODES: Record<CtiWarning["code"], true> = {
  STRING_TOO_LONG: true,
  STRING_NOT_TERMINATED: true,
  FIELD_TOO_SHORT: true,
  ALTERNATE_LAYOUT: true,
};

/** Data types read as numbers: signed ones are two's complement; the size is @ctiwire/protocol's. */
const INTEGER_TYPES = {
  UCHAR: false,
  CHAR: true,
  USHORT: false,
  SHORT: true,
  UINT: false,
  INT: true,
  TIME: false,
} as const satisfies Partial<Record<DataType, boolean>>;
type IntegerType = keyof typeof INTEGER_TYPES;

/** `$defs` names of the value shapes (lower case: message names are upper case). */
const VALUE_DEF: Partial<Record<DataType, string>> = {
  UCHAR: "uchar",
  CHAR: "char",
  USHORT: "ushort",
  SHORT: "short",
  UINT: "uint",
  INT: "int",
  TIME: "time",
  BOOL: "bool",
  STRING: "string",
  NAMEDVAR: "namedVariable",
  NAMEDARRAY: "namedArray",
  TASKID: "taskId",
};

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

/** JSON Schema's conditional: `{ if, then[, else] }`. */
function conditional(condition: JsonSchema, then: JsonSchema, otherwise?: JsonSchema): JsonSchema {
  const schema: JsonSchema = { if: condition, then };
  if (otherwise !== undefined) schema.else = otherwise;
  return schema;
}

function integerRange(type: IntegerType): JsonSchema {
  const bits = dataTypeSize(type) * 8;
  if (bits === 0) throw new Error(`json-schema: no size for ${type}`);
  const signed = INTEGER_TYPES[type];
  return {
    type: "integer",
    minimum: signed ? -(2 ** (bits - 1)) : 0,
    maximum: signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1,
  };
}

/** The value shapes every message refers to, and the envelope's unknownFields and warnings. */
function valueDefs(version: ProtocolVersion): Record<string, JsonSchema> {
  const defs: Record<string, JsonSchema> = {};
  for (const type of Object.keys(INTEGER_TYPES) as IntegerType[]) {
    defs[VALUE_DEF[type]!] = { description: type, ...integerRange(type) };
  }
  defs.bool = { description: "BOOL", type: "boolean" };
  defs.string = {
    description: "STRING (no maxLength: lenient decoding accepts over-long strings, with a STRING_TOO_LONG warning)",
    type: "string",
  };
  defs.hex = { description: "bytes as lower-case hex (messageToJSON)", type: "string", pattern: "^(?:[0-9a-f]{2})*$" };
  defs.namedVariable = {
    description: "NAMEDVAR",
    type: "object",
    required: ["name", "value"],
    properties: { name: { type: "string" }, value: { type: "string" } },
    additionalProperties: false,
  };
  defs.namedArray = {
    description: "NAMEDARRAY",
    type: "object",
    required: ["index", "name", "value"],
    properties: { index: ref("uchar"), name: { type: "string" }, value: { type: "string" } },
    additionalProperties: false,
  };
  defs.taskId = {
    description: "TASKID",
    type: "object",
    required: ["taskGroupHigh", "taskGroupLow", "sequenceNumber"],
    properties: { taskGroupHigh: ref("int"), taskGroupLow: ref("int"), sequenceNumber: ref("int") },
    additionalProperties: false,
  };
  // A floating field's tag and length are UCHARs up to v19, USHORTs from v20.
  const tagBits = (floatingHeaderSize(version) / 2) * 8;
  defs.unknownFields = {
    description: "floating fields whose tag is not in the message's layout (lenient decoding)",
    type: "array",
    items: {
      type: "object",
      required: ["tag", "data"],
      properties: {
        tag: { type: "integer", minimum: 0, maximum: 2 ** tagBits - 1 },
        data: { type: "string", $ref: "#/$defs/hex", maxLength: 2 * maxFloatingFieldLength(version) },
      },
      additionalProperties: false,
    },
  };
  const count = { type: "integer", minimum: 0 };
  defs.warnings = {
    description: "what lenient decoding accepted although the guide forbids it",
    type: "array",
    items: {
      type: "object",
      required: ["code", "field", "tag", "offset", "length"],
      properties: {
        code: { enum: Object.keys(WARNING_CODES) },
        field: { type: "string" },
        tag: count,
        offset: count,
        length: count,
        maximum: count,
      },
      additionalProperties: false,
    },
  };
  return defs;
}

/**
 * The JSON shape of a field: by its data type where the plan reads it as that type (op), else bytes
 * (UNSPEC, APPPATHID, MHDR, NAMEDVAR/NAMEDARRAY in a fixed part, a number whose fixed size is not
 * its type's). `bytes`: a byte field's exact size (fixed part) or maximum (floating part, 0: none).
 */
function valueSchema(type: DataType, op: number, bytes: { exact: number } | { max: number }): JsonSchema {
  if (op === OP_STRING || op === OP_NAMEDVAR || op === OP_NAMEDARRAY || opSize(op) > 0) {
    const def = VALUE_DEF[type];
    if (def === undefined || (opSize(op) > 0 && opSize(op) !== dataTypeSize(type))) {
      throw new Error(`json-schema: the codec reads a ${type} field as op ${op}; no JSON shape for it here`);
    }
    return ref(def);
  }
  // (`type` beside the lengths: ajv's strict mode wants the type a keyword applies to in the same schema.)
  if ("exact" in bytes) {
    return { type: "string", $ref: "#/$defs/hex", minLength: 2 * bytes.exact, maxLength: 2 * bytes.exact };
  }
  return bytes.max > 0 ? { type: "string", $ref: "#/$defs/hex", maxLength: 2 * bytes.max } : ref("hex");
}

function described(schema: JsonSchema, description: string): JsonSchema {
  return { description, ...schema };
}

function fieldText(name: string, type: DataType, size: number): string {
  return type === "STRING" || type === "UNSPEC" ? `${name}: ${type}[${size}]` : `${name}: ${type}`;
}

/** Properties of a list of plan entries (the message's floating part, or a group's items). */
function entryProperties(plan: Plan, entries: readonly number[]): Record<string, JsonSchema> {
  const props: Record<string, JsonSchema> = {};
  for (const e of entries) {
    if (e >= 0) {
      const f = plan.fieldSpec[e]!;
      let s = valueSchema(f.type, plan.fieldOp[e]!, { max: plan.fieldMax[e]! });
      if (plan.fieldKind[e] === KIND_LIST) s = { type: "array", items: s };
      props[plan.fieldKey[e]!] = described(s, `${fieldText(f.name, f.type, f.maxSize)}, tag ${f.tag}`);
      continue;
    }
    const group = plan.groups[-e - 1]!;
    let items: JsonSchema;
    if (group.single) {
      const m = group.members[0]!;
      const f = plan.fieldSpec[m]!;
      items = described(
        valueSchema(f.type, plan.fieldOp[m]!, { max: plan.fieldMax[m]! }),
        `${fieldText(f.name, f.type, f.maxSize)}, tag ${f.tag}`,
      );
    } else {
      items = { type: "object", properties: entryProperties(plan, group.entries), additionalProperties: false };
    }
    props[group.key] = described({ type: "array", items }, `list counted by ${group.countField}`);
  }
  return props;
}

/** The schema of one reading of a message layout. */
function messageSchema(plan: Plan): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    type: { const: plan.name },
    messageType: { const: plan.type },
  };
  const required = ["type", "messageType"];
  for (let i = 0; i < plan.fixedKey.length; i++) {
    const f = plan.spec.fixed.find((x) => x.offset === plan.fixedOffset[i] && x.name === plan.fixedName[i]);
    if (f === undefined) throw new Error(`json-schema: ${plan.name}: no fixed field ${plan.fixedName[i]}`);
    const key = plan.fixedKey[i]!;
    properties[key] = described(
      valueSchema(f.type, plan.fixedOp[i]!, { exact: f.size }),
      fieldText(f.name, f.type, f.size),
    );
    required.push(key);
  }
  Object.assign(properties, entryProperties(plan, plan.entries));
  // Lists counted by a fixed field are always there (possibly empty).
  for (const g of plan.groups) if (g.countFixed >= 0 && g.parent < 0) required.push(g.key);
  properties.unknownFields = ref("unknownFields");
  properties.warnings = ref("warnings");
  return { type: "object", required, properties, additionalProperties: false };
}

/** The JSON Schema of every message ctiwire emits as JSON at a protocol version. */
export function jsonSchema(version: ProtocolVersion): JsonSchema {
  const ctx = resolveContext({ version });
  const defs = valueDefs(version);
  const names: string[] = [];
  const types: number[] = [];
  const dispatch: JsonSchema[] = [];
  const messages: Record<string, JsonSchema> = {};
  for (const spec of messageSpecs(version)) {
    const plan = planByType(ctx.cache, version, spec.type);
    if (plan === null) throw new Error(`json-schema: no plan for ${spec.name} at v${version}`);
    if (Object.hasOwn(defs, plan.name) || plan.name === "UNKNOWN") {
      throw new Error(`json-schema: message name ${plan.name} collides with a $defs name`);
    }
    names.push(plan.name);
    types.push(plan.type);
    const primary = { title: plan.name, description: `MessageType ${plan.type}`, ...messageSchema(plan) };
    const alt = plan.alt;
    if (alt === null) {
      messages[plan.name] = primary;
    } else {
      // Either reading; the alternate's own fixed fields tell them apart where it has any.
      messages[`${plan.name}.primary`] = primary;
      messages[`${plan.name}.alternate`] = {
        title: `${plan.name} (alternate reading)`,
        description: `MessageType ${plan.type}; ${alt.spec.source}`,
        ...messageSchema(alt),
      };
      const only = alt.fixedKey.filter((k) => !plan.keys.has(k));
      messages[plan.name] =
        only.length > 0
          ? {
              type: "object",
              ...conditional({ required: [only[0]] }, ref(`${plan.name}.alternate`), ref(`${plan.name}.primary`)),
            }
          : { anyOf: [ref(`${plan.name}.primary`), ref(`${plan.name}.alternate`)] };
    }
    dispatch.push(conditional({ properties: { type: { const: plan.name } } }, ref(plan.name)));
  }
  messages.UNKNOWN = {
    title: "UNKNOWN",
    description: "a message type with no layout at this protocol version, kept raw",
    type: "object",
    required: ["type", "messageType", "body"],
    properties: {
      type: { const: "UNKNOWN" },
      messageType: { $ref: "#/$defs/uint", not: { enum: types } },
      body: described(ref("hex"), "everything after the 8-byte header"),
    },
    additionalProperties: false,
  };
  dispatch.push(conditional({ properties: { type: { const: "UNKNOWN" } } }, ref("UNKNOWN")));
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: `ctiwire messages, CTI Server protocol version ${version}`,
    description:
      `JSON.stringify(messageToJSON(decode(frame, { version: ${version} }))) of ctiwire, for every message type of ` +
      "the version. Generated from @ctiwire/protocol and the codec's plans by packages/ctiwire/scripts/json-schema.ts.",
    type: "object",
    required: ["type", "messageType"],
    properties: { type: { enum: [...names, "UNKNOWN"] } },
    allOf: dispatch,
    $defs: { ...defs, ...messages },
  };
}

/**
 * The file text of a schema: 2-space JSON, except that each entry of `allOf` and `$defs` is one line
 * (a protocol change shows as a change of the lines of the messages it touches).
 */
export function renderJsonSchema(schema: JsonSchema): string {
  const entry = (key: string, value: unknown): string => {
    if (key === "allOf" && Array.isArray(value)) {
      return `"allOf": [\n${value.map((v) => `    ${JSON.stringify(v)}`).join(",\n")}\n  ]`;
    }
    if (key === "$defs" && value !== null && typeof value === "object") {
      const defs = Object.entries(value).map(([name, v]) => `    ${JSON.stringify(name)}: ${JSON.stringify(v)}`);
      return `"$defs": {\n${defs.join(",\n")}\n  }`;
    }
    return `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  };
  return `{\n${Object.entries(schema)
    .map(([key, value]) => `  ${entry(key, value)}`)
    .join(",\n")}\n}\n`;
}

/** Every version's file: name → text. */
export function jsonSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const v of PROTOCOL_VERSIONS) files.set(jsonSchemaFileName(v), renderJsonSchema(jsonSchema(v)));
  return files;
}
