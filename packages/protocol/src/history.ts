/**
 * Chapter 7, "Changes and Additions", as data: every change of protocol versions 18 to 25 that
 * alters the bytes on the wire (messages, fixed and floating fields, field sizes, tags).
 *
 * Sources. Chapter 7 of the v23 (12.5(1)), v24 (12.6(1)) and v25 (15.0(1)) guides in
 * shared/spec (beside the repository). The three agree word for word for versions 16 to 23 (compared with
 * whitespace folded); v24 and v25 add their own sections, and the v25 guide repeats v24's section
 * unchanged. Tag numbers that Chapter 7 leaves out come from Chapter 6, "Tag Values" (v23 table,
 * or the v24 table for tags the v23 table lacks). Field positions and sizes of fields that were
 * removed come from the guides of older protocol versions (v14, v15, v17) as hosted by third
 * parties (see each record's note).
 *
 * Order and meaning. `version` is the first protocol version where the change holds. Records are
 * listed oldest version first. spec.ts builds versions 17-22 from the v23 guide by undoing, newest
 * version first, every record with target < version <= 23; within one version it undoes records in
 * the order listed here (a stable sort). So a `fieldRemoved` whose `after` names a field that
 * another record of the same version restores is listed after that record.
 *
 * Records of versions 24 and 25 document what changed between guide editions: the v24 and v25
 * layouts and tags come straight from those guides, and spec.ts does not apply these records.
 * (Two of them, OPEN_REQ.UniqueInstanceID and OPEN_CONF.SessionType, are also printed in the v23
 * guide, and the v23 Ch 3 table already lists 277-281; see DOUBTS below.)
 *
 * Not a record: protocol version 20 changed the floating-field tag and length from one byte
 * (UCHAR) each to two bytes (USHORT) each ("In the CTI Server Protocol Version 20 the floating
 * field tag and length size changed from 1 byte to 2 byte USHORT"). That is framing, not layout:
 * see floatingHeaderSize(), maxFloatingFieldLength() and maxTagNumber() in versions.ts.
 *
 * Changes Chapter 7 lists that do not touch the wire layout, and so have no record: new enumeration
 * values (v19 CallType 27-37 and the agent internal states, v20 mask bit 32 of ConfigInformation
 * and the TaskState and disposition codes 63-65, v24 E_CTI_INVALID_CLIENT_FOR_STANDBY and
 * CONFIG_MSG_AGENT_SERVICE_MASK, v25 removal of PT_ASPECT, PT_SYMPOSIUM and PT_SIMPLIFIED_IPCC),
 * behaviour (v20 AGENT_PRE_CALL_ABORT_EVENT sent to ALL_EVENTS clients, v21 OPEN_CONF PeripheralType,
 * v22 CALL_DATA_UPDATE_EVENT and ECC variables), and wording (v25 PostRoute and CCT descriptions,
 * Avaya and Aspect references). v20's "added or modified" SCRIPT_SELECTOR_TAG, APPLICATION_STRING1/2_TAG,
 * CALL_VAR_1..10_TAG, NAMED_VARIABLE_TAG and NAMED_ARRAY_TAG for SNAPSHOT_TASK_RESP, v20's
 * MR_DOMAIN_ID_TAG (216), DESCRIPTION_TAG (134), ENTERPRISE_NAME_TAG (212), MAX_TASK_DURATION_TAG (250)
 * and INTERRUPTIBLE_TAG (251) "to the event CONFIG_MRD_EVENT", and v23's TEXT_TAG, CALL_VAR_n_TAG,
 * FLT_TASK_ID_TAG and NUM_MRDS_TAG "for" the task messages are existing tag numbers given to new
 * messages: no tagAdded (the message's own messageAdded covers them).
 *
 * Decisions, with the reasons:
 *
 * - Configuration acquisition (CONFIG_REQUEST_KEY_EVENT 230 ... CONFIG_CALL_TYPE_EVENT 245): v19
 *   says "Added Configuration Acquisition Messages section in Application Level Interfaces chapter"
 *   and "Updated Message Types in Messaging Conventions chapter". Those are documentation changes
 *   (a section, a table), and the messages are older than v19: the tags they use are marked "(V11)"
 *   in Ch 6 (LOGIN_NAME_TAG (V11) 207 ... ENTERPRISE_NAME_TAG (V11) 212, i.e. protocol version 11);
 *   v14 (Ch 7) added E_CTI_INVALID_CONFIG_MSG_MASK and E_CTI_AUTO_CONFIG_RESET, which only make
 *   sense with configuration messages; the v14 guide's message table already lists "241-246
 *   Reserved" after them; and v15 added message numbers 248-250 (AGENT_GREETING), above 230-245.
 *   So v19 only documented them: no messageAdded, and they exist at v17.
 * - v20 CONFIG_MRD_EVENT is 254 (the Ch 3 table); its layout's "MessageType = 245" is a slip (245
 *   is CONFIG_CALL_TYPE_EVENT).
 * - Message numbers are handed out in order, and Chapter 7 dates some of them: 254 (v20), 259 (v21),
 *   260-261 (v22), 267-274 (v23), 277-284 (v24). Messages that Chapter 7 never says were added but
 *   whose numbers fall between dated ones get a messageAdded of the version that the tags Chapter 7
 *   adds "for" them point to: 255-258 (GET_AGENT_TASKS_REQ ... SNAPSHOT_TASK_RESP) at v20 (v20 adds
 *   FLT_TASK_ID_TAG "for the AGENT_TASKS_RESP message" and tags and TaskState values for
 *   SNAPSHOT_TASK(S)_RESP); 262-266 (AGENT_TASKS_EVENT ... DESKTOP_CONNECTED_IND) at v23 (v23 adds
 *   tags "for" each of them); 276 CONFIG_TERMINAL_EVENT at v24 (first printed in the v24 guide; its
 *   tags FLT_TERM_* 302-305 are first in the v24 table).
 * - v24 "Updated OPEN_REQ and OPEN_CONF": the active/standby fields. OPEN_CONF.SessionType ("Active
 *   or Standby") and OPEN_REQ.UniqueInstanceID (used to route replies between the active and standby
 *   CTI Server) belong to the v24 active/standby feature; their status codes E_CTI_INVALID_UNIQUE_
 *   INSTANCE_ID (108) and E_CTI_DUPLICATE_UNIQUE_INSTANCE_ID (109) sit right after v24's
 *   E_CTI_INVALID_CLIENT_FOR_STANDBY (107, "clients with protocol version 23 or lesser"). The v23
 *   guide (updated January 2020) already prints them, like the 277-281 rows of its message table.
 * - v19's ClientAddress 16 -> 64 applies to every message with a ClientAddress: exactly the nine
 *   messages to which v14 added ClientAddressIPV6 (CLIENT_SESSION_OPENED/CLOSED_EVENT, RTP_STARTED/
 *   STOPPED_EVENT, EMERGENCY_CALL_EVENT, START/STOP_RECORDING_REQ/CONF). USER_MESSAGE_EVENT has no
 *   ClientAddress (ClientID and Text only). SendingAddress is only in RTP_STARTED/STOPPED_EVENT.
 * - Removed IPv6 fields: each was the last field of its floating part in the v14, v15 and v17 guides
 *   (STRING 16, "(not supported by Unified CCE)", "may replace ClientAddress; one but not both must
 *   be present"), so they are optional alternatives to ClientAddress/SendingAddress.
 * - Tags 289-300 (network recording) are missing from the v23 tag table although the v23 guide's
 *   network recording layouts carry those fields; the v24 table lists them with the network
 *   recording messages as users. They came with the v23 messages: tagAdded at v23.
 *
 * DOUBTS (what Chapter 7 does not say; each is treated as stated):
 *
 * 1. Everything in the v23 layouts that no record removes is treated as present since before v17.
 *    In particular, fields of layouts Chapter 7 never mentions after v17, and these that look recent:
 *    AGENT_STATE_EVENT / AGENT_PRE_CALL_EVENT / AGENT_PRE_CALL_ABORT_EVENT / QUERY_AGENT_STATE_REQ/CONF
 *    MRDID and the MMTA fields (NumTasks, AgentMode, MaxTaskLimit) of AGENT_STATE_EVENT; OPEN_REQ
 *    ApplicationPathID; the CTIOSCILClientID floating fields; AGENT_DESK_SETTINGS_CONF as printed by v23;
 *    CONFIG_*_EVENT fields other than those recorded here (e.g. CONFIG_SERVICE_EVENT and
 *    CONFIG_CALL_TYPE_EVENT FltMRDomainID, CONFIG_AGENT_EVENT AgentSkillTargetID).
 * 2. Tag 246 FLT_MRD_ID_TAG: same family as 247-254 (CONFIG_MEDIA_ROUTING_DOMAIN_EVENT, internal),
 *    but v18 says "values 247 to 254" and v17 only OPTIONS_TAG (245). Treated as present at v17.
 * 3. Tag 268 XFER_IN_WHILE_LOGGED_OUT_TAG (OFFER/START_APPLICATION_TASK_REQ): no Chapter 7 line.
 *    Numbered between 267 and 269, both v22: tagAdded at v22.
 * 4. Tags 261-263 (v21) and 264-287 (v22): Chapter 7 names the fields and messages, not the tags;
 *    the numbers are the tags those fields travel under in Ch 6.
 * 5. v21 "Added a new Message with the type 259. This Message is reserved for internal use only.":
 *    no record (the table names it "Reserved"; no layout). Clients must not send it.
 * 6. v23 "Modified the existing message: MEDIA_LOGIN_REQ": no layout in any guide; Ch 6 lists
 *    MAX_BEYOND_TASK_LIMIT_TAG (266) and, in v25, MEDIA_TYPE_TAG/MEDIA_PROVIDER_TAG for it. No record.
 * 7. 255-258, 262-266 and 276 messageAdded versions are inferred from numbering (see above).
 * 8. OPEN_REQ.UniqueInstanceID / OPEN_CONF.SessionType at v24 are inferred (see above). spec.ts
 *    applies no v24 record, so as it stands v17-v23 keep both fields and 277-281 stay listed at v23.
 *    UniqueInstanceID has no tag in any edition's tag table.
 * 9. EMERGENCY_CALL_EVENT.ClientAddressIPV6: the v15 and v17 guides print EMERGENCY_CALL_EVENT twice;
 *    the Supervisor Service copy has ClientAddressIPV6 (last), the Client Control Service copy does
 *    not. Chapter 7 v14 lists it, so it is recorded.
 * 10. STOP_RECORDING_CONF.ClientAddressIPV6 position: not seen in an older guide; assumed last (after
 *    ClientAddress) like START_RECORDING_CONF, whose v17 page shows it there.
 * 11. v24 guide-only differences (no Chapter 7 line): ActiveTerminal (FLT_TERM_DEVICE_NAME) in
 *    AGENT_STATE_EVENT, SET_AGENT_STATE_REQ and CONFIG_AGENT_EVENT; PlayZipTone and ACDSharedLineUsage
 *    in AGENT_DESK_SETTINGS_CONF and CONFIG_AGENT_DESK_SETTINGS_EVENT; the fixed ConfigMsgMask in
 *    CONFIG_REQUEST_EVENT (between ConfigInformation and PeripheralID); tags 302-307. Recorded at v24.
 *    ProtocolReferenceGUID, CcaiConfigId, NumOfEnabledServices and FltEnabledServices in
 *    AGENT_PRE_CALL_EVENT and SNAPSHOT_CALL_CONF are Chapter 7's "Modified the existing messages".
 * 12. v25 guide-only difference: USER_MESSAGE_REQ lost CTIOSCILClientID as well (Chapter 7 names only
 *    CLEAR_CONNECTION_REQ and SEND_DTMF_SIGNAL_REQ). Recorded at v25.
 * 13. LoginName before v20: "For clients using a protocol version earlier than version 20, LoginName
 *    is truncated to 32 Bytes" (CONFIG_AGENT_EVENT, v23 Ch 5). Taken as a field size of 32.
 */
import type { GuideFloatingField, GuideTag, HistoryChange } from "./types.js";

// ---------------------------------------------------------------------------------------------
// Small builders, so that each record stays one line where it can.

function messageAdded(version: number, message: string, note: string): HistoryChange {
  return { version, kind: "messageAdded", message, note };
}

function fieldAdded(
  version: number,
  message: string,
  part: "fixed" | "floating",
  field: string,
  note: string,
): HistoryChange {
  return { version, kind: "fieldAdded", message, part, field, note };
}

function floatingRemoved(
  version: number,
  message: string,
  field: GuideFloatingField,
  after: string | null,
  note: string,
): HistoryChange {
  return { version, kind: "fieldRemoved", message, part: "floating", field, after, note };
}

function resized(
  version: number,
  message: string,
  field: string,
  from: number,
  to: number,
  note: string,
): HistoryChange {
  return { version, kind: "fieldResized", message, field, from, to, note };
}

function tagAdded(version: number, tag: number, name: string, note: string): HistoryChange {
  return { version, kind: "tagAdded", tag, name, note };
}

// ---------------------------------------------------------------------------------------------
// v19: the IPv6 fields and tags as they were before their removal.

/** Messages that carried ClientAddressIPV6 (Ch 7 v14), each with the field it followed (v14/v15/v17 guides). */
const CLIENT_ADDRESS_IPV6_AFTER: readonly (readonly [message: string, after: string, where: string])[] = [
  ["CLIENT_SESSION_OPENED_EVENT", "AgentInstrument", "v17 guide p.49 (seed page)"],
  ["CLIENT_SESSION_CLOSED_EVENT", "AgentInstrument", "v14 and v15 guides"],
  ["RTP_STARTED_EVENT", "SendingPort", "v14 and v15 guides"],
  ["RTP_STOPPED_EVENT", "SendingPort", "v14 and v15 guides"],
  ["EMERGENCY_CALL_EVENT", "AgentInstrument", "v14 and v15 guides, Supervisor Service copy"],
  ["START_RECORDING_REQ", "AgentInstrument", "v14 and v15 guides"],
  ["START_RECORDING_CONF", "ClientAddress", "v15 and v17 guides"],
  ["STOP_RECORDING_REQ", "AgentInstrument", "v14 and v15 guides"],
  ["STOP_RECORDING_CONF", "ClientAddress", "assumed, like START_RECORDING_CONF"],
];

const SENDING_ADDRESS_IPV6_MESSAGES = ["RTP_STARTED_EVENT", "RTP_STOPPED_EVENT"] as const;

const CLIENT_ADDRESS_IPV6: GuideFloatingField = {
  name: "ClientAddressIPV6",
  tagName: "CLIENT_ADDRESS_IPV6_TAG",
  tag: 226,
  type: "STRING",
  maxSize: 16,
  required: false,
  alternativeTo: "ClientAddress",
};

const SENDING_ADDRESS_IPV6: GuideFloatingField = {
  name: "SendingAddressIPV6",
  tagName: "SENDING_ADDRESS_IPV6_TAG",
  tag: 227,
  type: "STRING",
  maxSize: 16,
  required: false,
  alternativeTo: "SendingAddress",
};

const CLIENT_ADDRESS_IPV6_TAG: GuideTag = {
  tag: 226,
  name: "CLIENT_ADDRESS_IPV6_TAG",
  type: "STRING",
  maxSize: 16,
  usedBy: CLIENT_ADDRESS_IPV6_AFTER.map(([m]) => m),
};

const SENDING_ADDRESS_IPV6_TAG: GuideTag = {
  tag: 227,
  name: "SENDING_ADDRESS_IPV6_TAG",
  type: "STRING",
  maxSize: 16,
  usedBy: [...SENDING_ADDRESS_IPV6_MESSAGES],
};

const V19_IPV6 =
  "Ch7 v19: Removed the ClientAddressIPV6 and SendingAddressIPV6 elements and the CLIENT_ADDRESS_IPV6_TAG (226) " +
  "and SENDING_ADDRESS_IPV6_TAG(227) tags due to a change in the handling of IPv6 addresses";
const V19_SIZE =
  "Ch7 v19: Changed ClientAddress and SendingAddress elements' size from 16 byte to 64 byte to support IPv6 addresses";
const V19_DEPT =
  "Ch7 v19: Added the DepartmentID field to OPEN_CONF, AGENT_STATE_EVENT, AGENT_TEAM_CONFIG_EVENT, QUERY_AGENT_STATE_CONF";

// ---------------------------------------------------------------------------------------------
// v22 and v23 tag runs.

const V22_DESK_SETTINGS_TAGS: readonly (readonly [number, string])[] = [
  [273, "FLT_DESK_SETTINGS_MASK_TAG"],
  [274, "FLT_WRAP_UP_DATA_INCOMING_MODE_TAG"],
  [275, "FLT_WRAP_UP_DATA_OUTGOING_MODE_TAG"],
  [276, "FLT_LOGOUT_NON_ACTIVITY_TIME_TAG"],
  [277, "FLT_QUALITY_RECORDING_RATE_TAG"],
  [278, "FLT_RING_NO_ANSWER_TIME_TAG"],
  [279, "FLT_SILENT_MONITOR_WARNING_MESSAGE_TAG"],
  [280, "FLT_SILENT_MONITOR_AUDIBLE_INDICATION_TAG"],
  [281, "FLT_SUPERVISOR_ASSIST_CALL_METHOD_TAG"],
  [282, "FLT_EMERGENCY_CALL_METHOD_TAG"],
  [283, "FLT_AUTO_RECORD_ON_EMERGENCY_TAG"],
  [284, "FLT_RECORDING_MODE_TAG"],
  [285, "FLT_WORK_MODE_TIMER_TAG"],
  [286, "FLT_RING_NO_ANSWER_DN_ID_TAG"],
  [287, "FLT_DEFAULT_DEVICE_PORT_ADDRESS_TAG"],
];

const V23_NETWORK_RECORDING_TAGS: readonly (readonly [number, string, string])[] = [
  [289, "PLAY_TONE_DIRECTION_TAG", "START_NETWORK_RECORDING_REQ"],
  [290, "INVOCATION_TYPE_TAG", "START_NETWORK_RECORDING_REQ, STOP_NETWORK_RECORDING_REQ"],
  [291, "RECORDER_ADDRESS_TAG", "NETWORK_RECORDING_TARGET_INFO_EVENT"],
  [292, "TERMINAL_NAME_TAG", "NETWORK_RECORDING_TARGET_INFO_EVENT"],
  [293, "MEDIA_FORKING_DEVICE_NAME_TAG", "NETWORK_RECORDING_TARGET_INFO_EVENT"],
  [294, "PROTOCOL_REFERENCE_GUID_TAG", "NETWORK_RECORDING_TARGET_INFO_EVENT"],
  [295, "MEDIA_FORKING_CLUSTER_ID_TAG", "NETWORK_RECORDING_TARGET_INFO_EVENT"],
  [296, "RECORDER_URI_TAG", "NETWORK_RECORDING_TARGET_INFO_EVENT"],
  [297, "RECORDER_ERROR_MSG_TAG", "NETWORK_RECORDING_TARGET_INFO_EVENT"],
  [298, "RECORDER_TYPE_TAG", "NETWORK_RECORDING_TARGET_INFO_EVENT"],
  [299, "RECORDER_STATUS_TAG", "NETWORK_RECORDING_TARGET_INFO_EVENT"],
  [300, "RECORDING_DEVICE_ID_TAG", "the four NETWORK_RECORDING_*_EVENT messages"],
];

const V23_NETWORK_RECORDING_MESSAGES: readonly string[] = [
  "START_NETWORK_RECORDING_REQ",
  "START_NETWORK_RECORDING_CONF",
  "STOP_NETWORK_RECORDING_REQ",
  "STOP_NETWORK_RECORDING_CONF",
  "NETWORK_RECORDING_STARTED_EVENT",
  "NETWORK_RECORDING_ENDED_EVENT",
  "NETWORK_RECORDING_FAILED_EVENT",
  "NETWORK_RECORDING_TARGET_INFO_EVENT",
];

// ---------------------------------------------------------------------------------------------
// v25: the CTIOSCILClientID fields as the v24 guide prints them.

const CTIOS_CIL_CLIENT_ID: GuideFloatingField = {
  name: "CTIOSCILClientID",
  tagName: "CTIOS_CIL_CLIENT_ID_TAG",
  type: "STRING",
  maxSize: 64,
  required: true,
};

const V25_CTIOS = "Ch7 v25: CTIOSCILClientID has been removed from CLEAR_CONNECTION_REQ and SEND_DTMF_SIGNAL_REQ";

// ---------------------------------------------------------------------------------------------

export const HISTORY: readonly HistoryChange[] = Object.freeze([
  // ===== Protocol version 18 (Unified CCE 10.0(1), internal use only) =====
  // "Added values 247 to 254 to Tag Values Table" (names from the v23 Ch 6 table).
  ...(
    [
      [247, "MEDIA_CLASS_ID_TAG"],
      [248, "TASK_LIFE_TAG"],
      [249, "TASK_START_TIMEOUT_TAG"],
      [250, "MAX_TASK_DURATION_TAG"],
      [251, "INTERRUPTIBLE_TAG"],
      [252, "MAX_CALLS_IN_QUEUE_TAG"],
      [253, "MAX_CALLS_IN_QUEUE_PER_CALL_TYPE_TAG"],
      [254, "MAX_TIME_IN_QUEUE_TAG"],
    ] as const
  ).map(([tag, name]) => tagAdded(18, tag, name, "Ch7 v18: Added values 247 to 254 to Tag Values Table")),

  // ===== Protocol version 19 =====
  tagAdded(19, 255, "INTERNAL_AGENT_STATE_TAG", "Ch7 v19: Added row containing INTERNAL_AGENT_STATE_TAG to Tag Values"),
  fieldAdded(
    19,
    "QUERY_AGENT_STATE_CONF",
    "floating",
    "InternalAgentState",
    "Ch7 v19: Added row containing InternalAgentState to QUERY_AGENT_STATE CONF Message Form",
  ),
  // DepartmentID is an INT in the fixed part of all four (v23 layouts; no DEPARTMENT tag exists).
  fieldAdded(19, "OPEN_CONF", "fixed", "DepartmentID", V19_DEPT),
  fieldAdded(19, "AGENT_STATE_EVENT", "fixed", "DepartmentID", V19_DEPT),
  fieldAdded(19, "AGENT_TEAM_CONFIG_EVENT", "fixed", "DepartmentID", V19_DEPT),
  fieldAdded(19, "QUERY_AGENT_STATE_CONF", "fixed", "DepartmentID", V19_DEPT),
  ...CLIENT_ADDRESS_IPV6_AFTER.map(([message]) => resized(19, message, "ClientAddress", 16, 64, V19_SIZE)),
  ...SENDING_ADDRESS_IPV6_MESSAGES.map((message) => resized(19, message, "SendingAddress", 16, 64, V19_SIZE)),
  // ClientAddressIPV6 before SendingAddressIPV6: undoing in this order re-inserts ClientAddressIPV6
  // after SendingPort first, then SendingAddressIPV6 after it (the v14/v15 order).
  ...CLIENT_ADDRESS_IPV6_AFTER.map(([message, after, where]) =>
    floatingRemoved(19, message, CLIENT_ADDRESS_IPV6, after, `${V19_IPV6} (position: ${where})`),
  ),
  ...SENDING_ADDRESS_IPV6_MESSAGES.map((message) =>
    floatingRemoved(
      19,
      message,
      SENDING_ADDRESS_IPV6,
      "ClientAddressIPV6",
      `${V19_IPV6} (position: v14 and v15 guides)`,
    ),
  ),
  { version: 19, kind: "tagRemoved", tag: CLIENT_ADDRESS_IPV6_TAG, note: V19_IPV6 },
  { version: 19, kind: "tagRemoved", tag: SENDING_ADDRESS_IPV6_TAG, note: V19_IPV6 },

  // ===== Protocol version 20 (Unified CCE 11.5(1)) =====
  // (Floating field tag and length became USHORTs: versions.ts, no record.)
  fieldAdded(
    20,
    "AGENT_PRE_CALL_EVENT",
    "fixed",
    "AgentSkillTargetID",
    "Ch7 v20: Added the fixed AgentSkillTargetID and floating AgentID fields to the AGENT_PRE_CALL_EVENT message",
  ),
  fieldAdded(
    20,
    "AGENT_PRE_CALL_EVENT",
    "floating",
    "AgentID",
    "Ch7 v20: Added the fixed AgentSkillTargetID and floating AgentID fields to the AGENT_PRE_CALL_EVENT message",
  ),
  messageAdded(
    20,
    "CONFIG_MRD_EVENT",
    "Ch7 v20: Added the CONFIG_MRD_EVENT message (254 per the Ch 3 table; its layout's 245 is a slip)",
  ),
  ...(["GET_AGENT_TASKS_REQ", "AGENT_TASKS_RESP", "SNAPSHOT_TASK_REQ", "SNAPSHOT_TASK_RESP"] as const).map((m) =>
    messageAdded(
      20,
      m,
      "Inferred: numbered 255-258, between CONFIG_MRD_EVENT (254, Ch7 v20) and 259 (Ch7 v21); Ch7 v20 adds FLT_TASK_ID_TAG " +
        "for the AGENT_TASKS_RESP message and tags and TaskState values for SNAPSHOT_TASK(S)_RESP",
    ),
  ),
  tagAdded(
    20,
    257,
    "SSO_ENABLED_TAG",
    "Ch7 v20: Added SSO_ENABLED_TAG for the CONFIG_AGENT_EVENT and SET_AGENT_STATE_REQ",
  ),
  fieldAdded(
    20,
    "CONFIG_AGENT_EVENT",
    "floating",
    "SSOEnabled",
    "Ch7 v20: Added SSO_ENABLED_TAG for the CONFIG_AGENT_EVENT and SET_AGENT_STATE_REQ",
  ),
  fieldAdded(
    20,
    "SET_AGENT_STATE_REQ",
    "floating",
    "SSOEnabled",
    "Ch7 v20: Added SSO_ENABLED_TAG for the CONFIG_AGENT_EVENT and SET_AGENT_STATE_REQ",
  ),
  tagAdded(20, 258, "FLT_TASK_ID_TAG", "Ch7 v20: Added FLT_TASK_ID_TAG for the AGENT_TASKS_RESP message"),
  tagAdded(
    20,
    259,
    "FLT_ICM_DISP_TAG",
    "Ch7 v20: Added FLT_ICM_DISP_TAG and FLT_APP_DISP_TAG for the MEDIA_LOGOUT_IND message",
  ),
  tagAdded(
    20,
    260,
    "FLT_APP_DISP_TAG",
    "Ch7 v20: Added FLT_ICM_DISP_TAG and FLT_APP_DISP_TAG for the MEDIA_LOGOUT_IND message",
  ),
  resized(
    20,
    "CONFIG_AGENT_EVENT",
    "LoginName",
    32,
    255,
    "Ch7 v20: For the CONFIG_AGENT_EVENT message, the length of the LoginName field is increased to 255 Bytes " +
      "(v23 Ch 5: for clients using a protocol version earlier than version 20, LoginName is truncated to 32 Bytes)",
  ),

  // ===== Protocol version 21 =====
  ...(["NumMRDs", "FltAgentMRDID", "FltAgentMRDState"] as const).map((f) =>
    fieldAdded(
      21,
      "CONFIG_AGENT_EVENT",
      "floating",
      f,
      "Ch7 v21: Added NumMRDs, FLTAgentMRDID, and FltAgentMRDState under CONFIG_AGENT_EVENT",
    ),
  ),
  ...(
    [
      [261, "NUM_MRDS_TAG", "NumMRDs"],
      [262, "FLT_AGENT_MRD_ID_TAG", "FltAgentMRDID"],
      [263, "FLT_AGENT_MRD_STATE_TAG", "FltAgentMRDState"],
    ] as const
  ).map(([tag, name, field]) =>
    tagAdded(
      21,
      tag,
      name,
      `Ch7 v21: Added NumMRDs, FLTAgentMRDID, and FltAgentMRDState under CONFIG_AGENT_EVENT (tag of ${field})`,
    ),
  ),

  // ===== Protocol version 22 =====
  fieldAdded(
    22,
    "AGENT_STATE_EVENT",
    "floating",
    "MaxBeyondTaskLimit",
    "Ch7 v22: Added MaxBeyondTaskLimit under AGENT_STATE_EVENT and QUERY_AGENT_STATE_CONF",
  ),
  fieldAdded(
    22,
    "QUERY_AGENT_STATE_CONF",
    "floating",
    "MaxBeyondTaskLimit",
    "Ch7 v22: Added MaxBeyondTaskLimit under AGENT_STATE_EVENT and QUERY_AGENT_STATE_CONF",
  ),
  tagAdded(
    22,
    266,
    "MAX_BEYOND_TASK_LIMIT_TAG",
    "Ch7 v22: Added MaxBeyondTaskLimit under AGENT_STATE_EVENT and QUERY_AGENT_STATE_CONF (its tag)",
  ),
  fieldAdded(
    22,
    "CONFIG_SKILL_GROUP_EVENT",
    "floating",
    "FltPrecisionQueueID",
    "Ch7 v22: Added FltPrecisionQueueID and FltPrecisionQueueName under CONFIG_SKILL_GROUP_EVENT",
  ),
  fieldAdded(
    22,
    "CONFIG_SKILL_GROUP_EVENT",
    "floating",
    "FltPrecisionQueueName",
    "Ch7 v22: Added FltPrecisionQueueID and FltPrecisionQueueName under CONFIG_SKILL_GROUP_EVENT",
  ),
  tagAdded(
    22,
    264,
    "FLT_PRECISION_QUEUE_ID_TAG",
    "Ch7 v22: Added FltPrecisionQueueID and FltPrecisionQueueName under CONFIG_SKILL_GROUP_EVENT (tag of FltPrecisionQueueID)",
  ),
  tagAdded(
    22,
    265,
    "FLT_PRECISION_QUEUE_NAME_TAG",
    "Ch7 v22: Added FltPrecisionQueueID and FltPrecisionQueueName under CONFIG_SKILL_GROUP_EVENT (tag of FltPrecisionQueueName)",
  ),
  fieldAdded(
    22,
    "CONFIG_AGENT_EVENT",
    "floating",
    "AgentDeskSettingsID",
    "Ch7 v22: Added AgentDeskSettingsID in CONFIG_AGENT_EVENT",
  ),
  tagAdded(22, 267, "AGENT_DESK_SETTINGS_ID_TAG", "Ch7 v22: Added AgentDeskSettingsID in CONFIG_AGENT_EVENT (its tag)"),
  messageAdded(
    22,
    "CONFIG_PERIPHERAL_EVENT",
    "Ch7 v22: Added CONFIG_AGENT_DESK_SETTINGS_EVENT and CONFIG_PERIPHERAL_EVENT",
  ),
  messageAdded(
    22,
    "CONFIG_AGENT_DESK_SETTINGS_EVENT",
    "Ch7 v22: Added CONFIG_AGENT_DESK_SETTINGS_EVENT and CONFIG_PERIPHERAL_EVENT",
  ),
  ...(["CONFIG_KEY_EVENT", "CONFIG_BEGIN_EVENT"] as const).flatMap((m) =>
    (["PeripheralConfigKey", "AgentDeskSettingsConfigKey"] as const).map((f) =>
      fieldAdded(
        22,
        m,
        "floating",
        f,
        "Ch7 v22: Added PeripheralConfigKey and AgentDeskSettingsConfigKey under CONFIG_KEY_EVENT and CONFIG_BEGIN_EVENT",
      ),
    ),
  ),
  tagAdded(
    22,
    269,
    "PERIPHERAL_CONFIG_KEY_TAG",
    "Ch7 v22: Added PeripheralConfigKey and AgentDeskSettingsConfigKey under CONFIG_KEY_EVENT and CONFIG_BEGIN_EVENT (tag of PeripheralConfigKey)",
  ),
  tagAdded(
    22,
    270,
    "AGENT_DESK_SETTINGS_CONFIG_KEY_TAG",
    "Ch7 v22: Added PeripheralConfigKey and AgentDeskSettingsConfigKey under CONFIG_KEY_EVENT and CONFIG_BEGIN_EVENT (tag of AgentDeskSettingsConfigKey)",
  ),
  tagAdded(
    22,
    271,
    "CONFIG_PERIPHERAL_ID_TAG",
    "Ch7 v22: Added CONFIG_AGENT_DESK_SETTINGS_EVENT and CONFIG_PERIPHERAL_EVENT (tag of CONFIG_PERIPHERAL_EVENT)",
  ),
  tagAdded(
    22,
    272,
    "DEFAULT_AGENT_DESK_SETTINGS_ID_TAG",
    "Ch7 v22: Added CONFIG_AGENT_DESK_SETTINGS_EVENT and CONFIG_PERIPHERAL_EVENT (tag of CONFIG_PERIPHERAL_EVENT)",
  ),
  ...V22_DESK_SETTINGS_TAGS.map(([tag, name]) =>
    tagAdded(
      22,
      tag,
      name,
      "Ch7 v22: Added CONFIG_AGENT_DESK_SETTINGS_EVENT and CONFIG_PERIPHERAL_EVENT (tag of CONFIG_AGENT_DESK_SETTINGS_EVENT)",
    ),
  ),
  tagAdded(
    22,
    268,
    "XFER_IN_WHILE_LOGGED_OUT_TAG",
    "Inferred: no Ch7 line; numbered between 267 and 269, both added in v22 (used by OFFER_APPLICATION_TASK_REQ, START_APPLICATION_TASK_REQ)",
  ),

  // ===== Protocol version 23 (Unified CCE 12.5(1)) =====
  ...V23_NETWORK_RECORDING_MESSAGES.map((m) =>
    messageAdded(
      23,
      m,
      m.startsWith("NETWORK_")
        ? "Ch7 v23: Added the following new messages: NETWORK_RECORDING_STARTED_EVENT, NETWORK_RECORDING_ENDED_EVENT, NETWORK_RECORDING_FAILED_EVENT, NETWORK_RECORDING_TARGET_INFO_EVENT"
        : "Ch7 v23: Added START_NETWORK_RECORDING_REQ and STOP_NETWORK_RECORDING_REQ to Client Control Service (with their _CONF)",
    ),
  ),
  ...(
    [
      ["AGENT_TASKS_EVENT", "FLT_TASK_ID_TAG for the AGENT_TASKS_EVENT message"],
      ["SNAPSHOT_TASK_EVENT", "CALL_VAR_1_TAG through CALL_VAR_10_TAG for the SNAPSHOT_TASK_EVENT message"],
      ["AGENT_TASKS_REQUEST_EVENT", "DESKTOP_CONNECTED_FLAG_TAG for the AGENT_TASKS_REQUEST_EVENT message"],
      ["AGENT_TASKS_END_EVENT", "TEXT_TAG for the AGENT_TASKS_END_EVENT message"],
      ["DESKTOP_CONNECTED_IND", "NUM_MRDS_TAG for the DESKTOP_CONNECTED_IND message"],
    ] as const
  ).map(([m, line]) =>
    messageAdded(23, m, `Inferred: numbered 262-266, between 261 (Ch7 v22) and 267 (Ch7 v23); Ch7 v23 adds ${line}`),
  ),
  tagAdded(
    23,
    288,
    "DESKTOP_CONNECTED_FLAG_TAG",
    "Ch7 v23: Added DESKTOP_CONNECTED_FLAG_TAG for the AGENT_TASKS_REQUEST_EVENT message",
  ),
  ...V23_NETWORK_RECORDING_TAGS.map(([tag, name, users]) =>
    tagAdded(
      23,
      tag,
      name,
      `Inferred: tag of ${users} (Ch7 v23 adds the network recording messages); the v23 tag table omits it, the v24 table lists it`,
    ),
  ),

  // ===== Protocol version 24 (Unified CCE 12.6(1)); documentation: spec.ts reads v24 from its guide =====
  ...(
    [
      "STANDBY_ACTIVE_EVENT_MSG",
      "ACTIVE_MAINTENANCE_REQ_MSG",
      "ACTIVE_MAINTENANCE_RESP_MSG",
      "ACTIVE_MAINTENANCE_EVENT_MSG",
      "STOPPING_REQUESTS_TO_THIS_SIDE_IND",
    ] as const
  ).map((m) =>
    messageAdded(
      24,
      m,
      "Ch7 v24: Added STANDBY_ACTIVE_EVENT_MSG, ACTIVE_MAINTENANCE_REQ_MSG, ACTIVE_MAINTENANCE_RESP_MSG, " +
        "ACTIVE_MAINTENANCE_EVENT_MSG, and STOPPING_REQUESTS_TO_THIS_SIDE_IND to Message Types (the v23 table already lists them)",
    ),
  ),
  ...(["CONFIG_AGENT_SERVICE_EVENT", "SET_AGENT_SERVICE_DATA_REQ", "SET_AGENT_SERVICE_DATA_CONF"] as const).map((m) =>
    messageAdded(
      24,
      m,
      "Ch7 v24: Added the following new messages: CONFIG_AGENT_SERVICE_EVENT, SET_AGENT_SERVICE_DATA_REQ, SET_AGENT_SERVICE_DATA_CONF",
    ),
  ),
  messageAdded(
    24,
    "CONFIG_TERMINAL_EVENT",
    "Inferred: no Ch7 line; first defined in the v24 guide (MessageType = 276, missing from the Ch 3 table)",
  ),
  fieldAdded(
    24,
    "OPEN_REQ",
    "floating",
    "UniqueInstanceID",
    "Ch7 v24: Updated OPEN_REQ and OPEN_CONF in Message Types (inferred: the active/standby UniqueInstanceID; the v23 guide already prints it)",
  ),
  fieldAdded(
    24,
    "OPEN_CONF",
    "fixed",
    "SessionType",
    "Ch7 v24: Updated OPEN_REQ and OPEN_CONF in Message Types (inferred: SessionType, Active or Standby; the v23 guide already prints it)",
  ),
  ...(["AGENT_PRE_CALL_EVENT", "SNAPSHOT_CALL_CONF"] as const).flatMap((m) =>
    (["ProtocolReferenceGUID", "CcaiConfigId", "NumOfEnabledServices", "FltEnabledServices"] as const).map((f) =>
      fieldAdded(
        24,
        m,
        "floating",
        f,
        "Ch7 v24: Modified the existing messages: AGENT_PRE_CALL_EVENT, SNAPSHOT_CALL_CONF (fields from the v23/v24 guide diff)",
      ),
    ),
  ),
  ...(["AGENT_STATE_EVENT", "SET_AGENT_STATE_REQ", "CONFIG_AGENT_EVENT"] as const).map((m) =>
    fieldAdded(
      24,
      m,
      "floating",
      "ActiveTerminal",
      "Guide diff v23/v24, no Ch7 line: ActiveTerminal (FLT_TERM_DEVICE_NAME) first printed in the v24 guide",
    ),
  ),
  ...(["AGENT_DESK_SETTINGS_CONF", "CONFIG_AGENT_DESK_SETTINGS_EVENT"] as const).flatMap((m) =>
    (["PlayZipTone", "ACDSharedLineUsage"] as const).map((f) =>
      fieldAdded(
        24,
        m,
        "floating",
        f,
        "Guide diff v23/v24, no Ch7 line: PlayZipTone and ACDSharedLineUsage first printed in the v24 guide",
      ),
    ),
  ),
  fieldAdded(
    24,
    "CONFIG_REQUEST_EVENT",
    "fixed",
    "ConfigMsgMask",
    "Guide diff v23/v24, no Ch7 line: the v24 guide prints a fixed ConfigMsgMask between ConfigInformation and PeripheralID",
  ),
  ...(
    [
      [302, "FLT_TERM_TYPE"],
      [303, "FLT_TERM_DEVICE_NAME"],
      [304, "FLT__TERM_TYPE_NAME"],
      [305, "FLT_NUM_INSTRUMENTS"],
      [306, "ACD_SHARED_LINE_USAGE"],
      [307, "PLAY_ZIP_TONE"],
    ] as const
  ).map(([tag, name]) =>
    tagAdded(
      24,
      tag,
      name,
      "Guide diff v23/v24, no Ch7 line: first in the v24 tag table (CONFIG_TERMINAL_EVENT and desk settings fields)",
    ),
  ),
  tagAdded(
    24,
    309,
    "FLT_ENABLED_SERVICES",
    "Ch7 v24: Added FLT_ENABLED_SERVICES for the messages CONFIG_AGENT_SERVICE_EVENT and SET_AGENT_SERVICE_DATA_REQ",
  ),
  tagAdded(
    24,
    310,
    "NUM_OF_ENABLED_SERVICES",
    "Ch7 v24: Added NUM_OF_ENABLED_SERVICES for the messages CONFIG_AGENT_SERVICE_EVENT and SET_AGENT_SERVICE_DATA_REQ",
  ),
  tagAdded(24, 311, "CCAI_CONFIG_ID", "Ch7 v24: Added CCAI_CONFIG_ID for the message AGENT_PRE_CALL_EVENT"),
  tagAdded(
    24,
    312,
    "NUM_POSITIVE_ANSWERS_SUGGESTIONS",
    "Ch7 v24: Added NUM_POSITIVE_ANSWERS_SUGGESTIONS for the message SET_AGENT_SERVICE_DATA_REQ",
  ),
  tagAdded(
    24,
    313,
    "NUM_NEGATIVE_ANSWERS_SUGGESTIONS",
    "Ch7 v24: Added NUM_NEGATIVE_ANSWERS_SUGGESTIONS for the message SET_AGENT_SERVICE_DATA_REQ",
  ),

  // ===== Protocol version 25 (Unified CCE 15.0(1)); documentation: spec.ts reads v25 from its guide =====
  {
    version: 25,
    kind: "tagRenamed",
    tag: 312,
    from: "NUM_POSITIVE_ANSWERS_SUGGESTIONS",
    to: "MEDIA_TYPE_TAG",
    note: "Ch7 v25: The previous Floating Field Tag values for Tag values 312 and 313 have now been updated to MEDIA_TYPE_TAG and MEDIA_PROVIDER_TAG, respectively for the message MEDIA_LOGIN_REQ",
  },
  {
    version: 25,
    kind: "tagRenamed",
    tag: 313,
    from: "NUM_NEGATIVE_ANSWERS_SUGGESTIONS",
    to: "MEDIA_PROVIDER_TAG",
    note: "Ch7 v25: The previous Floating Field Tag values for Tag values 312 and 313 have now been updated to MEDIA_TYPE_TAG and MEDIA_PROVIDER_TAG, respectively for the message MEDIA_LOGIN_REQ",
  },
  floatingRemoved(
    25,
    "CLEAR_CONNECTION_REQ",
    CTIOS_CIL_CLIENT_ID,
    "AgentInstrument",
    `${V25_CTIOS} (floating in the v24 guide)`,
  ),
  floatingRemoved(
    25,
    "SEND_DTMF_SIGNAL_REQ",
    CTIOS_CIL_CLIENT_ID,
    "AgentInstrument",
    `${V25_CTIOS} (floating in the v24 guide)`,
  ),
  floatingRemoved(
    25,
    "USER_MESSAGE_REQ",
    CTIOS_CIL_CLIENT_ID,
    "Text",
    "Guide diff v24/v25, no Ch7 line: the v25 USER_MESSAGE_REQ no longer prints CTIOSCILClientID (last in v24)",
  ),
]);
