/** ctiwire with the tables of protocol version 17 only (the same API as "ctiwire"). */
import "@ctiwire/protocol/v17";

export * from "./api.js";
