/** ctiwire with the tables of protocol version 24 only (the same API as "ctiwire"). */
import "@ctiwire/protocol/v24";

export * from "./api.js";
