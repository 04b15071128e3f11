// Chapter 7 history records (src/history.ts) and the version helpers (src/versions.ts): the records
// are well formed, agree with each other, and name messages, fields and tags that the guides have.
import { describe, expect, it } from "vitest";
import { LAYOUTS_V23 } from "../src/generated/layouts-v23.js";
import { LAYOUTS_V24, UNTAGGED_FIELDS_V24 } from "../src/generated/layouts-v24.js";
import { LAYOUTS_V25 } from "../src/generated/layouts-v25.js";
import { MESSAGE_TYPE_NAMES } from "../src/generated/message-types.js";
import { TAGS_V23 } from "../src/generated/tags-v23.js";
import { TAGS_V24 } from "../src/generated/tags-v24.js";
import { TAGS_V25 } from "../src/generated/tags-v25.js";
import { HISTORY } from "../src/history.js";
import type { GuideLayout, GuideTag, HistoryChange } from "../src/types.js";
import { PROTOCOL_VERSIONS } from "../src/types.js";
import {
  assertProtocolVersion,
  floatingHeaderSize,
  isProtocolVersion,
  MAX_MESSAGE_SIZE,
  maxFloatingFieldLength,
  maxMessageSize,
  maxTagNumber,
} from "../src/versions.js";

type Kind = HistoryChange["kind"];
type Of<K extends Kind> = Extract<HistoryChange, { kind: K }>;
const of = <K extends Kind>(kind: K): Of<K>[] => HISTORY.filter((c): c is Of<K> => c.kind === kind);

/** The guide edition whose layouts and tags show a change of `version` already made. */
const LAYOUTS: Record<23 | 24 | 25, readonly GuideLayout[]> = { 23: LAYOUTS_V23, 24: LAYOUTS_V24, 25: LAYOUTS_V25 };
const TAGS: Record<23 | 24 | 25, readonly GuideTag[]> = { 23: TAGS_V23, 24: TAGS_V24, 25: TAGS_V25 };
const after = (version: number): 23 | 24 | 25 => (version <= 23 ? 23 : (version as 24 | 25));
const before = (version: number): 23 | 24 | null => (version === 24 ? 23 : version === 25 ? 24 : null);
const layout = (edition: 23 | 24 | 25, message: string) => LAYOUTS[edition].find((l) => l.name === message);
const tagNamed = (edition: 23 | 24 | 25, name: string) => TAGS[edition].find((t) => t.name === name);
const tagNumbered = (edition: 23 | 24 | 25, tag: number) => TAGS[edition].find((t) => t.tag === tag);
const messageNames = new Set(MESSAGE_TYPE_NAMES.map(([, name]) => name));

/** The message a record is about, if any. */
function messageOf(c: HistoryChange): string | undefined {
  return "message" in c ? c.message : undefined;
}

/** A key that two records about the same thing share (for contradiction checks). */
function subjectOf(c: HistoryChange): string {
  switch (c.kind) {
    case "messageAdded":
      return `message ${c.message}`;
    case "fieldAdded":
      return `field ${c.message}.${c.field}`;
    case "fieldRemoved":
      return `field ${c.message}.${c.field.name}`;
    case "fieldResized":
      return `size ${c.message}.${c.field}`;
    case "tagAdded":
      return `tag ${c.tag}`;
    case "tagRemoved":
      return `tag ${c.tag.tag}`;
    case "tagRenamed":
      return `name ${c.tag}`;
  }
}

describe("HISTORY records", () => {
  it("is non-empty and frozen", () => {
    expect(HISTORY.length).toBeGreaterThan(50);
    expect(Object.isFrozen(HISTORY)).toBe(true);
  });

  it("has versions 18-25, oldest first, and a non-empty note on every record", () => {
    let last = 18;
    for (const c of HISTORY) {
      expect(Number.isInteger(c.version) && c.version >= 18 && c.version <= 25, JSON.stringify(c)).toBe(true);
      expect(c.version, `order: ${JSON.stringify(c)}`).toBeGreaterThanOrEqual(last);
      last = c.version;
      expect(c.note.trim().length, JSON.stringify(c)).toBeGreaterThan(10);
    }
  });

  it("names only messages of the message type table", () => {
    for (const c of HISTORY) {
      const m = messageOf(c);
      if (m !== undefined) expect(messageNames.has(m), `${c.kind} v${c.version}: ${m}`).toBe(true);
    }
  });

  it("has no duplicate and no contradicting records", () => {
    const seen = new Map<string, HistoryChange>();
    for (const c of HISTORY) {
      const key = subjectOf(c);
      const prev = seen.get(key);
      // A subject changes at most once between v17 and v25 in what Chapter 7 tells.
      expect(prev, `${key}: ${JSON.stringify(prev)} and ${JSON.stringify(c)}`).toBeUndefined();
      seen.set(key, c);
    }
    // A tag number is added or removed, not both; a renamed tag was added (or existed) under its old name.
    const added = new Map(of("tagAdded").map((c) => [c.tag, c]));
    for (const r of of("tagRemoved")) expect(added.has(r.tag.tag), `tag ${r.tag.tag}`).toBe(false);
    for (const r of of("tagRenamed")) {
      const a = added.get(r.tag);
      if (a) {
        expect(a.name).toBe(r.from);
        expect(a.version).toBeLessThan(r.version);
      }
      expect(r.from).not.toBe(r.to);
    }
    // Two tags added under one name would be ambiguous.
    const names = of("tagAdded").map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    // No field is added to, resized in or removed from a message that is itself added later.
    const messageVersion = new Map(of("messageAdded").map((c) => [c.message, c.version]));
    for (const c of HISTORY) {
      if (c.kind === "messageAdded") continue;
      const m = messageOf(c);
      if (m === undefined) continue;
      const since = messageVersion.get(m);
      if (since !== undefined) expect(c.version, `${c.kind} ${m}`).toBeGreaterThan(since);
    }
    // Resizes go one way and differ.
    for (const r of of("fieldResized")) {
      expect(r.from).not.toBe(r.to);
      expect(r.from).toBeGreaterThan(0);
    }
  });

  it("adds a tag record for every tag above 245 that the guides list (so tagSpec(n, 17) is undefined)", () => {
    const known = new Set<number>([
      ...of("tagAdded").map((c) => c.tag),
      246, // FLT_MRD_ID_TAG: treated as present at v17 (history.ts, doubt 2)
    ]);
    for (const edition of [23, 24, 25] as const) {
      for (const t of TAGS[edition])
        if (t.tag > 245) expect(known.has(t.tag), `v${edition} ${t.name} (${t.tag})`).toBe(true);
    }
    // Nothing above 255 can exist while the tag is one byte.
    for (const c of of("tagAdded")) if (c.tag > 255) expect(c.version, c.name).toBeGreaterThanOrEqual(20);
  });
});

describe("records agree with the guide editions", () => {
  it("tagAdded: the edition after the change lists the tag under that number and name", () => {
    for (const c of of("tagAdded")) {
      // Tags 289-300 are missing from the v23 table (history.ts): check them in v24.
      const edition = c.version <= 23 && !tagNumbered(23, c.tag) ? 24 : after(c.version);
      const t = tagNumbered(edition, c.tag);
      expect(t, `v${c.version} tag ${c.tag} ${c.name} in v${edition}`).toBeDefined();
      // v25 renamed 312/313; compare with the edition right after the change.
      expect(t?.name, `tag ${c.tag}`).toBe(c.name);
      const prev = before(c.version);
      if (prev !== null) expect(tagNumbered(prev, c.tag), `tag ${c.tag} already in v${prev}`).toBeUndefined();
    }
  });

  it("tagRemoved: no edition lists the number as a named tag any more", () => {
    for (const c of of("tagRemoved")) {
      for (const e of [23, 24, 25] as const)
        expect(tagNumbered(e, c.tag.tag), `${c.tag.name} in v${e}`).toBeUndefined();
      expect(c.tag.usedBy?.length, c.tag.name).toBeGreaterThan(0);
      expect(
        c.tag.usedBy?.every((m) => messageNames.has(m)),
        c.tag.name,
      ).toBe(true);
    }
  });

  it("tagRenamed: the edition before has the old name, the edition after the new one", () => {
    for (const c of of("tagRenamed")) {
      const prev = before(c.version);
      expect(prev).not.toBeNull();
      expect(tagNumbered(prev!, c.tag)?.name).toBe(c.from);
      expect(tagNumbered(after(c.version), c.tag)?.name).toBe(c.to);
    }
  });

  it("fieldAdded: the field is in the edition after the change, in the part named", () => {
    for (const c of of("fieldAdded")) {
      // A field that no tag carries is left out of the layouts (tools/extract), but its history stays on record.
      if (UNTAGGED_FIELDS_V24.some((u) => u.message === c.message && u.field === c.field)) continue;
      const l = layout(after(c.version), c.message);
      expect(l, `v${c.version} ${c.message}`).toBeDefined();
      const part = c.part === "fixed" ? l!.fixed : l!.floating;
      expect(
        part.map((f) => f.name),
        `v${c.version} ${c.message}.${c.field} (${c.part})`,
      ).toContain(c.field);
      const prev = before(c.version);
      const pl = prev === null ? undefined : layout(prev, c.message);
      // For v24 records, the v23 guide may already print the field (OPEN_REQ/OPEN_CONF, history.ts doubt 8).
      if (pl && !(c.message === "OPEN_REQ" || c.message === "OPEN_CONF")) {
        expect(
          [...pl.fixed, ...pl.floating].map((f) => f.name),
          `${c.message}.${c.field} already in v${prev}`,
        ).not.toContain(c.field);
      }
    }
  });

  it("fieldRemoved: the field is gone after the change, and the field it followed is there", () => {
    for (const c of of("fieldRemoved")) {
      const l = layout(after(c.version), c.message);
      expect(l, `v${c.version} ${c.message}`).toBeDefined();
      const names = [...l!.fixed, ...l!.floating].map((f) => f.name);
      expect(names, `${c.message}.${c.field.name}`).not.toContain(c.field.name);
      const part = c.part === "fixed" ? l!.fixed : l!.floating;
      if (c.after !== null && c.after !== "ClientAddressIPV6") {
        expect(
          part.map((f) => f.name),
          `${c.message}: ${c.after}`,
        ).toContain(c.after);
      }
      if (c.part === "floating" && "tagName" in c.field) {
        // The tag is removed by its own record (the IPv6 tags) or survives for other messages (CTIOS_CIL_CLIENT_ID_TAG).
        const tagName = c.field.tagName;
        const removed = of("tagRemoved").some((r) => r.tag.name === tagName && r.version === c.version);
        expect(removed || tagNamed(after(c.version), tagName) !== undefined, `${c.message}.${c.field.name}`).toBe(true);
      }
      const prev = before(c.version);
      const pl = prev === null ? undefined : layout(prev, c.message);
      if (pl) {
        const p = c.part === "fixed" ? pl.fixed : pl.floating;
        const i = p.findIndex((f) => f.name === c.field.name);
        expect(i, `${c.message}.${c.field.name} in v${prev}`).toBeGreaterThanOrEqual(0);
        expect(p[i]).toEqual(c.field);
        expect(i === 0 ? null : p[i - 1]?.name).toBe(c.after);
      }
    }
  });

  it("fieldResized: the edition after the change prints the new size", () => {
    for (const c of of("fieldResized")) {
      const l = layout(after(c.version), c.message);
      expect(l, `v${c.version} ${c.message}`).toBeDefined();
      const f = l!.fixed.find((x) => x.name === c.field);
      const g = l!.floating.find((x) => x.name === c.field);
      expect(f?.size ?? g?.maxSize, `${c.message}.${c.field}`).toBe(c.to);
    }
  });

  it("messageAdded: the message is in the table; an edition before the change has no layout for it", () => {
    for (const c of of("messageAdded")) {
      expect(messageNames.has(c.message), c.message).toBe(true);
      const prev = before(c.version);
      if (prev !== null) expect(layout(prev, c.message), `${c.message} in v${prev}`).toBeUndefined();
    }
  });

  it("holds the examples of Chapter 7", () => {
    const find = (p: (c: HistoryChange) => boolean) => HISTORY.find(p);
    expect(
      find(
        (c) => c.kind === "fieldResized" && c.message === "CLIENT_SESSION_OPENED_EVENT" && c.field === "ClientAddress",
      ),
    ).toMatchObject({ version: 19, from: 16, to: 64 });
    expect(
      find(
        (c) =>
          c.kind === "fieldRemoved" &&
          c.message === "CLIENT_SESSION_OPENED_EVENT" &&
          c.field.name === "ClientAddressIPV6",
      ),
    ).toMatchObject({
      version: 19,
      part: "floating",
      after: "AgentInstrument",
      field: { type: "STRING", maxSize: 16 },
    });
    expect(find((c) => c.kind === "tagRemoved" && c.tag.tag === 226)).toMatchObject({ version: 19 });
    expect(find((c) => c.kind === "tagRemoved" && c.tag.tag === 227)).toMatchObject({ version: 19 });
    expect(find((c) => c.kind === "messageAdded" && c.message === "CONFIG_MRD_EVENT")).toMatchObject({ version: 20 });
    expect(find((c) => c.kind === "fieldResized" && c.field === "LoginName")).toMatchObject({
      version: 20,
      from: 32,
      to: 255,
    });
    expect(find((c) => c.kind === "tagRenamed" && c.tag === 312)).toMatchObject({ version: 25, to: "MEDIA_TYPE_TAG" });
    expect(
      find(
        (c) => c.kind === "fieldRemoved" && c.message === "CLEAR_CONNECTION_REQ" && c.field.name === "CTIOSCILClientID",
      ),
    ).toMatchObject({ version: 25, part: "floating" });
    for (const m of ["OPEN_CONF", "AGENT_STATE_EVENT", "AGENT_TEAM_CONFIG_EVENT", "QUERY_AGENT_STATE_CONF"]) {
      expect(find((c) => c.kind === "fieldAdded" && c.message === m && c.field === "DepartmentID")).toMatchObject({
        version: 19,
        part: "fixed",
      });
    }
    // Configuration acquisition was documented, not introduced, in v19.
    expect(find((c) => c.kind === "messageAdded" && c.message === "CONFIG_AGENT_EVENT")).toBeUndefined();
    for (let tag = 247; tag <= 254; tag++)
      expect(find((c) => c.kind === "tagAdded" && c.tag === tag)?.version).toBe(18);
  });
});

describe("versions.ts", () => {
  it("recognises 17-25 only", () => {
    for (const v of PROTOCOL_VERSIONS) expect(isProtocolVersion(v)).toBe(true);
    for (const v of [16, 26, 0, -1, 20.5, Number.NaN, "20", null, undefined, 20n, {}])
      expect(isProtocolVersion(v)).toBe(false);
  });

  it("throws a RangeError naming the supported range", () => {
    expect(() => assertProtocolVersion(16)).toThrow(RangeError);
    expect(() => assertProtocolVersion(26)).toThrow(/17 to 25/);
    expect(() => assertProtocolVersion("20")).toThrow(RangeError);
    expect(() => assertProtocolVersion(19.5)).toThrow(RangeError);
    expect(() => assertProtocolVersion(17)).not.toThrow();
    for (const f of [floatingHeaderSize, maxFloatingFieldLength, maxTagNumber, maxMessageSize]) {
      expect(() => f(16)).toThrow(RangeError);
      expect(() => f(26)).toThrow(RangeError);
    }
  });

  it("frames floating fields with one-byte tag and length up to v19, USHORTs from v20", () => {
    expect(floatingHeaderSize(17)).toBe(2);
    expect(floatingHeaderSize(19)).toBe(2);
    expect(floatingHeaderSize(20)).toBe(4);
    expect(floatingHeaderSize(25)).toBe(4);
    expect([17, 18, 19].map(maxFloatingFieldLength)).toEqual([255, 255, 255]);
    expect([20, 21, 22, 23, 24, 25].map(maxFloatingFieldLength)).toEqual([65535, 65535, 65535, 65535, 65535, 65535]);
    expect(maxTagNumber(19)).toBe(255);
    expect(maxTagNumber(20)).toBe(65535);
  });

  it("gives a largest message size for every version: 12500 as printed from v23", () => {
    for (const v of PROTOCOL_VERSIONS) {
      expect(maxMessageSize(v)).toBe(MAX_MESSAGE_SIZE[v]);
      expect(maxMessageSize(v)).toBeGreaterThanOrEqual(4329);
    }
    expect([23, 24, 25].map(maxMessageSize)).toEqual([12500, 12500, 12500]);
    for (let v = 18; v <= 25; v++) expect(maxMessageSize(v)).toBeGreaterThanOrEqual(maxMessageSize(v - 1));
  });

  it("has no tag in a version's history beyond what its tag field can carry", () => {
    for (const c of of("tagAdded")) expect(c.tag).toBeLessThanOrEqual(maxTagNumber(c.version));
  });
});
