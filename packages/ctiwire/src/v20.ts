/** ctiwire with the tables of protocol version 20 only (the same API as "ctiwire"). */
import "@ctiwire/protocol/v20";

export * from "./api.js";
