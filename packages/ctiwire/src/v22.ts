/** ctiwire with the tables of protocol version 22 only (the same API as "ctiwire"). */
import "@ctiwire/protocol/v22";

export * from "./api.js";
