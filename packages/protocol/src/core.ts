/**
 * @ctiwire/protocol/core: the schema's API without any guide edition's tables (entry points that
 * register them: index.ts for every version, v17.ts ... v25.ts for one).
 *
 * @ctiwire/protocol: the Cisco CTI Server protocol (GED-188) as data, for protocol versions 17-25.
 *
 * Every codec table of ctiwire is derived from what this package exports. The data under
 * src/generated is written by tools/extract from Cisco's guides; history.ts holds Chapter 7's
 * version changes; constants.ts gives the Chapter 6 tables both ways.
 */
export { alternateSpec } from "./alternates.js";
export * from "./constants.js";
export { DATA_TYPES, dataTypeSize, NAMED_DATA } from "./data-types.js";
export { editionOf, registerEdition } from "./editions.js";
export { CONSTANT_TABLES } from "./generated/constants.js";
export { RESERVED_MESSAGE_TYPE_RANGES } from "./generated/message-types.js";
export { HISTORY } from "./history.js";
export { messageTypes, messageTypesAt } from "./message-types.js";
export {
  maxFloatingFieldLength,
  messageSpec,
  messageSpecs,
  messageTypeName,
  messageTypeNumber,
  tagSpec,
  tagSpecs,
} from "./spec.js";
export * from "./types.js";
export * from "./versions.js";
