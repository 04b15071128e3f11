/** ctiwire with the tables of protocol version 23 only (the same API as "ctiwire"). */
import "@ctiwire/protocol/v23";

export * from "./api.js";
