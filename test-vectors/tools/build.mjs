#!/usr/bin/env node
/**
 * Writes the test vectors: valid/v*.json (from the schema), valid/edge.json, invalid.json and
 * stream.json (hand-written here), and vectors.js (the same data as one ES module).
 *
 *   node tools/build.mjs          write them
 *   node tools/build.mjs --check  fail if any file would change
 *
 * Every frame is assembled field by field with the test-only ByteBuilder (tools/bytes.mjs); every
 * expected message is written from the values chosen here. Nothing is encoded or decoded with
 * @ctiwire/codec.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { maxMessageSize, messageSpec, messageSpecs } from "@ctiwire/protocol";
import { ByteBuilder, frame, hex, latin1, namedArray, namedVar, stringz, utf8 } from "./bytes.mjs";
import { buildMessage, fieldPropertyName, VARIANTS, variantApplies } from "./samples.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");

// ---------------------------------------------------------------------------------------------
// Sections of the guide (v25 edition unless said otherwise)

const CH3 = "Ch 3 Messaging Conventions";
const SEC = {
  formats: `${CH3}, Message Formats`,
  floating: `${CH3}, Floating Fields`,
  types: `${CH3}, Message Types`,
  dataTypes: `${CH3}, Data Types`,
  mhdr: `${CH3}, Data Types, MHDR Data Type`,
  namedvar: `${CH3}, Data Types, NAMEDVAR Data Type`,
  namedarray: `${CH3}, Data Types, NAMEDARRAY Data Type`,
  v20: "Ch 7 Changes and Additions, Protocol Version 20 (floating tag and length became USHORT)",
  v17floating: "v17 guide, Ch 3, Floating Fields (one-byte tag, one-byte length)",
  seed: "v17 guide, Ch 5 Client Monitor Service, CLIENT_SESSION_OPENED_EVENT (Table 5-37, maximum message size 280)",
};

// ---------------------------------------------------------------------------------------------
// Valid vectors from the schema

/** Versions whose layouts get vectors: every layout at 17 and 25, the layouts that change at 18-24. */
function layoutSignature(m) {
  return m
    ? JSON.stringify([
        m.type,
        m.fixed.map((f) => [f.name, f.type, f.size]),
        m.floating.map((f) => [
          f.name,
          f.tag,
          f.type,
          f.maxSize,
          f.required,
          f.repeatable,
          f.countField,
          f.alternativeTo,
        ]),
      ])
    : null;
}

function schemaVectors(version) {
  const out = [];
  for (const spec of messageSpecs(version)) {
    if (version !== 17 && version !== 25) {
      if (layoutSignature(spec) === layoutSignature(messageSpec(spec.name, version - 1))) continue;
    }
    const variants = version === 17 || version === 25 ? ["full", "minimal", "max", "alt"] : ["full", "minimal"];
    for (const variant of variants) {
      if (!variantApplies(spec, variant)) continue;
      const r = buildMessage(spec, version, variant);
      if (variant === "max" && r.length !== spec.largestSize) {
        throw new Error(
          `${spec.name} v${version}: max frame is ${r.length} bytes, largestSize says ${spec.largestSize}`,
        );
      }
      if (r.length > maxMessageSize(version)) throw new Error(`${spec.name} v${version} ${variant}: ${r.length} bytes`);
      out.push({
        id: `v${version}/${spec.name}/${variant}`,
        version,
        section: spec.source,
        comment:
          VARIANTS[variant] +
          (version !== 17 && version !== 25 ? `; the layout changed at v${version}` : "") +
          (variant === "max" ? ` (${r.length} bytes)` : ""),
        hex: r.hex,
        message: r.message,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The seed message, by hand: CLIENT_SESSION_OPENED_EVENT (99)

const SEED_FIXED = [
  ["SessionID", "sessionID", 7],
  ["PeripheralID", "peripheralID", 5000],
  ["ServicesGranted", "servicesGranted", 0x10],
  ["CallMsgMask", "callMsgMask", 0xffff],
  ["AgentStateMask", "agentStateMask", 0x3fff],
  ["ClientPort", "clientPort", 42433],
];
const TAG = {
  ClientID: 1,
  ClientSignature: 3,
  AgentExtension: 4,
  AgentID: 5,
  AgentInstrument: 6,
  ClientAddress: 81,
  ClientAddressIPV6: 226,
  NamedVariable: 82,
  NamedArray: 83,
};

function seedFixedJson() {
  const m = { type: "CLIENT_SESSION_OPENED_EVENT", messageType: 99 };
  for (const [, key, v] of SEED_FIXED) m[key] = v;
  return m;
}

/** A CLIENT_SESSION_OPENED_EVENT frame: the fixed part, then `fields` ([tag, data bytes]) in the order given. */
function seedFrame(version, fields, { length, type = 99 } = {}) {
  const body = new ByteBuilder(version);
  for (const [, , v] of SEED_FIXED) body.u32(v);
  for (const [tag, data] of fields) body.field(tag, data);
  return frame(type, body, length).toHex();
}

const SEED_STRINGS = {
  ClientAddress: "10.1.2.3",
  ClientID: "ctiosA",
  ClientSignature: "CTIOS Server A",
  AgentExtension: "5001",
  AgentID: "1001",
  AgentInstrument: "5001",
};

function seedVectors() {
  const fields = Object.entries(SEED_STRINGS).map(([name, v]) => [TAG[name], stringz(v)]);
  const message = seedFixedJson();
  for (const [name, v] of Object.entries(SEED_STRINGS)) message[fieldPropertyName(name)] = v;
  return [
    {
      id: "v17/CLIENT_SESSION_OPENED_EVENT/seed",
      version: 17,
      section: SEC.seed,
      comment:
        "the seed message with every field (ClientAddressIPV6 replaces ClientAddress, so it is not sent), realistic values",
      hex: seedFrame(17, fields),
      message,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Edge vectors (valid, hand-written)

function edgeVectors() {
  const v = [];
  const seedMsg = (extra) => ({ ...seedFixedJson(), ...extra });
  const core = () => [
    [TAG.ClientAddress, stringz("10.1.2.3")],
    [TAG.ClientID, stringz("ctiosA")],
    [TAG.ClientSignature, stringz("sig")],
  ];
  const coreJson = { clientAddress: "10.1.2.3", clientID: "ctiosA", clientSignature: "sig" };

  v.push({
    id: "edge/v25/unknown-message-type",
    version: 25,
    section: SEC.types,
    comment: "a MessageType with no layout (9999) decodes as UNKNOWN with its body as bytes, and encodes back",
    hex: frame(9999, [0xde, 0xad, 0x00, 0xbe, 0xef]).toHex(),
    message: { type: "UNKNOWN", messageType: 9999, body: "dead00beef" },
  });
  v.push({
    id: "edge/v25/unknown-message-type-empty",
    version: 25,
    section: SEC.mhdr,
    comment: "MessageLength 0: a header-only frame of a type with no layout",
    hex: frame(0x7fffffff, []).toHex(),
    message: { type: "UNKNOWN", messageType: 0x7fffffff, body: "" },
  });
  v.push({
    id: "edge/v25/CALL_TERMINATION_EVENT-no-layout",
    version: 25,
    section: "Cisco's public SDK headers (MessageType.h): MT_CALL_TERMINATION_EVENT 247, not supported by CTI Server",
    comment:
      "247 is named (CALL_TERMINATION_EVENT) but no public source gives its layout: decoded as UNKNOWN, body kept, re-encoded byte for byte",
    hex: frame(247, [0, 0, 0, 0, 0, 0, 0x13, 0x88]).toHex(),
    message: { type: "UNKNOWN", messageType: 247, body: "0000000000001388" },
  });
  // FAILURE_CONF at v24/v25: the guides' two readings (packages/protocol/src/alternates.ts). The primary,
  // InvokeID + Status UINT (16 bytes), is in the generated vectors; an 18-byte frame as the v24/v25
  // table prints it (InvokeID, FailureCode USHORT, PeripheralErrorCode UINT) is read that way when lenient.
  for (const version of [24, 25]) {
    v.push({
      id: `edge/v${version}/FAILURE_CONF-v24-table-reading`,
      version,
      section: "03-messaging-conventions.md: Failure Indication Messages (v24/v25 table: 18 bytes)",
      comment:
        "lenient: an 18-byte FAILURE_CONF follows the v24/v25 table: FailureCode (USHORT) as status, PeripheralErrorCode, and an ALTERNATE_LAYOUT warning; it encodes back to 18 bytes (strict: FIELD_OVERRUN, the primary reading)",
      options: { strict: false },
      hex: frame(1, [0, 0, 0, 9, 0, 7, 0, 0, 0x01, 0x2c]).toHex(),
      message: {
        type: "FAILURE_CONF",
        messageType: 1,
        invokeID: 9,
        status: 7,
        peripheralErrorCode: 300,
        warnings: [{ code: "ALTERNATE_LAYOUT", field: "Status", tag: 0, offset: 12, length: 2, maximum: 4 }],
      },
    });
  }
  v.push({
    id: "edge/v17/message-of-a-later-version",
    version: 17,
    section: "Ch 7 Changes and Additions, Protocol Version 23 (network recording messages)",
    comment: "START_NETWORK_RECORDING_REQ (267) has no layout at v17: decoded as UNKNOWN",
    hex: frame(267, [0, 0, 0, 1]).toHex(),
    message: { type: "UNKNOWN", messageType: 267, body: "00000001" },
  });
  const bigBody = [];
  for (let i = 0; i < maxMessageSize(17) - 8; i++) bigBody.push(i & 0xff);
  v.push({
    id: "edge/v17/largest-frame",
    version: 17,
    section: `${SEC.types} (v15 guide: the largest possible message is 4329 bytes; see packages/protocol/src/versions.ts)`,
    comment: "a frame of exactly the v17 maximum message size (4329 bytes, header included) is accepted",
    hex: frame(9999, bigBody).toHex(),
    message: { type: "UNKNOWN", messageType: 9999, body: hex(bigBody) },
  });
  v.push({
    id: "edge/v25/configured-limit-exact",
    version: 25,
    section: SEC.types,
    comment: "options.maxMessageSize 64: a 64-byte frame is accepted",
    options: { maxMessageSize: 64 },
    hex: frame(9999, new Array(56).fill(0x41)).toHex(),
    message: { type: "UNKNOWN", messageType: 9999, body: "41".repeat(56) },
  });

  for (const version of [17, 25]) {
    v.push({
      id: `edge/v${version}/fields-in-any-order`,
      version,
      section: `${SEC.floating} ("floating fields may appear in any order")`,
      comment: "the floating fields in reverse layout order; the encoder writes them in layout order (reencoded)",
      hex: seedFrame(version, [
        [TAG.AgentID, stringz("1001")],
        [TAG.ClientSignature, stringz("sig")],
        [TAG.ClientID, stringz("ctiosA")],
        [TAG.ClientAddress, stringz("10.1.2.3")],
      ]),
      reencoded: seedFrame(version, [...core(), [TAG.AgentID, stringz("1001")]]),
      message: seedMsg({ agentID: "1001", clientSignature: "sig", clientID: "ctiosA", clientAddress: "10.1.2.3" }),
    });
    const unknownTag = version <= 19 ? 200 : 1000;
    v.push({
      id: `edge/v${version}/unknown-tag-lenient`,
      version,
      section: SEC.floating,
      comment: `lenient: tag ${unknownTag}, not in the layout, is kept in unknownFields (strict: TAG_NOT_ALLOWED, see invalid.json)`,
      options: { strict: false },
      hex: seedFrame(version, [...core(), [unknownTag, [1, 2, 3]]]),
      message: seedMsg({ ...coreJson, unknownFields: [{ tag: unknownTag, data: "010203" }] }),
    });
    v.push({
      id: `edge/v${version}/duplicate-field-lenient`,
      version,
      section: `${SEC.floating} ("each floating field appears only once unless the field is a member of a list")`,
      comment: "lenient: a second ClientID is kept in unknownFields (strict: DUPLICATE_FIELD)",
      options: { strict: false },
      hex: seedFrame(version, [...core(), [TAG.ClientID, stringz("again")]]),
      message: seedMsg({ ...coreJson, unknownFields: [{ tag: TAG.ClientID, data: hex(stringz("again")) }] }),
    });
    v.push({
      id: `edge/v${version}/missing-required-lenient`,
      version,
      section: "Ch 5, CLIENT_SESSION_OPENED_EVENT (ClientID is not optional)",
      comment:
        "lenient: the required ClientID is absent; decoded and encoded without it (strict: MISSING_REQUIRED_FIELD)",
      options: { strict: false },
      hex: seedFrame(version, [
        [TAG.ClientAddress, stringz("10.1.2.3")],
        [TAG.ClientSignature, stringz("sig")],
      ]),
      message: seedMsg({ clientAddress: "10.1.2.3", clientSignature: "sig" }),
    });
    // Warnings' offsets: the field's header, here the last field of the frame.
    const lastAt = (hexStr, dataLen) => hexStr.length / 2 - (version <= 19 ? 2 : 4) - dataLen;
    const unterminated = seedFrame(version, [...core(), [TAG.AgentID, latin1("1001")]]);
    v.push({
      id: `edge/v${version}/unterminated-string-lenient`,
      version,
      section: `${SEC.floating} ("For string data, it includes the null termination byte")`,
      comment:
        "lenient: the last STRING lacks its NUL; its bytes up to the field end are the value, with a STRING_NOT_TERMINATED warning; the encoder follows the warning (no NUL), so the bytes come back as they were",
      options: { strict: false },
      hex: unterminated,
      message: seedMsg({
        ...coreJson,
        agentID: "1001",
        warnings: [
          {
            code: "STRING_NOT_TERMINATED",
            field: "AgentID",
            tag: TAG.AgentID,
            offset: lastAt(unterminated, 4),
            length: 4,
          },
        ],
      }),
    });
    const empty = seedFrame(version, [...core(), [TAG.AgentID, []]]);
    v.push({
      id: `edge/v${version}/empty-field-lenient`,
      version,
      section: SEC.floating,
      comment:
        "lenient: a STRING field of length 0 (no NUL) decodes as the empty string with a STRING_NOT_TERMINATED warning, and encodes back to length 0",
      options: { strict: false },
      hex: empty,
      message: seedMsg({
        ...coreJson,
        agentID: "",
        warnings: [
          { code: "STRING_NOT_TERMINATED", field: "AgentID", tag: TAG.AgentID, offset: lastAt(empty, 0), length: 0 },
        ],
      }),
    });
    // Over-long STRINGs (real servers send them: an IPv6 ClientAddress in a 16-byte v17 field, an ID one
    // byte over): accepted inside the field and the frame, reported, and encoded back as they came.
    const longID = seedFrame(version, [...core(), [TAG.AgentID, stringz("123456789012")]]);
    v.push({
      id: `edge/v${version}/string-too-long-lenient`,
      version,
      section: "Ch 5, CLIENT_SESSION_OPENED_EVENT: AgentID STRING 12",
      comment:
        "lenient: AgentID of 13 bytes where the guide allows 12: the value, a STRING_TOO_LONG warning (maximum, length), and the same bytes when encoded again (strict: FIELD_TOO_LONG)",
      options: { strict: false },
      hex: longID,
      message: seedMsg({
        ...coreJson,
        agentID: "123456789012",
        warnings: [
          {
            code: "STRING_TOO_LONG",
            field: "AgentID",
            tag: TAG.AgentID,
            offset: lastAt(longID, 13),
            length: 13,
            maximum: 12,
          },
        ],
      }),
    });
    const longBare = seedFrame(version, [...core(), [TAG.AgentID, latin1("1234567890123")]]);
    v.push({
      id: `edge/v${version}/string-too-long-unterminated-lenient`,
      version,
      section: "Ch 5, CLIENT_SESSION_OPENED_EVENT: AgentID STRING 12",
      comment: "lenient: AgentID of 13 bytes and no NUL: both warnings, the same bytes when encoded again",
      options: { strict: false },
      hex: longBare,
      message: seedMsg({
        ...coreJson,
        agentID: "1234567890123",
        warnings: [
          {
            code: "STRING_TOO_LONG",
            field: "AgentID",
            tag: TAG.AgentID,
            offset: lastAt(longBare, 13),
            length: 13,
            maximum: 12,
          },
          {
            code: "STRING_NOT_TERMINATED",
            field: "AgentID",
            tag: TAG.AgentID,
            offset: lastAt(longBare, 13),
            length: 13,
          },
        ],
      }),
    });
    v.push({
      id: `edge/v${version}/empty-string`,
      version,
      section: SEC.floating,
      comment: "a STRING field holding only its NUL (length 1) is the empty string",
      hex: seedFrame(version, [...core(), [TAG.AgentExtension, [0]]]),
      message: seedMsg({ ...coreJson, agentExtension: "" }),
    });
    v.push({
      id: `edge/v${version}/string-nul-before-end-lenient`,
      version,
      section: SEC.floating,
      comment: "lenient: bytes after a STRING's NUL inside its field are ignored; encoded without them",
      options: { strict: false },
      hex: seedFrame(version, [...core(), [TAG.AgentID, [...stringz("1001"), 0x58, 0x59, 0]]]),
      reencoded: seedFrame(version, [...core(), [TAG.AgentID, stringz("1001")]]),
      message: seedMsg({ ...coreJson, agentID: "1001" }),
    });
    v.push({
      id: `edge/v${version}/latin1`,
      version,
      section: SEC.dataTypes,
      comment: "bytes 0x80-0xFF of a STRING are Latin-1 characters by default (0xE9 is é, 0x80 is U+0080)",
      hex: seedFrame(version, [...core(), [TAG.AgentInstrument, stringz("Zoë Ångström\u0080\u00ff")]]),
      message: seedMsg({ ...coreJson, agentInstrument: "Zoë Ångström\u0080\u00ff" }),
    });
    v.push({
      id: `edge/v${version}/utf8`,
      version,
      section: SEC.dataTypes,
      comment: "options.encoding 'utf8': STRING bytes are UTF-8",
      options: { encoding: "utf8" },
      hex: seedFrame(version, [...core(), [TAG.AgentInstrument, stringz("Zoë 東京 🎧", utf8)]]),
      message: seedMsg({ ...coreJson, agentInstrument: "Zoë 東京 🎧" }),
    });
  }

  // CALL_DELIVERED_EVENT (9): named variables and arrays, count fields.
  const cde = (version, numVars, numArrays, fields) => {
    const spec = messageSpec("CALL_DELIVERED_EVENT", version);
    const body = new ByteBuilder(version);
    const json = { type: "CALL_DELIVERED_EVENT", messageType: 9 };
    for (const f of spec.fixed.slice(1)) {
      const key = fieldPropertyName(f.name);
      const value =
        f.name === "NumNamedVariables"
          ? numVars
          : f.name === "NumNamedArrays"
            ? numArrays
            : f.size === 4
              ? 1000 + f.offset
              : f.offset;
      if (f.size === 4) body.u32(value);
      else body.u16(value);
      json[key] = value;
    }
    for (const [tag, data] of fields) body.field(tag, data);
    return { hex: frame(9, body).toHex(), json };
  };
  const conn = () => [25, stringz("5001")];
  const sec = () => [202, [0, 0, 0, 7]];
  for (const version of [17, 25]) {
    const name32 = `user.${"n".repeat(27)}`;
    const value210 = "v".repeat(210);
    const a = cde(version, 2, 2, [
      conn(),
      sec(),
      [TAG.NamedVariable, namedVar(name32, value210)],
      [TAG.NamedVariable, namedVar("user.empty", "")],
      [TAG.NamedArray, namedArray(0, "user.arr", "first")],
      [TAG.NamedArray, namedArray(255, "user.arr", "last")],
    ]);
    v.push({
      id: `edge/v${version}/named-data-limits`,
      version,
      section: `${SEC.namedvar}; ${SEC.namedarray}`,
      comment:
        "a NamedVariable at its largest (name 32 + NUL, value 210 + NUL: 244 bytes), one with an empty value, NamedArray indexes 0 and 255",
      hex: a.hex,
      message: {
        ...a.json,
        connectionDeviceID: "5001",
        secondaryConnectionCallID: 7,
        namedVariables: [
          { name: name32, value: value210 },
          { name: "user.empty", value: "" },
        ],
        namedArrays: [
          { index: 0, name: "user.arr", value: "first" },
          { index: 255, name: "user.arr", value: "last" },
        ],
      },
    });
    const b = cde(version, 5, 0, [conn(), sec(), [TAG.NamedVariable, namedVar("user.a", "1")]]);
    v.push({
      id: `edge/v${version}/count-mismatch-lenient`,
      version,
      section: SEC.floating,
      comment:
        "lenient: NumNamedVariables says 5 but one is present; both are kept as they are (strict: COUNT_MISMATCH)",
      options: { strict: false },
      hex: b.hex,
      message: {
        ...b.json,
        connectionDeviceID: "5001",
        secondaryConnectionCallID: 7,
        namedVariables: [{ name: "user.a", value: "1" }],
        namedArrays: [],
      },
    });
    const c = cde(version, 0, 0, [conn(), [202, [0, 7]]]);
    v.push({
      id: `edge/v${version}/wrong-numeric-length-lenient`,
      version,
      section: SEC.dataTypes,
      comment:
        "lenient: a UINT floating field (SecondaryConnectionCallID) with 2 data bytes is read from those 2 bytes, with a FIELD_TOO_SHORT warning (maximum: the type's size), and encoded back in 2 bytes (strict: INVALID_FIELD_LENGTH)",
      options: { strict: false },
      hex: c.hex,
      message: {
        ...c.json,
        connectionDeviceID: "5001",
        secondaryConnectionCallID: 7,
        namedVariables: [],
        namedArrays: [],
        warnings: [
          {
            code: "FIELD_TOO_SHORT",
            field: "SecondaryConnectionCallID",
            tag: 202,
            offset: c.hex.length / 2 - (version <= 19 ? 2 : 4) - 2,
            length: 2,
            maximum: 4,
          },
        ],
      },
    });
    const long = cde(version, 0, 0, [conn(), [202, [0, 0, 0, 0, 7]]]);
    v.push({
      id: `edge/v${version}/long-numeric-length-lenient`,
      version,
      section: SEC.dataTypes,
      comment:
        "lenient: a UINT floating field with 5 data bytes (longer than its type) is kept raw in unknownFields (strict: INVALID_FIELD_LENGTH)",
      options: { strict: false },
      hex: long.hex,
      message: {
        ...long.json,
        connectionDeviceID: "5001",
        namedVariables: [],
        namedArrays: [],
        unknownFields: [{ tag: 202, data: "0000000007" }],
      },
    });
  }

  // OPEN_CONF (4), v25: a BOOL fixed field that is neither 0 nor 1.
  {
    const spec = messageSpec("OPEN_CONF", 25);
    const body = new ByteBuilder(25);
    const reBody = new ByteBuilder(25);
    const json = { type: "OPEN_CONF", messageType: 4 };
    for (const f of spec.fixed.slice(1)) {
      const key = fieldPropertyName(f.name);
      if (f.type === "BOOL") {
        body.u16(2);
        reBody.u16(1);
        json[key] = true;
      } else if (f.size === 4) {
        body.u32(f.offset);
        reBody.u32(f.offset);
        json[key] = f.offset;
      } else {
        body.u16(f.offset);
        reBody.u16(f.offset);
        json[key] = f.offset;
      }
    }
    for (const b of [body, reBody]) b.field(228, [0, 0]);
    json.numPeripherals = 0;
    v.push({
      id: "edge/v25/bool-2-lenient",
      version: 25,
      section: `${SEC.dataTypes} (BOOL: 0 or 1)`,
      comment: "lenient: PeripheralOnline = 2 decodes as true and encodes as 1 (strict: INVALID_BOOL)",
      options: { strict: false },
      hex: frame(4, body).toHex(),
      reencoded: frame(4, reBody).toHex(),
      message: json,
    });
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Invalid vectors

function invalidVectors() {
  const v = [];
  const core = [
    [TAG.ClientAddress, stringz("10.1.2.3")],
    [TAG.ClientID, stringz("ctiosA")],
    [TAG.ClientSignature, stringz("sig")],
  ];
  const fixedEnd = 32; // CLIENT_SESSION_OPENED_EVENT fixed part, header included
  const coreLen = (version) => core.reduce((n, [, d]) => n + (version <= 19 ? 2 : 4) + d.length, 0);
  const dec = (id, version, section, comment, hexStr, error, options) => {
    v.push({ id, op: "decode", version, section, comment, ...(options ? { options } : {}), hex: hexStr, error });
  };
  const enc = (id, version, section, comment, message, error, options) => {
    v.push({ id, op: "encode", version, section, comment, ...(options ? { options } : {}), message, error });
  };
  const both = [{ strict: false }, { strict: true }];
  const modeName = (o) => (o.strict ? "strict" : "lenient");

  // TRUNCATED_HEADER
  dec("decode/TRUNCATED_HEADER/empty", 25, SEC.mhdr, "no bytes at all", "", { code: "TRUNCATED_HEADER", offset: 0 });
  dec("decode/TRUNCATED_HEADER/7-bytes", 17, SEC.mhdr, "7 of the header's 8 bytes", "00000000000000", {
    code: "TRUNCATED_HEADER",
    offset: 0,
  });

  // LENGTH_MISMATCH
  const full17 = seedFrame(17, core);
  dec(
    "decode/LENGTH_MISMATCH/frame-short",
    17,
    SEC.mhdr,
    "MessageLength says 4 bytes more than the frame holds",
    seedFrame(17, core, { length: fixedEnd - 8 + coreLen(17) + 4 }),
    {
      code: "LENGTH_MISMATCH",
      offset: 0,
    },
  );
  dec(
    "decode/LENGTH_MISMATCH/trailing-bytes",
    25,
    SEC.mhdr,
    "two bytes after the end MessageLength gives",
    seedFrame(25, core) + "0000",
    {
      code: "LENGTH_MISMATCH",
      offset: 0,
    },
  );
  dec(
    "decode/LENGTH_MISMATCH/header-only",
    17,
    SEC.mhdr,
    "an 8-byte header announcing a 24-byte fixed part",
    frame(99, [], 24).toHex(),
    {
      code: "LENGTH_MISMATCH",
      offset: 0,
    },
  );

  // MESSAGE_TOO_SHORT
  const shortBody = new ByteBuilder(17).u32(7).u32(5000).u32(1);
  dec(
    "decode/MESSAGE_TOO_SHORT/seed",
    17,
    `${SEC.formats} ("The fixed part of a message contains the message header and all required, fixed length fields")`,
    "CLIENT_SESSION_OPENED_EVENT with 12 of its 24 fixed bytes",
    frame(99, shortBody).toHex(),
    { code: "MESSAGE_TOO_SHORT", offset: 0 },
  );
  dec(
    "decode/MESSAGE_TOO_SHORT/empty-body",
    25,
    SEC.formats,
    "CALL_DELIVERED_EVENT with MessageLength 0",
    frame(9, []).toHex(),
    { code: "MESSAGE_TOO_SHORT", offset: 0 },
  );

  // MESSAGE_TOO_LONG
  const over17 = new Array(maxMessageSize(17) - 8 + 1).fill(0x20);
  dec(
    "decode/MESSAGE_TOO_LONG/v17-4330",
    17,
    `${SEC.types} (largest message: 4329 bytes up to v19)`,
    "a 4330-byte frame at v17",
    frame(9999, over17).toHex(),
    { code: "MESSAGE_TOO_LONG", offset: 0 },
  );
  const over25 = new Array(maxMessageSize(25) - 8 + 1).fill(0x20);
  dec(
    "decode/MESSAGE_TOO_LONG/v25-12501",
    25,
    `${SEC.types} ("The length of the largest possible message ... 12500 bytes")`,
    "a 12501-byte frame at v25",
    frame(9999, over25).toHex(),
    { code: "MESSAGE_TOO_LONG", offset: 0 },
  );
  dec(
    "decode/MESSAGE_TOO_LONG/configured",
    25,
    SEC.types,
    "options.maxMessageSize 64: a 65-byte frame",
    frame(9999, new Array(57).fill(0x41)).toHex(),
    { code: "MESSAGE_TOO_LONG", offset: 0 },
    { maxMessageSize: 64 },
  );

  // FIELD_OVERRUN (lenient and strict)
  for (const o of both) {
    const m = modeName(o);
    dec(
      `decode/FIELD_OVERRUN/v17-data-${m}`,
      17,
      SEC.v17floating,
      "the last field's length (10) runs 4 bytes past the end of the frame",
      frameWithTail(17, core, [TAG.AgentID, 10, ...latin1("100100")]),
      { code: "FIELD_OVERRUN", offset: fixedEnd + coreLen(17), field: "AgentID" },
      o,
    );
    dec(
      `decode/FIELD_OVERRUN/v25-data-${m}`,
      25,
      SEC.floating,
      "the last field's USHORT length (300) runs past the end of the frame",
      frameWithTail(25, core, [0, TAG.AgentID, 0x01, 0x2c, ...latin1("1001")]),
      { code: "FIELD_OVERRUN", offset: fixedEnd + coreLen(25), field: "AgentID" },
      o,
    );
    dec(
      `decode/FIELD_OVERRUN/v25-header-${m}`,
      25,
      SEC.floating,
      "3 bytes left: not enough for a 4-byte floating field header",
      frameWithTail(25, core, [0, TAG.AgentID, 0]),
      { code: "FIELD_OVERRUN", offset: fixedEnd + coreLen(25) },
      o,
    );
  }
  for (const version of [23, 25]) {
    dec(
      `decode/FIELD_OVERRUN/v${version}-FAILURE_CONF-18-bytes${version === 25 ? "-strict" : ""}`,
      version,
      "03-messaging-conventions.md: Failure Indication Messages",
      version === 25
        ? "strict: an 18-byte FAILURE_CONF (the v24/v25 table's reading) is read the primary way, leaving 2 bytes where a floating field header needs 4"
        : "v23 has one reading (16 bytes): an 18-byte FAILURE_CONF leaves 2 bytes where a floating field header needs 4",
      frame(1, [0, 0, 0, 9, 0, 7, 0, 0, 0x01, 0x2c]).toHex(),
      { code: "FIELD_OVERRUN", offset: 16 },
      version === 25 ? { strict: true } : undefined,
    );
  }
  dec(
    "decode/FIELD_OVERRUN/v17-header",
    17,
    SEC.v17floating,
    "1 byte left: not enough for a 2-byte floating field header",
    frameWithTail(17, core, [TAG.AgentID]),
    { code: "FIELD_OVERRUN", offset: fixedEnd + coreLen(17) },
  );
  dec(
    "decode/FIELD_OVERRUN/v17-unknown-tag",
    17,
    SEC.v17floating,
    "lenient: an unknown tag whose length runs past the end is still an overrun",
    frameWithTail(17, core, [200, 5, 1, 2]),
    { code: "FIELD_OVERRUN", offset: fixedEnd + coreLen(17), field: "tag 200" },
    { strict: false },
  );

  // FIELD_TOO_LONG: STRINGs only when strict (lenient decoding accepts them with a warning: see edge/);
  // other variable-size fields always.
  dec(
    "decode/FIELD_TOO_LONG/v17-client-address-strict",
    17,
    `${SEC.seed}: ClientAddress STRING 16`,
    "strict: ClientAddress of 17 bytes (16 characters + NUL) at v17, where its maximum is 16",
    seedFrame(17, [[TAG.ClientAddress, stringz("255.255.255.2555")], ...core.slice(1)]),
    { code: "FIELD_TOO_LONG", offset: fixedEnd, field: "ClientAddress" },
    { strict: true },
  );
  dec(
    "decode/FIELD_TOO_LONG/v25-agent-id",
    25,
    "Ch 5, CLIENT_SESSION_OPENED_EVENT: AgentID STRING 12",
    "strict: AgentID of 13 bytes",
    seedFrame(25, [...core, [TAG.AgentID, stringz("123456789012")]]),
    { code: "FIELD_TOO_LONG", offset: fixedEnd + coreLen(25), field: "AgentID" },
    { strict: true },
  );
  dec(
    "decode/FIELD_TOO_LONG/named-variable-name",
    25,
    `${SEC.namedvar} (VariableName: at most 33 bytes with its NUL)`,
    "strict: a NamedVariable name of 33 characters",
    cdeFrame(25, 1, 0, [[TAG.NamedVariable, namedVar("n".repeat(33), "v")]]).hex,
    { code: "FIELD_TOO_LONG", offset: 62, field: "NamedVariable" },
    { strict: true },
  );
  dec(
    "decode/FIELD_TOO_LONG/named-variable-field",
    25,
    `${SEC.namedvar} (FieldLength 3 to 251)`,
    "a NamedVariable field of 252 bytes",
    cdeFrame(25, 1, 0, [[TAG.NamedVariable, namedVar("user.x", "v".repeat(252 - 8))]]).hex,
    { code: "FIELD_TOO_LONG", offset: 62, field: "NamedVariable" },
  );

  // INVALID_FIELD_LENGTH (strict)
  dec(
    "decode/INVALID_FIELD_LENGTH/uint-2-bytes",
    25,
    SEC.dataTypes,
    "strict: SecondaryConnectionCallID (UINT) with 2 data bytes",
    cdeFrame(25, 0, 0, [
      [25, stringz("5001")],
      [202, [0, 7]],
    ]).hex,
    { code: "INVALID_FIELD_LENGTH", offset: 62 + 4 + 5, field: "SecondaryConnectionCallID" },
    { strict: true },
  );
  dec(
    "decode/INVALID_FIELD_LENGTH/v17-ushort-4-bytes",
    17,
    SEC.dataTypes,
    "strict: NumPeripherals (USHORT) of OPEN_CONF with 4 data bytes",
    openConfFrame(17, [[228, [0, 0, 0, 0]]]),
    { code: "INVALID_FIELD_LENGTH", offset: messageSpec("OPEN_CONF", 17).fixedSize, field: "NumPeripherals" },
    { strict: true },
  );
  dec(
    "decode/INVALID_FIELD_LENGTH/empty-named-array",
    25,
    SEC.namedarray,
    "strict: a NamedArray field of length 0 (no index byte)",
    cdeFrame(25, 0, 1, [[TAG.NamedArray, []]]).hex,
    { code: "INVALID_FIELD_LENGTH", offset: 62, field: "NamedArray" },
    { strict: true },
  );

  // TAG_NOT_ALLOWED (strict)
  dec(
    "decode/TAG_NOT_ALLOWED/v17",
    17,
    SEC.formats,
    "strict: tag 200 is not in CLIENT_SESSION_OPENED_EVENT",
    seedFrame(17, [...core, [200, [1]]]),
    { code: "TAG_NOT_ALLOWED", offset: fixedEnd + coreLen(17), field: "tag 200" },
    { strict: true },
  );
  dec(
    "decode/TAG_NOT_ALLOWED/v25-wide-tag",
    25,
    SEC.floating,
    "strict: tag 1000 (a USHORT tag) is not in the layout",
    seedFrame(25, [...core, [1000, [1]]]),
    { code: "TAG_NOT_ALLOWED", offset: fixedEnd + coreLen(25), field: "tag 1000" },
    { strict: true },
  );
  dec(
    "decode/TAG_NOT_ALLOWED/v19-removed-field",
    19,
    "Ch 7 Changes and Additions, Protocol Version 19 (ClientAddressIPV6 removed)",
    "strict: ClientAddressIPV6 (226) is not in the v19 layout",
    seedFrame(19, [...core, [226, stringz("::1")]]),
    { code: "TAG_NOT_ALLOWED", offset: fixedEnd + coreLen(19), field: "tag 226" },
    { strict: true },
  );

  // DUPLICATE_FIELD (strict)
  dec(
    "decode/DUPLICATE_FIELD/client-id",
    17,
    `${SEC.floating} ("each floating field appears only once unless ... a member of a list")`,
    "strict: ClientID twice",
    seedFrame(17, [...core, [TAG.ClientID, stringz("again")]]),
    { code: "DUPLICATE_FIELD", offset: fixedEnd + coreLen(17), field: "ClientID" },
    { strict: true },
  );
  dec(
    "decode/DUPLICATE_FIELD/v25",
    25,
    SEC.floating,
    "strict: ClientSignature twice",
    seedFrame(25, [...core, [TAG.ClientSignature, stringz("x")]]),
    { code: "DUPLICATE_FIELD", offset: fixedEnd + coreLen(25), field: "ClientSignature" },
    { strict: true },
  );

  // MISSING_REQUIRED_FIELD
  dec(
    "decode/MISSING_REQUIRED_FIELD/client-id",
    17,
    "v17 guide, Ch 5, CLIENT_SESSION_OPENED_EVENT (ClientID is not optional)",
    "strict: no ClientID",
    seedFrame(17, [core[0], core[2]]),
    { code: "MISSING_REQUIRED_FIELD", field: "ClientID" },
    { strict: true },
  );
  dec(
    "decode/MISSING_REQUIRED_FIELD/no-floating-part",
    25,
    "Ch 5, CLIENT_SESSION_OPENED_EVENT",
    "strict: the fixed part only",
    seedFrame(25, []),
    { code: "MISSING_REQUIRED_FIELD", field: "ClientAddress" },
    { strict: true },
  );
  dec(
    "decode/MISSING_REQUIRED_FIELD/alternative-not-for-v25",
    17,
    SEC.seed,
    "strict: ClientAddressIPV6 replaces ClientAddress, but ClientID is still missing",
    seedFrame(17, [[226, stringz("::1")], core[2]]),
    { code: "MISSING_REQUIRED_FIELD", field: "ClientID" },
    { strict: true },
  );
  enc(
    "encode/MISSING_REQUIRED_FIELD/strict",
    25,
    "Ch 5, CLIENT_SESSION_OPENED_EVENT",
    "strict encode without ClientSignature",
    { ...seedFixedJson(), clientAddress: "10.1.2.3", clientID: "ctiosA" },
    { code: "MISSING_REQUIRED_FIELD", field: "ClientSignature" },
    { strict: true },
  );
  enc(
    "encode/MISSING_REQUIRED_FIELD/fixed",
    25,
    SEC.formats,
    "a fixed field (SessionID) is missing: there is no value to write, in either mode",
    {
      type: "CLIENT_SESSION_OPENED_EVENT",
      peripheralID: 1,
      servicesGranted: 1,
      callMsgMask: 1,
      agentStateMask: 1,
      clientPort: 1,
      clientAddress: "a",
      clientID: "b",
      clientSignature: "c",
    },
    { code: "MISSING_REQUIRED_FIELD", field: "SessionID" },
  );

  // STRING_NOT_TERMINATED (strict)
  dec(
    "decode/STRING_NOT_TERMINATED/string",
    17,
    `${SEC.floating} ("For string data, it includes the null termination byte")`,
    "strict: AgentID without its NUL",
    seedFrame(17, [...core, [TAG.AgentID, latin1("1001")]]),
    { code: "STRING_NOT_TERMINATED", offset: fixedEnd + coreLen(17), field: "AgentID" },
    { strict: true },
  );
  dec(
    "decode/STRING_NOT_TERMINATED/empty",
    25,
    SEC.floating,
    "strict: a STRING field of length 0",
    seedFrame(25, [...core, [TAG.AgentID, []]]),
    { code: "STRING_NOT_TERMINATED", offset: fixedEnd + coreLen(25), field: "AgentID" },
    { strict: true },
  );
  dec(
    "decode/STRING_NOT_TERMINATED/named-variable-value",
    25,
    SEC.namedvar,
    "strict: a NamedVariable whose value has no NUL",
    cdeFrame(25, 1, 0, [[TAG.NamedVariable, [...stringz("user.a"), ...latin1("x")]]]).hex,
    { code: "STRING_NOT_TERMINATED", offset: 62, field: "NamedVariable" },
    { strict: true },
  );
  dec(
    "decode/STRING_NOT_TERMINATED/named-array-name",
    17,
    SEC.namedarray,
    "strict: a NamedArray with no NUL at all",
    cdeFrame(17, 0, 1, [[TAG.NamedArray, [1, ...latin1("user.a")]]]).hex,
    { code: "STRING_NOT_TERMINATED", offset: 62, field: "NamedArray" },
    { strict: true },
  );

  // NAMED_DATA_TOO_LONG (strict)
  const nine = [];
  for (let i = 0; i < 9; i++) nine.push([TAG.NamedVariable, namedVar(`user.var${i}`, "x".repeat(220 - 9 - 2))]);
  if (nine.reduce((n, [, d]) => n + d.length, 0) !== 1980) throw new Error("named data arithmetic");
  dec(
    "decode/NAMED_DATA_TOO_LONG/v17",
    17,
    `${CH3}, Data Types ("NamedVariable and NamedArray fields in one message are limited to 2000 bytes combined")`,
    "strict: nine NamedVariables of 220 bytes (1980) and one NamedArray of 21 bytes: 2001",
    cdeFrame(17, 9, 1, [...nine, [TAG.NamedArray, namedArray(0, "user.arr", "x".repeat(11))]]).hex,
    { code: "NAMED_DATA_TOO_LONG" },
    { strict: true },
  );
  enc(
    "encode/NAMED_DATA_TOO_LONG/v25",
    25,
    SEC.dataTypes,
    "strict encode: ten NamedVariables of 201 bytes (2010)",
    cdeMessage(
      25,
      Array.from({ length: 10 }, (_, i) => ({ name: `user.v${i}`, value: "y".repeat(201 - 7 - 2) })),
    ),
    { code: "NAMED_DATA_TOO_LONG" },
    { strict: true },
  );

  // COUNT_MISMATCH (strict)
  dec(
    "decode/COUNT_MISMATCH/named-variables",
    17,
    SEC.floating,
    "strict: NumNamedVariables 3, two NamedVariables",
    cdeFrame(17, 3, 0, [
      [TAG.NamedVariable, namedVar("user.a", "1")],
      [TAG.NamedVariable, namedVar("user.b", "2")],
    ]).hex,
    { code: "COUNT_MISMATCH", field: "NumNamedVariables", offset: 58 },
    { strict: true },
  );
  dec(
    "decode/COUNT_MISMATCH/named-arrays",
    25,
    SEC.floating,
    "strict: NumNamedArrays 0, one NamedArray",
    cdeFrame(25, 0, 0, [[TAG.NamedArray, namedArray(1, "user.a", "1")]]).hex,
    { code: "COUNT_MISMATCH", field: "NumNamedArrays", offset: 60 },
    { strict: true },
  );
  enc(
    "encode/COUNT_MISMATCH/strict",
    25,
    SEC.floating,
    "strict encode: numNamedVariables 2 with one namedVariables entry",
    { ...cdeMessage(25, [{ name: "user.a", value: "1" }]), numNamedVariables: 2 },
    { code: "COUNT_MISMATCH", field: "NumNamedVariables" },
    { strict: true },
  );

  // INVALID_BOOL (strict)
  dec(
    "decode/INVALID_BOOL/fixed",
    25,
    `${SEC.dataTypes} (BOOL: 0 or 1)`,
    "strict: OPEN_CONF PeripheralOnline = 2",
    openConfFrame(25, [[228, [0, 0]]], 2),
    { code: "INVALID_BOOL", offset: 28, field: "PeripheralOnline" },
    { strict: true },
  );
  dec(
    "decode/INVALID_BOOL/v17-fixed",
    17,
    SEC.dataTypes,
    "strict: OPEN_CONF PeripheralOnline = 0x0100",
    openConfFrame(17, [[228, [0, 0]]], 0x100),
    { code: "INVALID_BOOL", offset: 28, field: "PeripheralOnline" },
    { strict: true },
  );

  // INVALID_UTF8 (strict, utf8)
  dec(
    "decode/INVALID_UTF8/lone-continuation",
    25,
    SEC.dataTypes,
    "strict, encoding utf8: ClientID holds 0x80",
    seedFrame(25, [core[0], [TAG.ClientID, [0x61, 0x80, 0]], core[2]]),
    { code: "INVALID_UTF8", offset: fixedEnd + 4 + 9, field: "ClientID" },
    { strict: true, encoding: "utf8" },
  );
  dec(
    "decode/INVALID_UTF8/truncated-sequence",
    17,
    SEC.dataTypes,
    "strict, encoding utf8: ClientSignature ends inside a 3-byte sequence",
    seedFrame(17, [core[0], core[1], [TAG.ClientSignature, [0xe6, 0x9d, 0]]]),
    { code: "INVALID_UTF8", offset: fixedEnd + 2 + 9 + 2 + 7, field: "ClientSignature" },
    { strict: true, encoding: "utf8" },
  );

  // Encode-side errors.
  enc(
    "encode/FIELD_NOT_IN_VERSION/agent-state-event",
    17,
    "Ch 7 Changes and Additions (AGENT_STATE_EVENT gained ActiveTerminal in a later version)",
    "activeTerminal is a property of AGENT_STATE_EVENT at later versions only",
    laterFieldMessage(),
    { code: "FIELD_NOT_IN_VERSION" },
  );
  enc(
    "encode/FIELD_NOT_IN_VERSION/lenient",
    17,
    "Ch 7 Changes and Additions",
    "lenient too: a property of another version is an error, not ignored",
    laterFieldMessage(),
    { code: "FIELD_NOT_IN_VERSION" },
    { strict: false },
  );
  enc(
    "encode/MESSAGE_NOT_IN_VERSION/network-recording",
    17,
    "Ch 7 Changes and Additions, Protocol Version 23",
    "START_NETWORK_RECORDING_REQ has no layout at v17",
    { type: "START_NETWORK_RECORDING_REQ", invokeID: 1 },
    { code: "MESSAGE_NOT_IN_VERSION" },
  );
  enc(
    "encode/UNKNOWN_MESSAGE/name",
    25,
    SEC.types,
    "a message name no version knows",
    { type: "NO_SUCH_MESSAGE_REQ" },
    { code: "UNKNOWN_MESSAGE" },
  );
  enc(
    "encode/UNKNOWN_PROPERTY/strict",
    25,
    SEC.formats,
    "strict encode: a property the message has at no version",
    { ...seedFixedJson(), clientAddress: "a", clientID: "b", clientSignature: "c", bogus: 1 },
    { code: "UNKNOWN_PROPERTY", field: "bogus" },
    { strict: true },
  );
  enc(
    "encode/VALUE_OUT_OF_RANGE/uint",
    25,
    SEC.dataTypes,
    "SessionID 2^32 does not fit a UINT",
    { ...seedFixedJson(), sessionID: 4294967296, clientAddress: "a", clientID: "b", clientSignature: "c" },
    { code: "VALUE_OUT_OF_RANGE", field: "SessionID" },
  );
  enc(
    "encode/VALUE_OUT_OF_RANGE/negative-uint",
    17,
    SEC.dataTypes,
    "ClientPort -1 does not fit a UINT",
    { ...seedFixedJson(), clientPort: -1, clientAddress: "a", clientID: "b", clientSignature: "c" },
    { code: "VALUE_OUT_OF_RANGE", field: "ClientPort" },
  );
  enc(
    "encode/VALUE_OUT_OF_RANGE/string-max",
    17,
    SEC.seed,
    "ClientAddress of 16 characters: 17 bytes with its NUL, above its maximum of 16",
    { ...seedFixedJson(), clientAddress: "255.255.255.2555", clientID: "b", clientSignature: "c" },
    { code: "VALUE_OUT_OF_RANGE", field: "ClientAddress" },
  );
  enc(
    "encode/VALUE_OUT_OF_RANGE/ushort",
    25,
    SEC.dataTypes,
    "NumNamedVariables 65536 does not fit a USHORT",
    { ...cdeMessage(25, []), numNamedVariables: 65536 },
    { code: "VALUE_OUT_OF_RANGE", field: "NumNamedVariables" },
  );
  enc(
    "encode/INVALID_VALUE/string-for-uint",
    25,
    SEC.dataTypes,
    "SessionID given as a string",
    { ...seedFixedJson(), sessionID: "7", clientAddress: "a", clientID: "b", clientSignature: "c" },
    { code: "INVALID_VALUE", field: "SessionID" },
  );
  enc(
    "encode/INVALID_VALUE/number-for-string",
    17,
    SEC.dataTypes,
    "ClientID given as a number",
    { ...seedFixedJson(), clientAddress: "a", clientID: 5, clientSignature: "c" },
    { code: "INVALID_VALUE", field: "ClientID" },
  );
  enc(
    "encode/INVALID_VALUE/nul-in-string",
    25,
    SEC.floating,
    "a NUL inside a STRING value cannot be written",
    { ...seedFixedJson(), clientAddress: "a", clientID: "b\u0000c", clientSignature: "c" },
    { code: "INVALID_VALUE", field: "ClientID" },
  );
  enc(
    "encode/INVALID_VALUE/bad-hex",
    25,
    SEC.dataTypes,
    "an UNSPEC value (UserToUserInfo) that is not a hex string",
    { ...cdeMessage(25, []), userToUserInfo: "xyz" },
    { code: "INVALID_VALUE" },
  );
  dec(
    "decode/INVALID_ARGUMENT/strict-not-boolean",
    25,
    "the codec's options (not the guide)",
    "strict: 'yes' is not a boolean: a typed INVALID_ARGUMENT naming the option",
    full17,
    { code: "INVALID_ARGUMENT", field: "strict" },
    { strict: "yes" },
  );
  dec(
    "decode/INVALID_VERSION/16",
    16,
    "Ch 7 Changes and Additions (versions 17 to 25)",
    "protocol version 16 is not supported",
    full17,
    { code: "INVALID_VERSION" },
  );
  enc(
    "encode/INVALID_VERSION/26",
    26,
    "Ch 7 Changes and Additions (versions 17 to 25)",
    "protocol version 26 is not supported",
    { ...seedFixedJson(), clientAddress: "a", clientID: "b", clientSignature: "c" },
    { code: "INVALID_VERSION" },
  );
  return v;
}

/** The seed frame with raw bytes appended after the core fields, MessageLength covering them. */
function frameWithTail(version, fields, tail) {
  const body = new ByteBuilder(version);
  for (const [, , x] of SEED_FIXED) body.u32(x);
  for (const [tag, data] of fields) body.field(tag, data);
  body.bytes(tail);
  return frame(99, body).toHex();
}

/** CALL_DELIVERED_EVENT (fixed part 62 bytes with the header): counts, then the given fields. */
function cdeFrame(version, numVars, numArrays, fields) {
  const spec = messageSpec("CALL_DELIVERED_EVENT", version);
  const body = new ByteBuilder(version);
  for (const f of spec.fixed.slice(1)) {
    const value = f.name === "NumNamedVariables" ? numVars : f.name === "NumNamedArrays" ? numArrays : 1;
    if (f.size === 4) body.u32(value);
    else body.u16(value);
  }
  if (spec.fixedSize !== 62) throw new Error("CALL_DELIVERED_EVENT fixed size changed");
  for (const [tag, data] of fields) body.field(tag, data);
  // The required ConnectionDeviceID and SecondaryConnectionCallID come last (each vector has one defect).
  if (!fields.some(([tag]) => tag === 25)) body.field(25, stringz("5001"));
  if (!fields.some(([tag]) => tag === 202)) body.field(202, [0, 0, 0, 7]);
  return { hex: frame(9, body).toHex() };
}

/** A CALL_DELIVERED_EVENT message object for encode vectors. */
function cdeMessage(version, namedVariables) {
  const m = { type: "CALL_DELIVERED_EVENT" };
  for (const f of messageSpec("CALL_DELIVERED_EVENT", version).fixed.slice(1)) {
    m[fieldPropertyName(f.name)] =
      f.name === "NumNamedVariables" ? namedVariables.length : f.name === "NumNamedArrays" ? 0 : 1;
  }
  return { ...m, connectionDeviceID: "5001", secondaryConnectionCallID: 7, namedVariables, namedArrays: [] };
}

/** OPEN_CONF (fixed part 40 bytes with the header; PeripheralOnline at offset 28). */
function openConfFrame(version, fields, online = 1) {
  const spec = messageSpec("OPEN_CONF", version);
  const body = new ByteBuilder(version);
  for (const f of spec.fixed.slice(1)) {
    if (f.type === "BOOL") {
      if (f.offset !== 28) throw new Error("OPEN_CONF layout changed");
      body.u16(online);
    } else if (f.size === 4) body.u32(1);
    else body.u16(1);
  }
  for (const [tag, data] of fields) body.field(tag, data);
  return frame(4, body).toHex();
}

/** An AGENT_STATE_EVENT as at v25, with activeTerminal (not a v17 field). */
function laterFieldMessage() {
  const spec = messageSpec("AGENT_STATE_EVENT", 17);
  if (spec.floating.some((f) => f.name === "ActiveTerminal")) throw new Error("ActiveTerminal exists at v17");
  if (!messageSpec("AGENT_STATE_EVENT", 25).floating.some((f) => f.name === "ActiveTerminal"))
    throw new Error("no ActiveTerminal at v25");
  const m = { type: "AGENT_STATE_EVENT" };
  for (const f of spec.fixed.slice(1)) m[fieldPropertyName(f.name)] = f.type === "BOOL" ? false : 1;
  m.activeTerminal = "T1";
  return m;
}

// ---------------------------------------------------------------------------------------------
// Stream vectors

/** A small deterministic PRNG (mulberry32) for the stored random chunkings. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomChunkings(total, count, seed, maxChunk) {
  const rnd = prng(seed);
  const out = [];
  for (let c = 0; c < count; c++) {
    const sizes = [];
    let left = total;
    const cap = Math.max(1, Math.floor(maxChunk * (0.1 + rnd())));
    while (left > 0) {
      const n = Math.min(left, 1 + Math.floor(rnd() * cap));
      sizes.push(n);
      left -= n;
    }
    out.push(sizes);
  }
  return out;
}

function streamVectors(valid) {
  const byId = new Map(valid.map((x) => [x.id, x]));
  const pick = (id) => {
    const x = byId.get(id);
    if (!x) throw new Error(`no vector ${id}`);
    return x;
  };
  const out = [];
  const add = (id, version, section, comment, parts, expected, options, extra = {}) => {
    const hexStr = parts.join("");
    const total = hexStr.length / 2;
    out.push({
      id,
      version,
      section,
      comment,
      ...(options ? { options } : {}),
      hex: hexStr,
      chunkings: {
        whole: true,
        bytes: true,
        splits: total <= 4096,
        random: randomChunkings(total, 12, hashSeed(id), Math.max(2, Math.floor(total / 3))),
      },
      ...expected,
      ...extra,
    });
  };

  // 1. v17: the seed and friends.
  {
    const a = pick("v17/CLIENT_SESSION_OPENED_EVENT/seed");
    const b = pick("v17/CLIENT_SESSION_OPENED_EVENT/max");
    const c = pick("v17/HEARTBEAT_REQ/full");
    const d = pick("v17/CALL_DELIVERED_EVENT/full");
    add("stream/v17/four-messages", 17, SEC.v17floating, "four v17 frames back to back", [a.hex, b.hex, c.hex, d.hex], {
      messages: [a.message, b.message, c.message, d.message],
      errors: [],
    });
  }
  // 2. v25: several message types, incl. unknown and a header-only one.
  {
    const ids = [
      "v25/OPEN_REQ/full",
      "v25/CONFIG_AGENT_EVENT/full",
      "edge/v25/unknown-message-type-empty",
      "v25/HEARTBEAT_REQ/full",
      "v25/CALL_DELIVERED_EVENT/full",
      "edge/v25/unknown-message-type",
    ];
    const xs = ids.map(pick);
    add(
      "stream/v25/six-messages",
      25,
      SEC.floating,
      "six v25 frames, one of them header-only (MessageLength 0) and two of unknown types",
      xs.map((x) => x.hex),
      { messages: xs.map((x) => x.message), errors: [] },
    );
  }
  // 3. Content error in the middle (strict, unknown tag): reported, decoding goes on.
  {
    const a = pick("v25/HEARTBEAT_REQ/full");
    const bad = seedFrame(25, [
      [TAG.ClientAddress, stringz("10.1.2.3")],
      [TAG.ClientID, stringz("ctiosA")],
      [TAG.ClientSignature, stringz("sig")],
      [1000, [1]],
    ]);
    const c = pick("v25/CLIENT_SESSION_OPENED_EVENT/full");
    const at = a.hex.length / 2;
    add(
      "stream/v25/content-error-strict",
      25,
      SEC.floating,
      "strict: the middle frame has a tag not in its layout; the frames around it decode; the error's offset is in the stream",
      [a.hex, bad, c.hex],
      {
        messages: [a.message, c.message],
        errors: [{ code: "TAG_NOT_ALLOWED", offset: at + 32 + 4 + 9 + 4 + 7 + 4 + 4, field: "tag 1000", after: 1 }],
      },
      { strict: true },
    );
  }
  // 4. Content error, lenient: a field overrun inside a well-framed frame.
  {
    const a = pick("v17/CLIENT_SESSION_OPENED_EVENT/seed");
    const bad = frameWithTail(17, [[TAG.ClientAddress, stringz("10.1.2.3")]], [TAG.ClientID, 40, 0x41]);
    const c = pick("v17/HEARTBEAT_REQ/full");
    const d = pick("v17/CLIENT_SESSION_OPENED_EVENT/minimal");
    const at = a.hex.length / 2;
    add(
      "stream/v17/field-overrun-lenient",
      17,
      SEC.v17floating,
      "lenient: the second frame's last field runs past its end; the next frames decode",
      [a.hex, bad, c.hex, d.hex],
      {
        messages: [a.message, c.message, d.message],
        errors: [{ code: "FIELD_OVERRUN", offset: at + 32 + 2 + 9, field: "ClientID", after: 1 }],
      },
    );
  }
  // 5. Two content errors, one a frame too short for its fixed part.
  {
    const a = pick("v25/HEARTBEAT_REQ/full");
    const bad1 = frame(9, []).toHex(); // CALL_DELIVERED_EVENT, MessageLength 0
    const b = pick("v25/CLOSE_REQ/full");
    const bad2 = seedFrame(25, [
      [TAG.ClientAddress, stringz("10.1.2.3")],
      [TAG.ClientID, latin1("x")],
      [TAG.ClientSignature, stringz("s")],
    ]);
    const c = pick("v25/CLOSE_CONF/full");
    const o1 = a.hex.length / 2;
    const o2 = o1 + 8 + b.hex.length / 2;
    add(
      "stream/v25/two-content-errors-strict",
      25,
      SEC.formats,
      "strict: a CALL_DELIVERED_EVENT with no fixed part, and a ClientID without NUL; three good frames decode",
      [a.hex, bad1, b.hex, bad2, c.hex],
      {
        messages: [a.message, b.message, c.message],
        errors: [
          { code: "MESSAGE_TOO_SHORT", offset: o1, after: 1 },
          { code: "STRING_NOT_TERMINATED", offset: o2 + 32 + 4 + 9, field: "ClientID", after: 2 },
        ],
      },
      { strict: true },
    );
  }
  // 6. Fatal: a MessageLength above the limit. No resynchronisation.
  {
    const a = pick("v17/CLIENT_SESSION_OPENED_EVENT/seed");
    const b = pick("v17/HEARTBEAT_REQ/full");
    const bad = new ByteBuilder(17)
      .u32(maxMessageSize(17) - 8 + 1)
      .u32(99)
      .toHex();
    const c = pick("v17/CLOSE_REQ/full");
    const at = (a.hex.length + b.hex.length) / 2;
    add(
      "stream/v17/fatal-message-too-long",
      17,
      `${SEC.types}; ${SEC.mhdr}`,
      "the third header announces a 4330-byte frame: MESSAGE_TOO_LONG at its offset, then FRAMING_LOST for every later push; the two frames before it are delivered; nothing after it is",
      [a.hex, b.hex, bad, c.hex, c.hex],
      {
        messages: [a.message, b.message],
        errors: [
          { code: "MESSAGE_TOO_LONG", offset: at, after: 2 },
          { code: "FRAMING_LOST", offset: at },
        ],
      },
    );
  }
  // 7. Fatal with a configured limit.
  {
    const a = pick("v25/HEARTBEAT_REQ/full");
    const b = pick("v25/CLIENT_SESSION_OPENED_EVENT/max");
    const c = pick("v25/CLOSE_REQ/full");
    add(
      "stream/v25/fatal-configured-limit",
      25,
      SEC.types,
      `options.maxMessageSize 100: the ${b.hex.length / 2}-byte frame is fatal`,
      [a.hex, b.hex, c.hex],
      {
        messages: [a.message],
        errors: [
          { code: "MESSAGE_TOO_LONG", offset: a.hex.length / 2, after: 1 },
          { code: "FRAMING_LOST", offset: a.hex.length / 2 },
        ],
      },
      { maxMessageSize: 100 },
    );
  }
  // 8. Truncated stream: ends inside a frame.
  {
    const a = pick("v25/CLIENT_SESSION_OPENED_EVENT/full");
    const b = pick("v25/HEARTBEAT_REQ/full");
    const cut = pick("v25/CALL_DELIVERED_EVENT/full").hex.slice(0, 2 * 40);
    const at = (a.hex.length + b.hex.length) / 2;
    add(
      "stream/v25/truncated-in-frame",
      25,
      SEC.mhdr,
      "the stream ends 40 bytes into the third frame: finish() throws TRUNCATED_STREAM at that frame's offset",
      [a.hex, b.hex, cut],
      {
        messages: [a.message, b.message],
        errors: [{ code: "TRUNCATED_STREAM", offset: at, after: 2 }],
      },
    );
    add(
      "stream/v17/truncated-in-header",
      17,
      SEC.mhdr,
      "the stream ends 5 bytes into the second header",
      [pick("v17/HEARTBEAT_REQ/full").hex, "0000000400"],
      {
        messages: [pick("v17/HEARTBEAT_REQ/full").message],
        errors: [{ code: "TRUNCATED_STREAM", offset: pick("v17/HEARTBEAT_REQ/full").hex.length / 2, after: 1 }],
      },
    );
  }
  // 9. An empty stream.
  out.push({
    id: "stream/v25/empty",
    version: 25,
    section: SEC.formats,
    comment: "no bytes: no messages, no error",
    hex: "",
    chunkings: { whole: true, bytes: true, splits: true, random: [] },
    messages: [],
    errors: [],
  });
  return out;
}

function hashSeed(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

// ---------------------------------------------------------------------------------------------
// Output

/** One vector per line: diff-friendly, stable order. */
function vectorFile(header, vectors) {
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, "");
  const lines = vectors.map((x) => `    ${JSON.stringify(x)}`);
  return `${head},\n  "vectors": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

const files = new Map();
const validByVersion = new Map();
for (let version = 17; version <= 25; version++) {
  const xs = schemaVectors(version);
  if (version === 17) xs.unshift(...seedVectors());
  if (xs.length > 0) validByVersion.set(version, xs);
}
const edge = edgeVectors();
const allValid = [...[...validByVersion.values()].flat(), ...edge];
for (const [version, xs] of validByVersion) {
  files.set(
    `valid/v${version}.json`,
    vectorFile(
      {
        description:
          version === 17 || version === 25
            ? `Every message layout of protocol version ${version}, generated from @ctiwire/protocol by tools/build.mjs (variants: ${Object.keys(VARIANTS).join(", ")}).`
            : `The message layouts that change at protocol version ${version}, generated from @ctiwire/protocol by tools/build.mjs.`,
        kind: "valid",
        version,
      },
      xs,
    ),
  );
}
files.set(
  "valid/edge.json",
  vectorFile(
    {
      description: "Hand-written valid vectors: unknown types and tags, lenient decoding, encodings, limits.",
      kind: "valid",
    },
    edge,
  ),
);
const invalid = invalidVectors();
files.set(
  "invalid.json",
  vectorFile(
    {
      description: "Frames (op decode) and messages (op encode) the codec must reject, with the error code.",
      kind: "invalid",
    },
    invalid,
  ),
);
const stream = streamVectors(allValid);
files.set(
  "stream.json",
  vectorFile(
    {
      description: "Byte streams for the FrameDecoder: expected messages and errors for every chunking.",
      kind: "stream",
    },
    stream,
  ),
);

// Coverage: every error code of the codec (packages/codec/src/errors.ts) must be expected somewhere.
const errorsTs = readFileSync(join(root, "../packages/codec/src/errors.ts"), "utf8");
const codes = [
  ...errorsTs
    .slice(errorsTs.indexOf("export type CtiErrorCode"))
    .split(";")[0]
    .matchAll(/\|\s*"([A-Z_0-9]+)"/g),
].map((m) => m[1]);
const covered = new Set([...invalid.map((x) => x.error.code), ...stream.flatMap((x) => x.errors.map((e) => e.code))]);
// Codes no frame or message can produce: they report API misuse, and the codec's own tests cover them.
const API_ONLY = new Map([["BUFFER_TOO_SMALL", "encodeInto with a target buffer too small for the frame"]]);
const missing = codes.filter((c) => !covered.has(c) && !API_ONLY.has(c));
if (missing.length > 0) throw new Error(`error codes without a vector: ${missing.join(", ")}`);

const ids = new Set();
for (const x of [...allValid, ...invalid, ...stream]) {
  if (ids.has(x.id)) throw new Error(`duplicate vector id ${x.id}`);
  ids.add(x.id);
}

// Robustness regressions (packages/robustness/scripts/build-vectors.mjs writes the file): each
// vector names its set (`kind`), and vectors.js adds it there.
const hasRobustness = existsSync(join(root, "fuzz/robustness.json"));
if (hasRobustness) {
  for (const x of JSON.parse(readFileSync(join(root, "fuzz/robustness.json"), "utf8")).vectors) {
    if (ids.has(x.id)) throw new Error(`duplicate vector id ${x.id}`);
    ids.add(x.id);
  }
}

const versions = [...validByVersion.keys()];
// Hand-typed vectors (test-vectors/hand, written and checked by their own tools) join the valid set.
const hasHand = existsSync(join(root, "hand/vectors.json"));
const imports = [
  ...(hasRobustness ? [["robustness", "./fuzz/robustness.json"]] : []),
  ...(hasHand ? [["hand", "./hand/vectors.json"]] : []),
  ["invalid", "./invalid.json"],
  ["stream", "./stream.json"],
  ["edge", "./valid/edge.json"],
  ...versions.map((v) => [`v${v}`, `./valid/v${v}.json`]),
];
const vectorsJs =
  `// Generated by tools/build.mjs: the vector files as one ES module (for runtimes and bundlers\n` +
  `// without JSON import attributes). Do not edit.\n\n` +
  imports.map(([name, path]) => `import ${name} from "${path}" with { type: "json" };\n`).join("") +
  (hasRobustness
    ? `\nconst robust = (kind) => robustness.vectors.filter((x) => x.kind === kind);\n` +
      `\nexport default {\n  valid: [${[...versions.map((v) => `v${v}`), "edge", ...(hasHand ? ["hand"] : []), 'robust("valid")'].join(", ")}],\n` +
      `  invalid: { ...invalid, vectors: [...invalid.vectors, ...robust("invalid")] },\n` +
      `  stream: { ...stream, vectors: [...stream.vectors, ...robust("stream")] },\n};\n`
    : `\nexport default { valid: [${[...versions.map((v) => `v${v}`), "edge", ...(hasHand ? ["hand"] : [])].join(", ")}], invalid, stream };\n`);
files.set("vectors.js", vectorsJs);

let changed = 0;
for (const [rel, content] of files) {
  const path = join(root, rel);
  let old = null;
  try {
    old = readFileSync(path, "utf8");
  } catch {}
  if (old === content) continue;
  changed++;
  if (check) console.error(`test-vectors: ${rel} is out of date (run npm run build:vectors -w @ctiwire/test-vectors)`);
  else writeFileSync(path, content);
}
const summary = [
  ...[...validByVersion].map(([v, xs]) => `v${v}: ${xs.length}`),
  `edge: ${edge.length}`,
  `invalid: ${invalid.length}`,
  `stream: ${stream.length}`,
].join(", ");
if (check && changed > 0) process.exit(1);
console.log(
  `test-vectors: ${check ? "up to date" : changed ? `${changed} file(s) written` : "unchanged"} (${summary})`,
);
