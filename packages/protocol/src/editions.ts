/**
 * The guide editions' tables, registered by the entry points that ship them: `@ctiwire/protocol`
 * registers all three; `@ctiwire/protocol/v25` (and v24, v17 ... v23) only the edition that version
 * is read from, so that a page speaking one version bundles that edition alone. Versions 17 to 23
 * are read from the v23 edition (with Chapter 7's history), 24 and 25 from their own.
 */
import type { GuideLayout, GuideTag, GuideVersion, HistoryChange } from "./types.js";

export interface EditionData {
  readonly layouts: readonly GuideLayout[];
  readonly tags: readonly GuideTag[];
  /** Chapter 7's changes, undone to read older versions from this edition (the v23 edition's). */
  readonly history?: readonly HistoryChange[];
}

const editions = new Map<GuideVersion, EditionData>();

/** Makes a guide edition's tables available (idempotent). */
export function registerEdition(edition: GuideVersion, data: EditionData): void {
  if (!editions.has(edition)) editions.set(edition, data);
}

/** The edition a protocol version is read from: its own where one is printed, else the oldest (v23) with Chapter 7's history undone. */
export function editionOf(version: number): GuideVersion {
  return version >= OLDEST_EDITION ? (version as GuideVersion) : OLDEST_EDITION;
}

/** The oldest guide edition we hold; older versions are derived from it. */
export const OLDEST_EDITION: GuideVersion = 23;

/** The tables of edition `edition`, or a clear error naming the entry point to import. */
export function editionData(edition: GuideVersion, version: number): EditionData {
  const data = editions.get(edition);
  if (data === undefined) {
    throw new Error(
      `@ctiwire/protocol: the layouts of protocol version ${version} are not loaded; import "ctiwire" (every version) or "ctiwire/v${version}" (that version only)`,
    );
  }
  return data;
}
