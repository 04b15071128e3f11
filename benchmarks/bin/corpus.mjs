#!/usr/bin/env node
// Writes the corpora of a mode under benchmarks/corpus/: node bin/corpus.mjs [--quick]
import { ensureCorpora } from "../src/corpus-files.mjs";

const mode = process.argv.includes("--quick") ? "quick" : "full";
for (const c of ensureCorpora(mode, console.log)) console.log(`${c.file}: ${c.bytes} bytes, ${c.frames} frames`);
