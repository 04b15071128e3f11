export { commandHelp, type Io, main, parseDuration, toolVersion, USAGE, Writer } from "./cli.js";
export { type DumpProblems, dumpFrames, FrameDumper, HexTextDecoder, looksLikeHexText, parseHexText } from "./dump.js";
export { formatEvent } from "./format.js";
export { TailStats } from "./stats.js";
export { type TailOptions, type TailResult, tail } from "./tail.js";
