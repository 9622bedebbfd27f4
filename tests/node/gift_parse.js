#!/usr/bin/env node
// Parse a GIFT file with gift-pegjs (installed here by `npm ci`) and write the syntax tree
// as JSON to OUT. Writing to a file, not stdout: a large tree on a pipe can be cut short
// when node exits. Usage: node gift_parse.js FILE.gift OUT.json
"use strict";
const fs = require("fs");
const gift = require("gift-pegjs");

const [file, out] = process.argv.slice(2);
let result;
try {
  result = { ok: true, questions: gift.parse(fs.readFileSync(file, "utf8")) };
} catch (e) {
  const loc = e.location ? e.location.start : {};
  result = { ok: false, error: String(e.message), line: loc.line, column: loc.column };
}
fs.writeFileSync(out, JSON.stringify(result));
