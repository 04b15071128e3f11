/**
 * Resolves the guide records into per-version specs.
 *
 * Versions 24 and 25 are read straight from their own guide edition. Versions 17 to 23 start
 * from the v23 edition and undo, newest first, every Chapter 7 change of a later version (see
 * history.ts). Results are computed once per version, on first use, and frozen.
 */
import { editionData, editionOf, OLDEST_EDITION } from "./editions.js";
import { MESSAGE_TYPE_NAMES } from "./generated/message-types.js";
import type {
  FixedFieldSpec,
  FloatingFieldSpec,
  GuideFixedField,
  GuideFloatingField,
  GuideTag,
  HistoryChange,
  MessageSpec,
  ProtocolVersion,
  TagSpec,
} from "./types.js";
import { assertProtocolVersion, floatingHeaderSize, maxFloatingFieldLength } from "./versions.js";

/** A mutable working copy of a layout, used only while undoing history. */
interface DraftLayout {
  type: number;
  name: string;
  source: string;
  fixed: GuideFixedField[];
  floating: GuideFloatingField[];
}

interface VersionTables {
  readonly specsByType: ReadonlyMap<number, MessageSpec>;
  readonly specsByName: ReadonlyMap<string, MessageSpec>;
  readonly tagsByNumber: ReadonlyMap<number, TagSpec>;
  readonly tagsByName: ReadonlyMap<string, TagSpec>;
}

const cache = new Map<ProtocolVersion, VersionTables>();

// Built on first use, so that a bundle that never names message types drops the table.
let messageTypeByNumber: Map<number, string> | undefined;
let messageTypeByName: Map<string, number> | undefined;

/** The name of a message type number, or undefined for a number no guide names. */
export function messageTypeName(type: number): string | undefined {
  messageTypeByNumber ??= new Map<number, string>(MESSAGE_TYPE_NAMES);
  return messageTypeByNumber.get(type);
}

/** The number of a message type name, or undefined for a name no guide uses. */
export function messageTypeNumber(name: string): number | undefined {
  messageTypeByName ??= new Map<string, number>(MESSAGE_TYPE_NAMES.map(([type, name]) => [name, type]));
  return messageTypeByName.get(name);
}

function changesAfter(history: readonly HistoryChange[], version: ProtocolVersion) {
  // Newest first, so that each undo sees the layout as it was just after its own change.
  return history.filter((c) => c.version > version).sort((a, b) => b.version - a.version);
}

function insertAfter<T extends { name: string }>(list: T[], item: T, after: string | null, what: string): void {
  if (after === null) {
    // The header stays first in a fixed part.
    const start = list[0]?.name === "MessageHeader" ? 1 : 0;
    list.splice(start, 0, item);
    return;
  }
  const i = list.findIndex((f) => f.name === after);
  if (i < 0) throw new Error(`history: ${what}: field ${after} to insert after is missing`);
  list.splice(i + 1, 0, item);
}

/**
 * The guide layouts and tags that hold at `version`, before resolution of tags and offsets.
 *
 * Undoing is idempotent: the v23 edition already prints some v24 material (OPEN_CONF SessionType,
 * OPEN_REQ UniqueInstanceID; see history.ts) but not all of it, so every change newer than the
 * target is undone where its trace is present and passed over where the edition never had it.
 */
function guideRecordsAt(version: ProtocolVersion): { layouts: DraftLayout[]; tags: GuideTag[] } {
  const base = editionOf(version);
  const guide = editionData(base, version);
  const layouts = new Map<string, DraftLayout>(
    guide.layouts.map((l) => [l.name, { ...l, fixed: [...l.fixed], floating: [...l.floating] }]),
  );
  const tags = new Map<number, GuideTag>(guide.tags.map((t) => [t.tag, t]));
  if (base === OLDEST_EDITION) {
    for (const c of changesAfter(guide.history ?? [], version)) {
      const what = `v${c.version} ${c.kind}`;
      switch (c.kind) {
        case "messageAdded":
          layouts.delete(c.message);
          break;
        case "fieldAdded": {
          const l = layouts.get(c.message);
          const part = c.part === "fixed" ? l?.fixed : l?.floating;
          const i = part?.findIndex((f) => f.name === c.field) ?? -1;
          if (i >= 0) part?.splice(i, 1);
          break;
        }
        case "fieldRemoved": {
          const l = layouts.get(c.message);
          if (!l) break;
          const part: { name: string }[] = c.part === "fixed" ? l.fixed : l.floating;
          if (part.some((f) => f.name === c.field.name)) break;
          insertAfter(part, c.field, c.after, `${what} ${c.message}`);
          break;
        }
        case "fieldResized": {
          const l = layouts.get(c.message);
          if (!l) break;
          const fi = l.fixed.findIndex((f) => f.name === c.field);
          const gi = l.floating.findIndex((f) => f.name === c.field);
          if (fi >= 0) l.fixed[fi] = { ...l.fixed[fi]!, size: c.from };
          else if (gi >= 0) l.floating[gi] = { ...l.floating[gi]!, maxSize: c.from };
          else throw new Error(`history: ${what} ${c.message}: field ${c.field} to resize is missing`);
          break;
        }
        case "tagAdded":
          tags.delete(c.tag);
          break;
        case "tagRemoved":
          if (!tags.has(c.tag.tag)) tags.set(c.tag.tag, c.tag);
          break;
        case "tagRenamed": {
          const t = tags.get(c.tag);
          if (t?.name === c.to) tags.set(c.tag, { ...t, name: c.from });
          break;
        }
      }
    }
  }
  return { layouts: [...layouts.values()], tags: [...tags.values()] };
}

function resolveLayout(
  l: DraftLayout,
  version: ProtocolVersion,
  tagsByName: ReadonlyMap<string, TagSpec>,
  tagsByNumber: ReadonlyMap<number, TagSpec>,
): MessageSpec {
  let offset = 0;
  const fixed: FixedFieldSpec[] = l.fixed.map((f) => {
    const spec: FixedFieldSpec = Object.freeze({ name: f.name, type: f.type, size: f.size, offset });
    offset += f.size;
    return spec;
  });
  const fixedSize = offset;
  const floating: FloatingFieldSpec[] = l.floating.map((f) => {
    const tag = f.tag !== undefined ? tagsByNumber.get(f.tag) : tagsByName.get(f.tagName);
    if (!tag) throw new Error(`${l.name} v${version}: floating field ${f.name} uses tag ${f.tagName}, unknown here`);
    const spec: FloatingFieldSpec = {
      name: f.name,
      tag: tag.tag,
      tagName: tag.name,
      type: f.type,
      maxSize: f.maxSize,
      required: f.required,
      repeatable: f.repeatable === true,
      ...(f.countField !== undefined ? { countField: f.countField } : {}),
      ...(f.alternativeTo !== undefined ? { alternativeTo: f.alternativeTo } : {}),
    };
    return Object.freeze(spec);
  });
  const header = floatingHeaderSize(version);
  let largestSize: number | undefined = fixedSize;
  for (const f of floating) {
    if (f.repeatable) {
      largestSize = undefined;
      break;
    }
    if (f.alternativeTo === undefined) largestSize += header + f.maxSize;
  }
  return Object.freeze({
    type: l.type,
    name: l.name,
    version,
    fixed: Object.freeze(fixed),
    floating: Object.freeze(floating),
    fixedSize,
    largestSize,
    source: l.source,
  });
}

function tablesAt(version: ProtocolVersion): VersionTables {
  const hit = cache.get(version);
  if (hit) return hit;
  const { layouts, tags } = guideRecordsAt(version);
  const tagsByNumber = new Map<number, TagSpec>();
  const tagsByName = new Map<string, TagSpec>();
  for (const t of tags.sort((a, b) => a.tag - b.tag)) {
    const spec: TagSpec = Object.freeze({ tag: t.tag, name: t.name, type: t.type, maxSize: t.maxSize });
    tagsByNumber.set(t.tag, spec);
    // Two numbers share one name in the guide (AGENT_SKILL_TARGET_ID_TAG, 141 and 185): the name finds the first.
    if (!tagsByName.has(t.name)) tagsByName.set(t.name, spec);
  }
  const specsByType = new Map<number, MessageSpec>();
  const specsByName = new Map<string, MessageSpec>();
  for (const l of layouts.sort((a, b) => a.type - b.type)) {
    const spec = resolveLayout(l, version, tagsByName, tagsByNumber);
    specsByType.set(spec.type, spec);
    specsByName.set(spec.name, spec);
  }
  const tables: VersionTables = { specsByType, specsByName, tagsByNumber, tagsByName };
  cache.set(version, tables);
  return tables;
}

/**
 * The layout of a message at a protocol version: `{ type, name, fixed, floating, ... }`, or
 * undefined where no guide documents a layout for it at that version.
 */
export function messageSpec(nameOrType: string | number, version: number): MessageSpec | undefined {
  assertProtocolVersion(version);
  const t = tablesAt(version);
  return typeof nameOrType === "number" ? t.specsByType.get(nameOrType) : t.specsByName.get(nameOrType);
}

/** Every documented layout at a protocol version, by message type number. */
export function messageSpecs(version: number): readonly MessageSpec[] {
  assertProtocolVersion(version);
  return [...tablesAt(version).specsByType.values()];
}

/** A floating-field tag at a protocol version, by number or name, or undefined where it does not exist then. */
export function tagSpec(tagOrName: number | string, version: number): TagSpec | undefined {
  assertProtocolVersion(version);
  const t = tablesAt(version);
  return typeof tagOrName === "number" ? t.tagsByNumber.get(tagOrName) : t.tagsByName.get(tagOrName);
}

/** Every tag at a protocol version, by number. */
export function tagSpecs(version: number): readonly TagSpec[] {
  assertProtocolVersion(version);
  return [...tablesAt(version).tagsByNumber.values()];
}

/** The largest value a floating field's length can carry at a version (255 or 65535). */
export { maxFloatingFieldLength };
