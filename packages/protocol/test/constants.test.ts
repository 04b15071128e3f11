import { describe, expect, it } from "vitest";
import {
  AgentServiceMask,
  AgentState,
  AgentStateMask,
  AgentWorkMode,
  AnsweringMachine,
  CallEventMask,
  CallType,
  ClassOfDevice,
  CONSTANT_TABLES,
  ControlFailureCode,
  CTIServiceMask,
  constantEntry,
  constantName,
  constantTable,
  constantValue,
  DeviceIDType,
  DispositionCode,
  EventCause,
  LineType,
  LocalConnectionState,
  maskNames,
  maskUnknownBits,
  maskValue,
  PeripheralType,
  PGStatusCode,
  SpecialValues,
  StatusCode,
  SupervisoryAction,
  SystemEventID,
  TaskState,
  TypeOfDevice,
  tableOf,
} from "../src/constants.js";

// Entries per table as the guides print them (v25, plus the entries only older guides list).
// Placeholder rows ("{reserved}" 27 in PeripheralType, "Unused" 0x00004000 in the CTI service
// masks) are not constants and are not counted.
const COUNTS: Record<string, number> = {
  StatusCode: 103,
  SystemEventID: 11,
  SpecialValues: 11,
  AgentState: 15,
  PGStatusCode: 5,
  PeripheralType: 27, // 24 in v25 + PT_ASPECT, PT_SYMPOSIUM, PT_SIMPLIFIED_IPCC (v24)
  LocalConnectionState: 8,
  EventCause: 120, // 63 CEC_* + 57 CECX_*
  DeviceIDType: 12,
  CallType: 42,
  ConnectionDeviceIDType: 3,
  LineType: 12,
  ControlFailureCode: 111, // 57 + 54
  AllocationState: 2,
  ForwardType: 7,
  TypeOfDevice: 15,
  ClassOfDevice: 4,
  CallPlacementType: 7,
  CallMannerType: 5,
  CallOption: 7,
  ConsultType: 3,
  FacilityType: 3,
  AnsweringMachine: 6,
  AnswerDetectMode: 6,
  AgentWorkMode: 5,
  DestinationCountry: 2,
  CTIServiceMask: 21, // 19 in Ch. 6 + CTI_SERVICE_ACTIVE_STANDBY (Ch. 4) + CONFIG_MSG_AGENT_SERVICE_MASK (v23)
  DispositionCode: 64, // 1..65 without 56
  AgentServiceRequestMask: 1,
  SilentMonitorStatus: 3,
  AgentInternalState: 9,
  TaskState: 8,
  CallEventMask: 32,
  AgentStateMask: 14,
  SupervisoryAction: 5,
  MessageDistribution: 4,
  CallVariableMask: 10,
  DeskSettingsMask: 14,
  TransferConferenceSetupMask: 8,
  CallControlMask: 19,
  OtherFeatureMask: 2,
  ConfigKeyStatus: 4,
  ConfigEndStatus: 6,
};

describe("generated constant tables", () => {
  it("has every table with the entry count of the guide", () => {
    const got = Object.fromEntries(CONSTANT_TABLES.map((t) => [t.name, t.entries.length]));
    expect(got).toEqual(COUNTS);
  });

  it("names every source and uses symbolic names", () => {
    for (const t of CONSTANT_TABLES) {
      expect(t.source).toMatch(/^0[456]-[a-z-]+\.md: /);
      for (const e of t.entries) {
        expect(e.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(Number.isInteger(e.value) && e.value >= 0 && e.value <= 0xffffffff).toBe(true);
      }
    }
  });

  it("marks the mask tables", () => {
    const masks = CONSTANT_TABLES.filter((t) => t.mask).map((t) => t.name);
    expect(masks).toEqual([
      "PGStatusCode",
      "ClassOfDevice",
      "CTIServiceMask",
      "AgentServiceRequestMask",
      "CallEventMask",
      "AgentStateMask",
      "CallVariableMask",
      "DeskSettingsMask",
      "TransferConferenceSetupMask",
      "CallControlMask",
      "OtherFeatureMask",
    ]);
  });

  it("keeps the entries the v25 guide dropped, with until", () => {
    const old = CONSTANT_TABLES.flatMap((t) =>
      t.entries.filter((e) => e.until !== undefined).map((e) => `${t.name}.${e.name}=${e.value}@${e.until}`),
    );
    expect(old).toEqual([
      "PeripheralType.PT_ASPECT=1@24",
      "PeripheralType.PT_SYMPOSIUM=16@24",
      "PeripheralType.PT_SIMPLIFIED_IPCC=23@24",
    ]);
  });
});

describe("spot values checked against the guide", () => {
  it("Failure Indication Message Status Codes", () => {
    expect(StatusCode.E_CTI_NO_ERROR).toBe(0);
    expect(StatusCode.E_CTI_INVALID_VERSION).toBe(1); // printed "E_CTI_INVALID_ VERSION"
    expect(StatusCode.E_CTI_INVALID_MESSAGE_LENGTH).toBe(2);
    expect(StatusCode.E_CTI_DUPLICATE_UNIQUE_INSTANCE_ID).toBe(109);
    expect(StatusCode.E_CTI_SERVER_IN_MAINTENANCE_MODE).toBe(110);
  });

  it("SystemEventID Values", () => {
    expect(SystemEventID.SYS_CENTRAL_CONTROLLER_ONLINE).toBe(1);
    expect(SystemEventID.SYS_HALF_HOUR_CHANGE).toBe(9);
    expect(SystemEventID.SYS_INSTRUMENT_BACK_IN_SERVICE).toBe(11);
  });

  it("Special Values", () => {
    expect(SpecialValues.NULL_CALL_ID).toBe(0xffffffff); // printed "NULL_ CALL_ID"
    expect(SpecialValues.NULL_CALL_ID).toBe(4294967295);
    expect(SpecialValues.NULL_CALLTYPE).toBe(0xffff);
    expect(SpecialValues.MAX_NUM_SKILL_GROUPS).toBe(20);
    expect(SpecialValues.MAX_NUM_LINES).toBe(10);
    expect(SpecialValues.MAX_NUM_CTI_CLIENTS).toBe(16);
  });

  it("AgentState Values", () => {
    expect(AgentState.AGENT_STATE_LOGIN).toBe(0);
    expect(AgentState.AGENT_STATE_NOT_READY).toBe(2); // printed "AGENT_STATE_ NOT_ READY"
    expect(AgentState.AGENT_STATE_TALKING).toBe(4);
    expect(AgentState.AGENT_STATE_NOT_ACTIVE).toBe(14);
  });

  it("PGStatusCode Values", () => {
    expect(PGStatusCode.PGS_OPC_DOWN).toBe(0x00000001);
    expect(PGStatusCode.PGS_LIMITED_FUNCTION).toBe(0x00000010);
  });

  it("PeripheralType Values", () => {
    expect(PeripheralType.PT_NONE).toBe(0xffff);
    expect(PeripheralType.PT_ENTERPRISE_AGENT).toBe(17);
    expect(PeripheralType.PT_ACMI_EXPERT_ADVISOR).toBe(26);
    expect(PeripheralType.PT_ASPECT).toBe(1); // v24 guide only
    expect(PeripheralType[16]).toBe("PT_SYMPOSIUM"); // v24 guide only
    expect(PeripheralType[27]).toBeUndefined(); // "{reserved}"
  });

  it("LocalConnectionState Values", () => {
    expect(LocalConnectionState.LCS_NONE).toBe(0xffff);
    expect(LocalConnectionState.LCS_ALERTING).toBe(2);
    expect(LocalConnectionState.LCS_FAIL).toBe(6);
  });

  it("EventCause Values", () => {
    expect(EventCause.CEC_NONE).toBe(0xffff);
    expect(EventCause.CEC_ROUTER_REQUERY_BEFORE_ANSWER).toBe(54); // printed "CEC_ ROUTER_..."
    expect(EventCause.CEC_MAX_QUEUE_EXCEEDED).toBe(62);
    expect(EventCause.CECX_ABAND_NETWORK).toBe(1001);
    expect(EventCause.CECX_NETWORK_CONFERENCE).toBe(1056);
    expect(EventCause.CECX_ABAND_NETWORK_CONSULT).toBe(1057);
    // Printed as 1056 in all three guides; corrected (sequence, and Disposition Code 46).
    expect(EventCause.CECX_APPL_INVALID_DIALOGUE_ID).toBe(1046);
    expect(EventCause[1056]).toBe("CECX_NETWORK_CONFERENCE");
  });

  it("DeviceIDType Values", () => {
    expect(DeviceIDType.DEVID_NONE).toBe(0xffff);
    expect(DeviceIDType.DEVID_DEVICE_IDENTIFIER).toBe(0);
    expect(DeviceIDType.DEVID_TRUNK_IDENTIFIER).toBe(70);
    expect(DeviceIDType.DEVID_SHARED_DEVICE_IDENTIFIER).toBe(79);
  });

  it("CallType Values", () => {
    expect(CallType.CALLTYPE_ACD_IN).toBe(1);
    expect(CallType.CALLTYPE_PREROUTE_ACD_IN).toBe(2); // printed "CALLTYPE _PREROUTE_ ACD_IN" over two lines
    expect(CallType.CALLTYPE_CONSULT_OFFERRED).toBe(13); // the guide's spelling
    expect(CallType.CUSTOMER_IVR).toBe(37);
    expect(CallType.CALLTYPE_VOICE_CALL_BACK).toBe(41);
    // CALLTYPE_NON_ACD is printed twice, as 27 and as 38; 27 is also RESERVATION_PREVIEW. Last wins.
    expect(CallType.CALLTYPE_NON_ACD).toBe(38);
    expect(CallType[27]).toBe("RESERVATION_PREVIEW");
    expect(CallType[38]).toBe("CALLTYPE_NON_ACD");
  });

  it("LineType Values", () => {
    expect(LineType.LINETYPE_INBOUND_ACD).toBe(0);
    expect(LineType.LINETYPE_SILENT_MONITOR).toBe(9);
    expect(LineType.LINETYPE_NON_ACD_OUT).toBe(11);
  });

  it("ControlFailureCode Values", () => {
    expect(ControlFailureCode.CF_GENERIC_UNSPECIFIED).toBe(0);
    expect(ControlFailureCode.CF_REQUESTS_ON_DEVICE_EXCEEDED_REJECTION).toBe(79);
    expect(ControlFailureCode.CF_INVALID_AGENT_ID_SPECIFIED).toBe(256);
    expect(ControlFailureCode.CF_EXTENSION_NOT_UNIQUE).toBe(293);
    expect(ControlFailureCode.CF_AGENT_GREETING_CONTROL_OPERATION_FAILURE).toBe(1016);
  });

  it("TypeOfDevice and ClassOfDevice Values", () => {
    expect(TypeOfDevice.DEVT_CTI_PORT_SIP).toBe(23);
    expect(TypeOfDevice.DEVT_OTHER).toBe(255);
    // Printed "10x", "20x", "40x", "80x".
    expect(ClassOfDevice.DEVC_OTHER).toBe(0x10);
    expect(ClassOfDevice.DEVC_VOICE).toBe(0x80);
  });

  it("AgentWorkMode, AnsweringMachine and SupervisoryAction Values", () => {
    expect(AgentWorkMode.RA_NAILED_CONNECTION).toBe(4);
    expect(AnsweringMachine.AM_CONNECT_NO_MODEM).toBe(5);
    expect(SupervisoryAction.SUPERVISOR_BARGE_IN).toBe(3);
    expect(SupervisoryAction.SUPERVISOR_INTERCEPT).toBe(4);
  });

  it("CTI Service Masks", () => {
    expect(CTIServiceMask.CTI_SERVICE_DEBUG).toBe(0x80000000);
    expect(CTIServiceMask.CTI_SERVICE_DEBUG).toBe(2147483648);
    expect(CTIServiceMask.CTI_SERVICE_CLIENT_EVENTS).toBe(0x00000001);
    expect(CTIServiceMask.CTI_SERVICE_ACD_LINE_ONLY).toBe(0x00400000);
    expect(CTIServiceMask.CTI_SERVICE_ACTIVE_STANDBY).toBe(0x02000000); // Chapter 4 table
    expect(CTIServiceMask[0x00004000]).toBeUndefined(); // "Unused"
  });

  it("Unsolicited Call Event Message Masks and Agent State Masks", () => {
    expect(CallEventMask.CALL_DELIVERED_MASK).toBe(0x00000001);
    expect(CallEventMask.CALL_AGENT_GREETING_MASK).toBe(0x08000000);
    expect(CallEventMask.NETWORK_RECORDING_TARGET_INFO_MASK).toBe(0x80000000);
    expect(AgentStateMask.AGENT_LOGIN_MASK).toBe(0x00000001);
    expect(AgentStateMask.AGENT_NOT_ACTIVE_MASK).toBe(0x00002000);
  });

  it("Disposition Code Values", () => {
    expect(DispositionCode.ABANDONED_IN_NETWORK).toBe(1);
    expect(DispositionCode.DISCONNECT_DROP_NO_ANSWER).toBe(10);
    expect(DispositionCode.CANT_OBTAIN_TASK_ID).toBe(39);
    expect(DispositionCode.TASK_TRANSFERRED_ON_AGENT_LOGOUT).toBe(65);
    expect(DispositionCode[56]).toBeUndefined(); // not in the guide
    expect(constantEntry(DispositionCode, 26)?.meaning).toBe("U-Abort");
  });

  it("TaskState Values", () => {
    expect(TaskState.TASK_STATE_PRE_CALL).toBe(0);
    expect(TaskState.TASK_STATE_INTERRUPTED).toBe(5); // printed "ASK_STATE_INTERRUPTED"
    expect(TaskState.TASK_STATE_LOGGED_OUT).toBe(7);
  });
});

describe("both-way lookup", () => {
  it("maps names to values and values to names", () => {
    expect(AgentState.AGENT_STATE_LOGIN).toBe(0);
    expect(AgentState[0]).toBe("AGENT_STATE_LOGIN");
    expect(AgentState[AgentState.AGENT_STATE_AVAILABLE]).toBe("AGENT_STATE_AVAILABLE");
    expect(SpecialValues[0xffffffff]).toBe("NULL_SKILL_GROUP"); // four names share it: the last wins
    expect(AgentState[999]).toBeUndefined();
  });

  it("round-trips every current entry of every table", () => {
    for (const t of CONSTANT_TABLES) {
      for (const e of t.entries) {
        const v = constantValue(t, e.name);
        expect(v).toBeDefined();
        expect(constantName(t, v as number)).toBeDefined();
      }
    }
  });

  it("has helpers that accept an enum object, a table, or a name", () => {
    expect(constantName(AgentState, 3)).toBe("AGENT_STATE_AVAILABLE");
    expect(constantName("AgentState", 3)).toBe("AGENT_STATE_AVAILABLE");
    expect(constantName(tableOf(AgentState), 3)).toBe("AGENT_STATE_AVAILABLE");
    expect(constantName(AgentState, 100)).toBeUndefined();
    expect(constantValue(EventCause, "CEC_TRANSFER")).toBe(32);
    expect(constantEntry(StatusCode, 0)?.meaning).toBe("No error occurred.");
    expect(constantTable("AgentState")?.entries.length).toBe(15);
    expect(constantTable("NoSuchTable")).toBeUndefined();
    expect(() => constantName("NoSuchTable" as "AgentState", 0)).toThrow(TypeError);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(AgentState)).toBe(true);
    expect(() => {
      (AgentState as unknown as Record<string, number>).AGENT_STATE_LOGIN = 5;
    }).toThrow(TypeError);
    expect(AgentState.AGENT_STATE_LOGIN).toBe(0);
  });

  it("is safe from prototype lookups", () => {
    const a = AgentState as unknown as Record<string, unknown>;
    for (const k of ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "__defineGetter__"]) {
      expect(a[k]).toBeUndefined();
    }
    expect(Object.getPrototypeOf(AgentState)).toBeNull();
    expect(constantValue(AgentState, "toString")).toBeUndefined();
    expect(constantValue(AgentState, "__proto__")).toBeUndefined();
    expect(() => maskValue(CTIServiceMask, ["constructor"])).toThrow(RangeError);
  });
});

describe("mask helpers", () => {
  it("lists the flags set in a value", () => {
    const v = 0x80000000 | 0x00000001 | 0x00000010;
    expect(maskNames(CTIServiceMask, v)).toEqual([
      "CTI_SERVICE_DEBUG",
      "CTI_SERVICE_CLIENT_EVENTS",
      "CTI_SERVICE_ALL_EVENTS",
    ]);
    expect(maskNames(CTIServiceMask, 0)).toEqual([]);
    expect(maskNames(PGStatusCode, 0x00000003)).toEqual(["PGS_OPC_DOWN", "PGS_CC_DOWN"]);
    expect(maskNames(CallEventMask, 0xffffffff)).toHaveLength(32);
  });

  it("builds a value from flag names, unsigned", () => {
    expect(maskValue(CTIServiceMask, ["CTI_SERVICE_DEBUG", "CTI_SERVICE_CLIENT_EVENTS"])).toBe(0x80000001);
    expect(maskValue(CTIServiceMask, [])).toBe(0);
    expect(maskValue(AgentServiceMask, ["OUTBOUND_SUPPORT"])).toBe(1);
    expect(maskValue(AgentStateMask, ["AGENT_LOGIN_MASK", "AGENT_LOGOUT_MASK", "AGENT_LOGIN_MASK"])).toBe(3);
    expect(() => maskValue(CTIServiceMask, ["NO_SUCH_FLAG"])).toThrow(RangeError);
  });

  it("round-trips", () => {
    const names = ["CALL_DELIVERED_MASK", "CALL_CLEARED_MASK", "NETWORK_RECORDING_TARGET_INFO_MASK"];
    const v = maskValue(CallEventMask, names);
    expect(v).toBe(0x80000021);
    expect(maskNames(CallEventMask, v)).toEqual(names);
  });

  it("reports bits no flag names", () => {
    expect(maskUnknownBits(CTIServiceMask, 0x00004001)).toBe(0x00004000);
    expect(maskUnknownBits(CTIServiceMask, 0x80000000)).toBe(0);
  });

  it("refuses tables that are not masks", () => {
    expect(() => maskNames(AgentState, 1)).toThrow(TypeError);
    expect(() => maskValue(AgentState, [])).toThrow(TypeError);
  });
});
