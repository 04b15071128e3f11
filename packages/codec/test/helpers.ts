/**
 * Hand-built MessageSpecs for unit tests that must not depend on the extracted schema, and a
 * small CodecSchema serving them.
 */
import type { DataType, FixedFieldSpec, FloatingFieldSpec, MessageSpec, ProtocolVersion } from "@ctiwire/protocol";
import { concatBytes } from "@ctiwire/test-vectors/bytes";
import { expect } from "vitest";
import type { CodecSchema } from "../src/index.js";
import { CtiProtocolError, fromHex } from "../src/index.js";

type FixedIn = [name: string, type: DataType, size: number];
type FloatIn = Partial<FloatingFieldSpec> & Pick<FloatingFieldSpec, "name" | "tag" | "type" | "maxSize">;

export function spec(
  type: number,
  name: string,
  version: number,
  fixedIn: FixedIn[],
  floatingIn: FloatIn[],
): MessageSpec {
  let offset = 0;
  const fixed: FixedFieldSpec[] = [["MessageHeader", "MHDR", 8] as FixedIn, ...fixedIn].map(([n, t, size]) => {
    const f = { name: n, type: t, size, offset };
    offset += size;
    return f;
  });
  const floating: FloatingFieldSpec[] = floatingIn.map((f) => ({
    tagName: `${f.name.toUpperCase()}_TAG`,
    required: false,
    repeatable: false,
    ...f,
  }));
  return {
    type,
    name,
    version: version as ProtocolVersion,
    fixed,
    floating,
    fixedSize: offset,
    largestSize: undefined,
    source: "test",
  };
}

/** The v17 CLIENT_SESSION_OPENED_EVENT of shared/seed-v17-client-session-opened-event.txt (beside the repository). */
export function seedSpec(version = 17): MessageSpec {
  return spec(
    99,
    "CLIENT_SESSION_OPENED_EVENT",
    version,
    [
      ["SessionID", "UINT", 4],
      ["PeripheralID", "UINT", 4],
      ["ServicesGranted", "UINT", 4],
      ["CallMsgMask", "UINT", 4],
      ["AgentStateMask", "UINT", 4],
      ["ClientPort", "UINT", 4],
    ],
    [
      { name: "ClientAddress", tag: 81, type: "STRING", maxSize: 16, required: true },
      { name: "ClientID", tag: 1, type: "STRING", maxSize: 64, required: true },
      { name: "ClientSignature", tag: 3, type: "STRING", maxSize: 64, required: true },
      { name: "AgentExtension", tag: 4, type: "STRING", maxSize: 16 },
      { name: "AgentID", tag: 5, type: "STRING", maxSize: 12 },
      { name: "AgentInstrument", tag: 6, type: "STRING", maxSize: 64 },
      { name: "ClientAddressIPV6", tag: 226, type: "STRING", maxSize: 16, alternativeTo: "ClientAddress" },
    ],
  );
}

/** A synthetic message with every data type, counted groups, a count-less list and a shared tag. */
export function kitchenSpec(version: number): MessageSpec {
  return spec(
    4000,
    "KITCHEN_SINK_EVENT",
    version,
    [
      ["InvokeID", "UINT", 4],
      ["Small", "UCHAR", 1],
      ["Signed", "CHAR", 1],
      ["Short", "SHORT", 2],
      ["UShort", "USHORT", 2],
      ["Int", "INT", 4],
      ["Flag", "BOOL", 2],
      ["When", "TIME", 4],
      ["Code", "STRING", 8],
      ["Raw", "UNSPEC", 4],
      ["Task", "TASKID", 12],
      ["NumItems", "USHORT", 2],
      ["NumNamedVariables", "USHORT", 2],
    ],
    [
      { name: "Text", tag: 7, type: "STRING", maxSize: 40, required: true },
      { name: "Blob", tag: 9, type: "UNSPEC", maxSize: 20 },
      { name: "Number", tag: 20, type: "UINT", maxSize: 4 },
      { name: "SNumber", tag: 21, type: "INT", maxSize: 4 },
      { name: "Tiny", tag: 22, type: "UCHAR", maxSize: 1 },
      { name: "STiny", tag: 23, type: "CHAR", maxSize: 1 },
      { name: "Half", tag: 24, type: "USHORT", maxSize: 2 },
      { name: "SHalf", tag: 25, type: "SHORT", maxSize: 2 },
      { name: "On", tag: 26, type: "BOOL", maxSize: 2 },
      { name: "FltTask", tag: 27, type: "TASKID", maxSize: 12 },
      { name: "Path", tag: 28, type: "APPPATHID", maxSize: 5 },
      { name: "Stamp", tag: 29, type: "TIME", maxSize: 4 },
      { name: "ItemName", tag: 30, type: "STRING", maxSize: 16, countField: "NumItems", repeatable: true },
      { name: "ItemValue", tag: 31, type: "UINT", maxSize: 4, countField: "NumItems", repeatable: true },
      {
        name: "NamedVariable",
        tag: 82,
        type: "NAMEDVAR",
        maxSize: 251,
        countField: "NumNamedVariables",
        repeatable: true,
      },
      { name: "NamedArray", tag: 83, type: "NAMEDARRAY", maxSize: 252, repeatable: true },
      { name: "FirstDevice", tag: 40, type: "STRING", maxSize: 16 },
      { name: "SecondDevice", tag: 40, type: "STRING", maxSize: 16 },
      ...(version >= 20 ? [{ name: "NewField", tag: 50, type: "STRING" as const, maxSize: 10 }] : []),
    ],
  );
}

/** A message that exists from version 21 on. */
export function lateSpec(version: number): MessageSpec {
  return spec(4001, "LATE_EVENT", version, [["InvokeID", "UINT", 4]], []);
}

/** A CodecSchema with the two hand-built messages at every version. */
export const testSchema: CodecSchema = {
  messageSpec(nameOrType, version) {
    if (nameOrType === 99 || nameOrType === "CLIENT_SESSION_OPENED_EVENT") return seedSpec(version);
    if (nameOrType === 4000 || nameOrType === "KITCHEN_SINK_EVENT") return kitchenSpec(version);
    if ((nameOrType === 4001 || nameOrType === "LATE_EVENT") && version >= 21) return lateSpec(version);
    return undefined;
  },
};

/** Builds a frame: header + fixed bytes (hex) + floating fields. */
export function frame(
  version: number,
  type: number,
  fixedHex: string,
  fields: [tag: number, data: Uint8Array | string][] = [],
): Uint8Array {
  const fixed = fromHex(fixedHex);
  const hdr = version >= 20 ? 4 : 2;
  const parts: number[] = [...fixed];
  for (const [tag, d] of fields) {
    const data = typeof d === "string" ? latin1z(d) : d;
    if (hdr === 4) parts.push(tag >> 8, tag & 255, data.length >> 8, data.length & 255);
    else parts.push(tag, data.length);
    parts.push(...data);
  }
  const out = new Uint8Array(8 + parts.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, parts.length);
  dv.setUint32(4, type);
  out.set(parts, 8);
  return out;
}

/** A string's Latin-1 bytes plus a NUL. */
export function latin1z(s: string): Uint8Array {
  const out = new Uint8Array(s.length + 1);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return concatBytes(parts);
}

/** Runs fn, asserts it throws a CtiProtocolError with the given properties, and returns it. */
export function expectCtiError(
  fn: () => unknown,
  expected: { code: string; field?: string; offset?: number; messageName?: string; messageType?: number },
): CtiProtocolError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(CtiProtocolError);
  const err = caught as CtiProtocolError;
  expect({
    code: err.code,
    ...("field" in expected ? { field: err.field } : {}),
    ...("offset" in expected ? { offset: err.offset } : {}),
    ...("messageName" in expected ? { messageName: err.messageName } : {}),
    ...("messageType" in expected ? { messageType: err.messageType } : {}),
  }).toEqual(expected);
  return err;
}
