// Hand-written corrections to what the scraped guides print. Every entry says why.
// Keyed by names and headings (never by line numbers) so that they survive a re-scrape.

/** What a parsed layout field may have replaced by a FIELD_FIXES entry (see RawField in layouts.ts). */
export interface FieldSet {
  name?: string;
  type?: string;
  size?: number;
  /** Overrides the flag derived from "(optional)" markers and descriptions. */
  required?: boolean;
  repeatable?: boolean;
}

/** A fix to one parsed layout field: either new values for it, or its removal. */
export type FieldFix = {
  message: string;
  field: string;
  /** Only the field of this part (default: the first field of that name). */
  part?: "fixed" | "floating";
  /** Only in these editions (default: all). */
  editions?: readonly number[];
  why: string;
} & ({ set: FieldSet; remove?: undefined } | { remove: true; set?: undefined });

// ---------------------------------------------------------------------------------------------
// Message types

/**
 * Messages that Chapter 5 defines (with a `MessageType =` line) but the Chapter 3 table omits.
 * Numbers are those printed in their Chapter 5 layouts; none collides with a table row.
 */
/*
 * Numbers the guides leave "Reserved" but Cisco's public SDK headers give (the CTI OS / CIL C++ header
 * MessageType.h and its Java twin: "MT_CALL_ATTRIBUTE_CHANGE_EVENT 240", "MT_CALL_TERMINATION_EVENT 247
 * // Call Termination Summary Info (not supported by CTI-Server)"); the public Scala client
 * nshimaza/uccertweb uses 240 for CALL_ATTRIBUTE_CHANGE_EVENT as well. The guide's Reserved rows
 * 239-241 and 246-247 are split around them (message-types.ts).
 */
const SDK_HEADERS = "Cisco's public CTI OS / CIL SDK headers (MessageType.h; the Java MessageType class)";

export const EXTRA_MESSAGE_TYPES: readonly { type: number; name: string; purpose: string; why: string }[] = [
  {
    type: 240,
    name: "CALL_ATTRIBUTE_CHANGE_EVENT",
    purpose: "Notification of a change to key attributes of a call (call type, service).",
    why:
      `Ch 5 prints its layout (and Ch 6 its mask bit CALL_ATTRIBUTE_CHANGE_MASK 0x02000000) with no MessageType; ` +
      `240 is the number of ${SDK_HEADERS}, inside the guide's Reserved 239-241.`,
  },
  {
    type: 247,
    name: "CALL_TERMINATION_EVENT",
    purpose: "Call termination summary information (not sent by the CTI Server, per the SDK headers).",
    why:
      `No guide prints it (its mask bit CALL_TERMINATION_MASK 0x04000000 is 'Reserved'); 247 is the number of ` +
      `${SDK_HEADERS}. No public source gives a layout, so it has none: a frame of it decodes as UNKNOWN ` +
      "(messageType 247, raw body) and re-encodes byte for byte.",
  },
  {
    type: 276,
    name: "CONFIG_TERMINAL_EVENT",
    purpose: "Sent by the CTI Server to indicate an update to some terminal configuration.",
    why: "Only Ch 5 (Configuration Acquisition) defines it: MessageType = 276. The Ch 3 table skips from 274 to 277.",
  },
  {
    type: 283,
    name: "SET_AGENT_SERVICE_DATA_REQ",
    purpose: "Passes the agent's feedback (thumbs-up or thumbs-down) on answer suggestions to the CTI Server.",
    why: "Only Ch 5 (Miscellaneous Service) defines it: MessageType = 283. The Ch 3 table ends at 282.",
  },
  {
    type: 284,
    name: "SET_AGENT_SERVICE_DATA_CONF",
    purpose: "Response confirming a previous SET_AGENT_SERVICE_DATA_REQ request.",
    why: "Only Ch 5 defines it, as the table right after SET_AGENT_SERVICE_DATA_REQ: MessageType = 284.",
  },
];

// ---------------------------------------------------------------------------------------------
// Layout identity: which message a layout table is, where its MessageType line is wrong or absent.
//
// A layout table is normally identified by its `MessageHeader … MessageType = N` row and the
// message type table. The entries below override that, matched by the prose heading the table
// sits under plus the number the table prints (`printed`, null where it prints none). The type
// used is always the message type table's number for `name`.

const NETWORK_RECORDING_WHY =
  "Ch 3 table says 267-274, the Ch 5 definitions say 268-275. We follow the Ch 3 table: it is the " +
  "enumeration clients mirror in CTILink.h; in the two other conflicts between the table and a Ch 5 " +
  "`MessageType =` line (CONFIG_MRD_EVENT 245, REGISTER_VARIABLES_CONF 118) the Ch 5 number is provably " +
  "wrong because it collides with another message, so the table is the more reliable source; and v24 " +
  "revised the table deliberately after v23 had left these rows out.";

export const LAYOUT_IDENTITY: readonly { heading: string; printed: number | null; name: string; why: string }[] = [
  {
    heading: "CALL_ATTRIBUTE_CHANGE_EVENT",
    printed: null,
    name: "CALL_ATTRIBUTE_CHANGE_EVENT",
    why: "Its MessageHeader row prints no MessageType; the number is the SDK headers' 240 (EXTRA_MESSAGE_TYPES).",
  },
  {
    heading: "START_NETWORK_RECORDING_REQ",
    printed: 268,
    name: "START_NETWORK_RECORDING_REQ",
    why: NETWORK_RECORDING_WHY,
  },
  {
    heading: "START_NETWORK_RECORDING_REQ",
    printed: 269,
    name: "START_NETWORK_RECORDING_CONF",
    why: NETWORK_RECORDING_WHY,
  },
  {
    heading: "STOP_NETWORK_RECORDING_REQ",
    printed: 270,
    name: "STOP_NETWORK_RECORDING_REQ",
    why: NETWORK_RECORDING_WHY,
  },
  {
    heading: "STOP_NETWORK_RECORDING_REQ",
    printed: 271,
    name: "STOP_NETWORK_RECORDING_CONF",
    why: NETWORK_RECORDING_WHY,
  },
  {
    heading: "NETWORK_RECORDING_STARTED_EVENT",
    printed: 272,
    name: "NETWORK_RECORDING_STARTED_EVENT",
    why: NETWORK_RECORDING_WHY,
  },
  {
    heading: "NETWORK_RECORDING_ENDED_EVENT",
    printed: 273,
    name: "NETWORK_RECORDING_ENDED_EVENT",
    why: NETWORK_RECORDING_WHY,
  },
  {
    heading: "NETWORK_RECORDING_FAILED_EVENT",
    printed: 274,
    name: "NETWORK_RECORDING_FAILED_EVENT",
    why: NETWORK_RECORDING_WHY,
  },
  {
    heading: "NETWORK_RECORDING_TARGET_INFO_EVENT",
    printed: 275,
    name: "NETWORK_RECORDING_TARGET_INFO_EVENT",
    why: NETWORK_RECORDING_WHY,
  },
  {
    heading: "CONFIG_MRD_EVENT",
    printed: 245,
    name: "CONFIG_MRD_EVENT",
    why: "Its layout prints MessageType = 245, which is CONFIG_CALL_TYPE_EVENT (the layout right before it); the table says 254.",
  },
  {
    heading: "REGISTER_VARIABLES_REQ",
    printed: 118,
    name: "REGISTER_VARIABLES_CONF",
    why:
      "The confirmation table under REGISTER_VARIABLES_REQ prints MessageType = 118, which is SUPERVISOR_ASSIST_REQ " +
      "(whose own layout also prints 118); the table says REGISTER_VARIABLES_CONF = 111.",
  },
];

/**
 * Tables that have no MessageHeader row at all (Ch 4, "PG and CTI Server Graceful Shutdown", v24+).
 * Each sits under a heading "<NAME> Message"; the table's name is the Ch 3 table's "<NAME>_MSG".
 * Every field is a fixed field (no tags are listed for these messages in Ch 6, and the tables have
 * no "Floating Part"); a MessageHeader is prepended. STANDBY_ACTIVE_EVENT_MSG (277) and
 * STOPPING_REQUESTS_TO_THIS_SIDE_IND (281) print no table, so they get no layout.
 */
export const HEADERLESS_LAYOUTS: readonly { file: string; heading: string; name: string; why: string }[] = [
  {
    file: "04-session-management.md",
    heading: "ACTIVE_MAINTENANCE_REQ Message",
    name: "ACTIVE_MAINTENANCE_REQ_MSG",
    why:
      "The only table under this heading (InvokeID UINT 4). The sentence above it says 'This table defines the " +
      "ACTIVE_MAINTENANCE_RESP message', a copy-paste slip: the RESP table follows under its own heading.",
  },
  {
    file: "04-session-management.md",
    heading: "ACTIVE_MAINTENANCE_RESP Message",
    name: "ACTIVE_MAINTENANCE_RESP_MSG",
    why: "The only table under this heading (InvokeID, MaintenanceModeAccepted).",
  },
  {
    file: "04-session-management.md",
    heading: "ACTIVE_MAINTENANCE_EVENT Message",
    name: "ACTIVE_MAINTENANCE_EVENT_MSG",
    why: "The only table under this heading (MaintenanceModeStatus).",
  },
];

// ---------------------------------------------------------------------------------------------
// Data types

/** Data type spellings the guides print that the contract lacks -> contract type. */
export const DATA_TYPE_ALIASES: Readonly<Partial<Record<string, string>>> = {
  "NAMED VAR": "NAMEDVAR",
  "NAMED ARRAY": "NAMEDARRAY",
  // Typo for UINT (AGENT_STATE_EVENT SkillGroupNumber; every other layout prints UINT for it).
  USINT: "UINT",
  // Typo for UINT (SET_APP_DATA_REQ PreCallInvokeID, CONFIG_SERVICE_EVENT ServiceMember).
  UNIT: "UINT",
  // MAKE_PREDICTIVE_CALL_REQ AnswerDetectControl1/2: ULONG, 4 bytes; an unsigned 4-byte integer is UINT.
  ULONG: "UINT",
};

// ---------------------------------------------------------------------------------------------
// Field fixes: applied to a parsed layout field, matched by message name, part and field name
// (after name folding). `editions` limits a fix to some editions (default: all).

/**
 * Field names that some editions print followed by a footnote number ("PostRoute 1" ... "PostRoute 4"
 * in CONFERENCE_CALL_REQ, CONSULTATION_CALL_REQ, MAKE_CALL_REQ, TRANSFER_CALL_REQ of v23/v24): the
 * number is dropped. The v25 edition prints plain "PostRoute" in the same rows.
 */
export const FOOTNOTED_FIELD_NAMES: readonly string[] = ["PostRoute"];

const FAILURE_CONF_WHY =
  "The v24 and v25 editions print FAILURE_CONF as InvokeID, FailureCode USHORT 2, PeripheralErrorCode UINT 4; the v23 " +
  "edition prints InvokeID, Status UINT 4, like FAILURE_EVENT's Status in every edition. Chapter 7 records no change " +
  "to FAILURE_CONF in any version, and a silent change to the one reply every client must parse would break every " +
  "older client. The v24/v25 rows are CONTROL_FAILURE_CONF's fields, a copy-paste slip. We keep Status UINT 4 in " +
  "every version; the v24/v25 table's 18-byte reading is kept as an alternate for frames of that size " +
  "(packages/protocol/src/alternates.ts, with the full reasoning).";

export const FIELD_FIXES: readonly FieldFix[] = [
  {
    message: "CALL_ATTRIBUTE_CHANGE_EVENT",
    field: "ConnectionDeviceIDType",
    set: { size: 2 },
    why:
      "Printed USHORT with Byte Size 4. USHORT is 2 bytes (Ch 3), ConnectionDeviceIDType is a USHORT of 2 bytes in " +
      "every other layout, and the public Scala client decodes this message with 2 bytes there.",
  },
  {
    message: "FAILURE_CONF",
    field: "FailureCode",
    editions: [24, 25],
    set: { name: "Status", type: "UINT", size: 4 },
    why: FAILURE_CONF_WHY,
  },
  { message: "FAILURE_CONF", field: "PeripheralErrorCode", editions: [24, 25], remove: true, why: FAILURE_CONF_WHY },
  {
    message: "OPEN_CONF",
    field: "SessionType",
    set: { size: 2 },
    why: "The Byte Size cell holds the value list ('0 - Unknown 1 - Active 2 - Standby'); the type is USHORT, 2 bytes.",
  },
  {
    message: "SET_AGENT_STATE_REQ",
    field: "SSOEnabled",
    set: { type: "USHORT", size: 2 },
    why: "Data Type and Max. Size cells are empty. CONFIG_AGENT_EVENT prints SSOEnabled (same tag, SSO_ENABLED_TAG) as USHORT 2.",
  },
  {
    message: "NETWORK_RECORDING_ENDED_EVENT",
    field: "RecordingDeviceType",
    set: { size: 2 },
    why: "Byte Size cell is empty; USHORT, and the STARTED/FAILED/TARGET_INFO tables print 2.",
  },
  {
    message: "CONFIG_BEGIN_EVENT",
    field: "CallTypeConfiKey",
    set: { name: "CallTypeConfigKey" },
    why: "Typo 'CallTypeConfi Key'; CONFIG_KEY_EVENT spells the same field CallTypeConfigKey (CALL_TYPE_KEY_CONFIG_TAG).",
  },
  {
    message: "SET_AGENT_SERVICE_DATA_CONF",
    field: "NumInvokeID",
    set: { name: "InvokeID" },
    why:
      "Printed 'NumInvokeID' (UINT 4, 'Set to the value of the InvokeID from the corresponding request'): every " +
      "other confirmation calls this field InvokeID, and code correlates confirmations by that name.",
  },
];

// ---------------------------------------------------------------------------------------------
// Tags

/** Tag name spellings fixed beyond whitespace folding. */
export const TAG_NAME_FIXES: Readonly<Partial<Record<string, { name: string; why: string }>>> = {};

/**
 * Floating field name -> tag name, for fields that normalised-name matching cannot map.
 * Keyed by field name (all messages), or "MESSAGE_NAME.FieldName" for one message.
 */
export const TAG_ALIASES: Readonly<Partial<Record<string, { tag: string | readonly string[] }>>> = {
  // Abbreviated tag names (the tag table's "Using Messages" lists these messages for them).
  UserToUserInfo: { tag: "UUI_TAG" },
  CallerEnteredDigits: { tag: "CED_TAG" },
  RouterCallKeySequenceNumber: { tag: "ROUTER_CALL_KEY_SEQUENCE_NUM_TAG" },
  ConnectedPartyCallID: { tag: "PARTY_CALLID_TAG" },
  ConnectedPartyDeviceIDType: { tag: "PARTY_DEVID_TYPE_TAG" },
  ConnectedPartyDeviceID: { tag: "PARTY_DEVID_TAG" },
  COCCallConnectionDeviceIDType: { tag: "COC_CONNECTION_DEVICE_ID_TYPE_TAG" },
  COCCallConnectionDeviceID: { tag: "COC_CONNECTION_DEVICE_ID_TAG" },
  "SNAPSHOT_CALL_CONF.CallDeviceType": { tag: "CALL_DEVID_TYPE_TAG" },
  "SNAPSHOT_CALL_CONF.CallDeviceConnectionState": { tag: "CALL_DEV_CONN_STATE_TAG" },
  CCT: { tag: "CALL_CONTROL_TABLE_TAG" }, // "Call Control table"
  ApplicationPathID: { tag: "APP_PATH_ID_TAG" },
  "LIST_AGENT_TEAM_CONF.TeamID": { tag: "LIST_TEAM_ID_TAG" }, // the only tag listing LIST_AGENT_TEAM_CONF
  CallTypeConfigKey: { tag: "CALL_TYPE_KEY_CONFIG_TAG" },
  // The terminal tags (CONFIG_TERMINAL_EVENT) are spelled FLT_TERM_* without _TAG.
  ActiveTerminal: { tag: "FLT_TERM_DEVICE_NAME" }, // its Using Messages: CONFIG_AGENT_EVENT, SET_AGENT_STATE_REQ, AGENT_STATE_EVENT
  TerminalDeviceName: { tag: "FLT_TERM_DEVICE_NAME" },
  TerminalType: { tag: "FLT_TERM_TYPE" },
  TerminalTypeName: { tag: "FLT__TERM_TYPE_NAME" },
  NumInstruments: { tag: "FLT_NUM_INSTRUMENTS" },
  // GUESS (no tag lists CONFIG_TERMINAL_EVENT for it): "Agent instruments", STRING 64, one per NumInstruments.
  "CONFIG_TERMINAL_EVENT.Instrument": { tag: "AGENT_INSTRUMENT_TAG" },
  // AGENT_STATE_EVENT's NextAgentState (USHORT) travels under EXT_AGENT_STATE_TAG (123, "Using Messages":
  // AGENT_STATE_EVENT; the only unclaimed tag of that message that fits). An independent C client decodes
  // EXT_AGENT_STATE_TAG into NextAgentState.
  "AGENT_STATE_EVENT.NextAgentState": { tag: "EXT_AGENT_STATE_TAG" },
  // AGENT_STATE_EVENT's CTIClientSignature: Ch 6 lists AGENT_STATE_EVENT under CLIENT_SIGNATURE_TAG (3), and
  // CTI_CLIENT_SIGNATURE_TAG (23) only for BEGIN_CALL_EVENT, CALL_DATA_UPDATE_EVENT and SNAPSHOT_CALL_CONF. The
  // guide's explicit "Using Messages" column wins over the likeness of the names.
  "AGENT_STATE_EVENT.CTIClientSignature": { tag: "CLIENT_SIGNATURE_TAG" },
  // CONFIG_AGENT_EVENT OldLoginID ("the Old Peripheral Number or Login ID of the record to be changed"):
  // CUR_LOGIN_ID (214) is the only unclaimed login tag listing CONFIG_AGENT_EVENT, next to
  // OLD_PERIPHERAL_NUMBER_TAG (213), which older CTILink.h copies call CUR_PERIPHERAL_NUMBER_TAG.
  "CONFIG_AGENT_EVENT.OldLoginID": { tag: "CUR_LOGIN_ID" },
  // v24 prints NUM_POSITIVE/NEGATIVE_ANSWERS_SUGGESTIONS as 312/313; v25 renames those numbers MEDIA_TYPE_TAG and
  // MEDIA_PROVIDER_TAG "for the message MEDIA_LOGIN_REQ" (Ch 7 v25) while SET_AGENT_SERVICE_DATA_REQ still prints
  // both fields. We read Ch 7 as renaming the table rows, not renumbering the wire: in v25 the two fields still
  // travel under 312 and 313, whose v25 names are the media ones.
  "SET_AGENT_SERVICE_DATA_REQ.NumPositiveAnswersSuggestions": {
    tag: ["NUM_POSITIVE_ANSWERS_SUGGESTIONS", "MEDIA_TYPE_TAG"],
  },
  "SET_AGENT_SERVICE_DATA_REQ.NumNegativeAnswersSuggestions": {
    tag: ["NUM_NEGATIVE_ANSWERS_SUGGESTIONS", "MEDIA_PROVIDER_TAG"],
  },
};

/**
 * Types for tags that no documented layout of an edition carries (keyed by tag name):
 * { type, maxSize?, why }. maxSize defaults to the type's fixed size.
 */
export const TAG_DEFAULTS: Readonly<Partial<Record<string, { type: string; maxSize?: number; why: string }>>> = {};

// ---------------------------------------------------------------------------------------------
// Counted and alternative floating fields

/**
 * "MESSAGE.Field" (or "*.Field") -> name of the field that counts it, or "none" to suppress a
 * heuristic match. The generic rules (in layouts.ts) already handle "(See NumX)" in a field's
 * description, "TYPE[NumX]" / "n * NumX" in its type or size cell, and NamedVariable/NamedArray.
 */
export const COUNT_FIELDS: Readonly<Partial<Record<string, string>>> = {
  // "(See NumCTIClients.)" is printed for it in BEGIN_CALL_EVENT and CALL_DATA_UPDATE_EVENT, not here;
  // it always immediately follows the CTIClientSignature it belongs to.
  "SNAPSHOT_CALL_CONF.CTIClientTimestamp": "NumCTIClients",
  // NumberOfAgents: "The number of AgentID, AgentFlag, AgentState, and StateDuration fields" (the
  // floating fields are spelled AtcAgentID, AgentFlags, AtcAgentState, AtcStateDuration).
  "AGENT_TEAM_CONFIG_EVENT.AtcAgentID": "NumberOfAgents",
  "AGENT_TEAM_CONFIG_EVENT.AgentFlags": "NumberOfAgents",
  "AGENT_TEAM_CONFIG_EVENT.AtcAgentState": "NumberOfAgents",
  "AGENT_TEAM_CONFIG_EVENT.AtcStateDuration": "NumberOfAgents",
  // NumberOfAgentTeams: "The number of TeamID present in the floating part".
  "LIST_AGENT_TEAM_CONF.TeamID": "NumberOfAgentTeams",
  // NumInstruments: "The number of instruments to follow - max 10".
  "CONFIG_TERMINAL_EVENT.Instrument": "NumInstruments",
};

/** "MESSAGE.Field" -> { field, why }: this floating field replaces `field` (one but not both). */
export const ALTERNATIVES: Readonly<Partial<Record<string, { field: string; why: string }>>> = {
  "MONITOR_START_REQ.MonitoredDeviceID": {
    field: "ConnectionDeviceID",
    why:
      "ConnectionDeviceID is marked '(required for call monitor)', MonitoredDeviceID '(required for device " +
      "monitor)': a monitor is one or the other. (None of the three editions prints 'one but not both' anywhere; " +
      "the v23+ guides dropped the IPv6 fields that used to say it.)",
  },
};

/**
 * "MESSAGE.Field" -> { required, why }: overrides the required flag derived from "(optional)" markers
 * and "Optional ..." descriptions.
 */
const CLIENT_EVENTS_ONLY =
  "Not marked optional, but the description makes it conditional: only CLIENT EVENTS (and ARM) sessions " +
  "identify an agent, with one of AgentExtension, AgentID or AgentInstrument; other sessions omit all three.";
export const REQUIRED_OVERRIDES: Readonly<Partial<Record<string, { required: boolean; why: string }>>> = {
  // Not marked "(optional)", but the guide's own description makes the field conditional. Strict decoding
  // must not reject what real servers send, so these are optional.
  "QUERY_AGENT_STATE_REQ.AgentExtension": {
    required: false,
    why: "At least one of ICMAgentID, AgentExtension, AgentID, or AgentInstrument must be provided.",
  },
  "QUERY_AGENT_STATE_REQ.AgentID": {
    required: false,
    why: "At least one of ICMAgentID, AgentExtension, AgentID, or AgentInstrument must be provided.",
  },
  "QUERY_AGENT_STATE_REQ.AgentInstrument": {
    required: false,
    why: "At least one of ICMAgentID, AgentExtension, AgentID, or AgentInstrument must be provided.",
  },
  "QUERY_AGENT_STATE_CONF.InternalAgentState": {
    required: false,
    why: "Its tag is 'reserved for internal use only' (for CCX).",
  },
  "SET_AGENT_STATE_REQ.ActiveTerminal": { required: false, why: "'The selected terminal device name, if any.'" },
  "AGENT_STATE_EVENT.NextAgentState": { required: false, why: "'The next agent state (if known).'" },
  "START_NETWORK_RECORDING_REQ.InvocationType": {
    required: false,
    why: "'If this field is not supplied then Silent Recording would be assumed.'",
  },
  "START_NETWORK_RECORDING_REQ.PlayToneDirection": {
    required: false,
    why: "The description gives the default used when it is not supplied.",
  },
  "CALL_DELIVERED_EVENT.SecondaryConnectionCallID": {
    required: false,
    why: "The consultation call Unified CCX placed from a CTI port: UCCX only.",
  },
  "CALL_DATA_UPDATE_EVENT.RouterCallKeySequenceNumber": {
    required: false,
    why: "Its partners RouterCallKeyDay and RouterCallKeyCallID are marked optional; the three travel together.",
  },
  "OPEN_REQ.AgentExtension": { required: false, why: CLIENT_EVENTS_ONLY },
  "OPEN_REQ.AgentID": { required: false, why: CLIENT_EVENTS_ONLY },
  "OPEN_REQ.AgentInstrument": { required: false, why: CLIENT_EVENTS_ONLY },
  "OPEN_REQ.ApplicationPathID": {
    required: false,
    why: "Not marked optional, but only multichannel (MR/ARM) clients have an application path; CTI OS and plain CTI clients do not send it.",
  },
};
