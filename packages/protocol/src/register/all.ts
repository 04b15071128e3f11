// Registers every guide edition: protocol versions 17 to 25.
import "./edition-v23.js";
import "./edition-v24.js";
import "./edition-v25.js";
