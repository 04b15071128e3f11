/**
 * @ctiwire/capture: packet captures of CTI Server (GED-188) sessions. A streaming pcap/pcapng reader
 * (reader.ts), the TCP segment of a packet (packet.ts), TCP reassembly per direction with gaps
 * reported (tcp.ts), and writers of synthetic captures (writer.ts). Pure TypeScript on Uint8Array.
 */
export { CaptureError } from "./errors.js";
export { LINKTYPE, type TcpSegment, tcpSegment } from "./packet.js";
export { CaptureReader, type Packet, type ReaderOptions } from "./reader.js";
export { type ReassemblyOptions, type StreamPiece, TcpReassembler } from "./tcp.js";
export { ethernetTcp, type OutPacket, PcapngWriter, pcapFile, pcapngFile, type TcpPacketFields } from "./writer.js";
