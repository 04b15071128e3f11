/**
 * The shapes of the CTI Server protocol schema.
 *
 * Two layers: the *guide* records (what one edition of Cisco's guide prints, produced by
 * tools/extract from ../shared/spec) and the *resolved* specs that `messageSpec()` and
 * `tagSpec()` return for one protocol version (guide records plus the Chapter 7 history).
 */

/** Data types of Chapter 3, "Data Types". NAMED VAR / NAMED ARRAY are spelled without the space. */
export type DataType =
  | "CHAR"
  | "UCHAR"
  | "SHORT"
  | "USHORT"
  | "INT"
  | "UINT"
  | "BOOL"
  | "STRING"
  | "UNSPEC"
  | "TIME"
  | "MHDR"
  | "NAMEDVAR"
  | "NAMEDARRAY"
  | "TASKID"
  | "APPPATHID";

/** A protocol version this library speaks. */
export type ProtocolVersion = 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25;
export const PROTOCOL_VERSIONS: readonly ProtocolVersion[] = [17, 18, 19, 20, 21, 22, 23, 24, 25];
/** The newest protocol version: the default wherever a version is not given. */
export const LATEST_PROTOCOL_VERSION: ProtocolVersion = PROTOCOL_VERSIONS[PROTOCOL_VERSIONS.length - 1]!;
/** The guide editions we hold: every version below 23 is derived from the v23 guide and Chapter 7. */
export type GuideVersion = 23 | 24 | 25;

/** One entry of Chapter 3's message type table (plus the Chapter 5-only messages). */
export interface MessageTypeEntry {
  readonly type: number;
  readonly name: string;
  /** The "Purpose" column of the table, whitespace folded. */
  readonly purpose: string;
}

/** A fixed-part field as a guide prints it. The header is the first one: MessageHeader, MHDR, 8. */
export interface GuideFixedField {
  readonly name: string;
  readonly type: DataType;
  readonly size: number;
}

/** A floating-part field as a guide prints it, with the tag it travels under. */
export interface GuideFloatingField {
  readonly name: string;
  /** Tag name from Chapter 6 "Tag Values", e.g. "CONNECTION_DEVID_TAG". */
  readonly tagName: string;
  /** The tag number, where the name alone is ambiguous (the guide names both 141 and 185 AGENT_SKILL_TARGET_ID_TAG). */
  readonly tag?: number;
  readonly type: DataType;
  /** "Max. Size" column: for STRING it includes the terminating NUL. */
  readonly maxSize: number;
  /** False where the guide marks the field "(optional)". */
  readonly required: boolean;
  /** Name of the fixed field that counts how many times this field (or its group) occurs. */
  readonly countField?: string;
  /** True where the field may occur more than once (a counted list, or NamedVariable/NamedArray). */
  readonly repeatable?: boolean;
  /** Name of another floating field that this one replaces ("one but not both must be present"). */
  readonly alternativeTo?: string;
}

/** The layout of one message as one guide edition documents it. */
export interface GuideLayout {
  readonly type: number;
  readonly name: string;
  /** Where the layout is printed: chapter file and the heading above it. */
  readonly source: string;
  readonly fixed: readonly GuideFixedField[];
  readonly floating: readonly GuideFloatingField[];
}

/** A floating-field tag as a guide documents it. */
export interface GuideTag {
  readonly tag: number;
  readonly name: string;
  /** Data type and maximum size, taken from the message layouts that carry the tag. */
  readonly type: DataType;
  readonly maxSize: number;
  /** The "Using Messages" column (the generated TAG_USERS_V23/24/25 hold it for the guide's tags). */
  readonly usedBy?: readonly string[];
}

/** A constant table of Chapter 6 (or a mask table): names to numbers. */
export interface ConstantTable {
  readonly name: string;
  readonly source: string;
  /** True for bit masks (values combine with OR). */
  readonly mask: boolean;
  readonly entries: readonly ConstantEntry[];
}

export interface ConstantEntry {
  readonly name: string;
  readonly value: number;
  readonly meaning?: string;
  /** Last protocol version whose guide lists the entry (set only for entries the v25 guide dropped). */
  readonly until?: number;
}

/**
 * One change of Chapter 7, "Changes and Additions", as data. `version` is the first protocol version
 * where the change holds. The layouts of versions below 23 are the v23 guide's with every change of a
 * later version undone, newest first.
 */
export type HistoryChange =
  | { readonly version: number; readonly kind: "messageAdded"; readonly message: string; readonly note: string }
  | {
      readonly version: number;
      readonly kind: "fieldAdded";
      readonly message: string;
      readonly part: "fixed" | "floating";
      readonly field: string;
      readonly note: string;
    }
  | {
      readonly version: number;
      readonly kind: "fieldRemoved";
      readonly message: string;
      readonly part: "fixed" | "floating";
      /** The field as it was before the change. */
      readonly field: GuideFixedField | GuideFloatingField;
      /** The field it followed before the change (null: first of its part). */
      readonly after: string | null;
      readonly note: string;
    }
  | {
      readonly version: number;
      readonly kind: "fieldResized";
      readonly message: string;
      readonly field: string;
      readonly from: number;
      readonly to: number;
      readonly note: string;
    }
  | {
      readonly version: number;
      readonly kind: "tagAdded";
      readonly tag: number;
      readonly name: string;
      readonly note: string;
    }
  | { readonly version: number; readonly kind: "tagRemoved"; readonly tag: GuideTag; readonly note: string }
  | {
      readonly version: number;
      readonly kind: "tagRenamed";
      readonly tag: number;
      readonly from: string;
      readonly to: string;
      readonly note: string;
    };

// ---------------------------------------------------------------------------------------------
// Resolved, per protocol version (what the codecs use)

export interface FixedFieldSpec {
  readonly name: string;
  readonly type: DataType;
  readonly size: number;
  /** Byte offset from the start of the frame (the header starts at 0). */
  readonly offset: number;
}

export interface FloatingFieldSpec {
  readonly name: string;
  readonly tag: number;
  readonly tagName: string;
  readonly type: DataType;
  readonly maxSize: number;
  readonly required: boolean;
  readonly repeatable: boolean;
  readonly countField?: string;
  readonly alternativeTo?: string;
}

export interface MessageSpec {
  readonly type: number;
  readonly name: string;
  readonly version: ProtocolVersion;
  readonly fixed: readonly FixedFieldSpec[];
  readonly floating: readonly FloatingFieldSpec[];
  /** Size of the fixed part, header included. */
  readonly fixedSize: number;
  /**
   * Largest frame (header included) when every non-repeatable field is present at its maximum and
   * no alternative is sent; undefined where a field may repeat without a documented bound.
   */
  readonly largestSize: number | undefined;
  readonly source: string;
}

export interface TagSpec {
  readonly tag: number;
  readonly name: string;
  readonly type: DataType;
  readonly maxSize: number;
}
