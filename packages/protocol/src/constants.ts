/**
 * The constants of the CTI Server protocol, read both ways.
 *
 * Every table of Chapter 6 of Cisco's *CTI Server Message Reference Guide* ("Constants and Status
 * Codes"), and the tables of constants that Chapters 4 and 5 print inside message definitions
 * (OPEN_REQ masks, SupervisoryAction, ...), is exported here as an object that works like a
 * TypeScript numeric enum:
 *
 *     AgentState.AGENT_STATE_LOGIN === 0
 *     AgentState[0] === "AGENT_STATE_LOGIN"
 *
 * The objects are built when this module loads, from the data that tools/extract generated
 * (./generated/constants.ts); no value is typed twice. They are frozen and have no prototype, so a
 * lookup of "__proto__", "constructor" or "toString" gives undefined.
 *
 * Where a table prints a name twice or a value twice, the last entry the guide prints wins, as in
 * a TypeScript enum; entries that only older guides list (`until`) never shadow a current one.
 */

import { CONSTANT_TABLES, type ConstantValues } from "./generated/constants.js";
import type { ConstantEntry, ConstantTable } from "./types.js";

export type { ConstantValues };
export { CONSTANT_TABLES };

/** Name of a generated constant table, e.g. "AgentState". */
export type ConstantTableName = keyof ConstantValues;

/** A constant table read both ways: name -> value and value -> name. */
export type ConstantEnum<V extends object> = { readonly [K in keyof V]: V[K] } & {
  readonly [value: number]: Extract<keyof V, string> | undefined;
};

/** Any table reference the helpers accept: an enum object, a table, or a table name. */
// biome-ignore lint/suspicious/noExplicitAny: an enum object of any table
export type TableRef = ConstantEnum<any> | ConstantTable | ConstantTableName;

interface Lookup {
  readonly table: ConstantTable;
  readonly byName: ReadonlyMap<string, ConstantEntry>;
  readonly byValue: ReadonlyMap<number, ConstantEntry>;
}

/** Later entries win; an entry with `until` never replaces one without. */
function prefer(prev: ConstantEntry | undefined, next: ConstantEntry): boolean {
  return prev === undefined || prev.until !== undefined || next.until === undefined;
}

const LOOKUPS = new WeakMap<object, Lookup>();

function lookupOf(table: ConstantTable): Lookup {
  let l = LOOKUPS.get(table);
  if (l) return l;
  const byName = new Map<string, ConstantEntry>();
  const byValue = new Map<number, ConstantEntry>();
  for (const e of table.entries) {
    if (prefer(byName.get(e.name), e)) byName.set(e.name, e);
    if (prefer(byValue.get(e.value), e)) byValue.set(e.value, e);
  }
  l = { table, byName, byValue };
  LOOKUPS.set(table, l);
  return l;
}

const TABLES_BY_NAME: ReadonlyMap<string, ConstantTable> = new Map(CONSTANT_TABLES.map((t) => [t.name, t]));

/** The generated table of that name, or undefined. */
export function constantTable(name: string): ConstantTable | undefined {
  return TABLES_BY_NAME.get(name);
}

function build<N extends ConstantTableName>(name: N): ConstantEnum<ConstantValues[N]> {
  const table = TABLES_BY_NAME.get(name);
  if (!table) throw new Error(`ctiwire: constant table ${name} is missing from the generated data`);
  const l = lookupOf(table);
  const obj: Record<string, string | number> = Object.create(null);
  for (const [value, e] of l.byValue) obj[String(value)] = e.name;
  for (const [n, e] of l.byName) obj[n] = e.value;
  Object.freeze(obj);
  LOOKUPS.set(obj, l);
  return obj as unknown as ConstantEnum<ConstantValues[N]>;
}

function resolve(ref: TableRef): Lookup {
  if (typeof ref === "string") {
    const t = TABLES_BY_NAME.get(ref);
    if (!t) throw new TypeError(`ctiwire: no constant table named ${JSON.stringify(ref)}`);
    return lookupOf(t);
  }
  const known = LOOKUPS.get(ref);
  if (known) return known;
  const t = ref as ConstantTable;
  if (typeof t === "object" && t !== null && Array.isArray(t.entries) && typeof t.name === "string") return lookupOf(t);
  throw new TypeError("ctiwire: not a constant table");
}

/** The table behind an enum object (or name). */
export function tableOf(ref: TableRef): ConstantTable {
  return resolve(ref).table;
}

/** The symbolic name of a value in a table, or undefined. */
export function constantName(table: TableRef, value: number): string | undefined {
  return resolve(table).byValue.get(value)?.name;
}

/** The entry (name, value, meaning, until) of a value in a table, or undefined. */
export function constantEntry(table: TableRef, value: number): ConstantEntry | undefined {
  return resolve(table).byValue.get(value);
}

/** The value of a symbolic name in a table, or undefined. */
export function constantValue(table: TableRef, name: string): number | undefined {
  return resolve(table).byName.get(name)?.value;
}

function maskLookup(table: TableRef): Lookup {
  const l = resolve(table);
  if (!l.table.mask) throw new TypeError(`ctiwire: ${l.table.name} is not a mask table`);
  return l;
}

/**
 * The names of the flags of a mask table that are set in `value`, in the guide's order. Bits that
 * no flag names are left out (see `maskUnknownBits`).
 */
export function maskNames(table: TableRef, value: number): string[] {
  const l = maskLookup(table);
  const v = value >>> 0;
  const out: string[] = [];
  for (const [flag, e] of l.byValue) {
    if (flag !== 0 && (v & flag) >>> 0 === flag) out.push(e.name);
  }
  return out;
}

/** The bits of `value` that no flag of the mask table names. */
export function maskUnknownBits(table: TableRef, value: number): number {
  const l = maskLookup(table);
  let known = 0;
  for (const flag of l.byValue.keys()) known = (known | flag) >>> 0;
  return (value & ~known) >>> 0;
}

/** The unsigned 32-bit value of a set of flag names. Throws RangeError on a name the table lacks. */
export function maskValue(table: TableRef, names: Iterable<string>): number {
  const l = maskLookup(table);
  let v = 0;
  for (const n of names) {
    const e = l.byName.get(n);
    if (!e) throw new RangeError(`ctiwire: ${l.table.name} has no flag ${JSON.stringify(n)}`);
    v = (v | e.value) >>> 0;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Chapter 6, "Constants and Status Codes"

/** Failure Indication Message Status Codes (FAILURE_CONF, FAILURE_EVENT Status). */
export const StatusCode = build("StatusCode");
/** SystemEventID Values (SYSTEM_EVENT). */
export const SystemEventID = build("SystemEventID");
/** Special Values: MAX_NUM_* limits and NULL_* "not supplied" values (NULL_CALL_ID = 0xFFFFFFFF). */
export const SpecialValues = build("SpecialValues");
/** AgentState Values. */
export const AgentState = build("AgentState");
/** PGStatusCode Values (a mask). */
export const PGStatusCode = build("PGStatusCode");
/** PeripheralType Values (with PT_ASPECT, PT_SYMPOSIUM, PT_SIMPLIFIED_IPCC of the v24 guide). */
export const PeripheralType = build("PeripheralType");
/** LocalConnectionState Values. */
export const LocalConnectionState = build("LocalConnectionState");
/** EventCause Values: CEC_* and the extended CECX_* codes. */
export const EventCause = build("EventCause");
/** DeviceIDType Values; also the values of CallingDeviceType, CalledDeviceType and the other *DeviceType fields. */
export const DeviceIDType = build("DeviceIDType");
/** CallType Values. */
export const CallType = build("CallType");
/** ConnectionDeviceIDType Values. */
export const ConnectionDeviceIDType = build("ConnectionDeviceIDType");
/** LineType Values. */
export const LineType = build("LineType");
/** ControlFailureCode Values (CF_*). */
export const ControlFailureCode = build("ControlFailureCode");
/** AllocationState Values. */
export const AllocationState = build("AllocationState");
/** ForwardType Values. */
export const ForwardType = build("ForwardType");
/** TypeOfDevice Values. */
export const TypeOfDevice = build("TypeOfDevice");
/** ClassOfDevice Values (single bits: a mask). */
export const ClassOfDevice = build("ClassOfDevice");
/** CallPlacementType Values. */
export const CallPlacementType = build("CallPlacementType");
/** CallMannerType Values. */
export const CallMannerType = build("CallMannerType");
/** CallOption Values. */
export const CallOption = build("CallOption");
/** ConsultType Values. */
export const ConsultType = build("ConsultType");
/** FacilityType Values. */
export const FacilityType = build("FacilityType");
/** AnsweringMachine Values. */
export const AnsweringMachine = build("AnsweringMachine");
/** AnswerDetectMode Values. */
export const AnswerDetectMode = build("AnswerDetectMode");
/** AgentWorkMode Values. */
export const AgentWorkMode = build("AgentWorkMode");
/** DestinationCountry Values. */
export const DestinationCountry = build("DestinationCountry");
/** CTI Service Masks (OPEN_REQ ServicesRequested, OPEN_CONF ServicesGranted). */
export const CTIServiceMask = build("CTIServiceMask");
/** Disposition Code Values. The guide gives no symbolic names: names are the meanings in UPPER_SNAKE. */
export const DispositionCode = build("DispositionCode");
/** Agent Service Request Masks. */
export const AgentServiceRequestMask = build("AgentServiceRequestMask");
/** Silent Monitor Status Values. */
export const SilentMonitorStatus = build("SilentMonitorStatus");
/** Agent Internal States Message Values. */
export const AgentInternalState = build("AgentInternalState");
/** TaskState Values (SNAPSHOT_TASK_RESP). */
export const TaskState = build("TaskState");

// ---------------------------------------------------------------------------------------------
// Chapter 4, OPEN_REQ

/** Unsolicited Call Event Message Masks (OPEN_REQ CallMsgMask). */
export const CallEventMask = build("CallEventMask");
/** Agent State Masks (OPEN_REQ AgentStateMask). */
export const AgentStateMask = build("AgentStateMask");

// ---------------------------------------------------------------------------------------------
// Chapter 5, tables inside message definitions

/** SupervisoryAction (SUPERVISE_CALL_REQ). */
export const SupervisoryAction = build("SupervisoryAction");
/** Distribution Code (USER_MESSAGE_REQ Distribution). */
export const MessageDistribution = build("MessageDistribution");
/** Call variable masks (REGISTER_VARIABLES_REQ CallVariableMask). */
export const CallVariableMask = build("CallVariableMask");
/** Desk settings masks (AGENT_DESK_SETTINGS_CONF DeskSettingsMask). */
export const DeskSettingsMask = build("DeskSettingsMask");
/** Transfer Conference Setup Masks (QUERY_DEVICE_INFO_CONF). */
export const TransferConferenceSetupMask = build("TransferConferenceSetupMask");
/** Call Control Masks (QUERY_DEVICE_INFO_CONF). */
export const CallControlMask = build("CallControlMask");
/** Other Feature Masks (QUERY_DEVICE_INFO_CONF). */
export const OtherFeatureMask = build("OtherFeatureMask");
/** CONFIG_KEY_EVENT Status values. */
export const ConfigKeyStatus = build("ConfigKeyStatus");
/** CONFIG_END_EVENT Status values. */
export const ConfigEndStatus = build("ConfigEndStatus");

// ---------------------------------------------------------------------------------------------
// Other names for the same tables

/** = CTIServiceMask. */
export const CTIService = CTIServiceMask;
/** = CallEventMask. */
export const UnsolicitedCallEventMask = CallEventMask;
/** = AgentServiceRequestMask. */
export const AgentServiceMask = AgentServiceRequestMask;
/** = MessageDistribution. */
export const DistributionCode = MessageDistribution;
/** = ControlFailureCode. */
export const FailureCode = ControlFailureCode;
