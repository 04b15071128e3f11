export { type Io, main, parseDuration, USAGE } from "./cli.js";
export { dumpFrames, parseHexText } from "./dump.js";
export { formatEvent } from "./format.js";
export { TailStats } from "./stats.js";
export { type TailOptions, type TailResult, tail } from "./tail.js";
