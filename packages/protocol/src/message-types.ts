/** The message type table with its Purpose column, per version (kept apart: no decoder needs it). */
import { MESSAGE_TYPE_PURPOSES } from "./generated/message-purposes.js";
import { MESSAGE_TYPE_NAMES } from "./generated/message-types.js";
import { HISTORY } from "./history.js";
import type { MessageTypeEntry } from "./types.js";
import { assertProtocolVersion } from "./versions.js";

/** Every message type the guides name (Chapter 3 table plus the Chapter 5-only messages), by number. */
export const messageTypes: readonly MessageTypeEntry[] = Object.freeze(
  MESSAGE_TYPE_NAMES.map(([type, name]) => Object.freeze({ type, name, purpose: MESSAGE_TYPE_PURPOSES[type] ?? "" })),
);

const byVersion = new Map<number, readonly MessageTypeEntry[]>();

/** The message types that exist at a protocol version (documented layout or not). */
export function messageTypesAt(version: number): readonly MessageTypeEntry[] {
  assertProtocolVersion(version);
  let hit = byVersion.get(version);
  if (hit === undefined) {
    const added = new Map<string, number>();
    for (const c of HISTORY) if (c.kind === "messageAdded") added.set(c.message, c.version);
    hit = Object.freeze(messageTypes.filter((m) => (added.get(m.name) ?? 0) <= version));
    byVersion.set(version, hit);
  }
  return hit;
}
