// Registers the v23 guide edition's tables (a module with a side effect: see package.json "sideEffects").
import { registerEdition } from "../editions.js";
import { LAYOUTS_V23 } from "../generated/layouts-v23.js";
import { TAGS_V23 } from "../generated/tags-v23.js";
import { HISTORY } from "../history.js";

// Versions 17 to 22 are the v23 edition with Chapter 7's later changes undone.
registerEdition(23, { layouts: LAYOUTS_V23, tags: TAGS_V23, history: HISTORY });
