#!/usr/bin/env node
// CI's security scan: Electronegativity over src/ (the TypeScript, where `new BrowserWindow({...})`
// is visible; in the bundle it becomes `electron.BrowserWindow` and most checks stop matching).
// Fails on any HIGH or MEDIUM finding that security/electronegativity-accepted.json does not
// explain, and on any explanation that no longer matches a finding (so the list stays true).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const acceptedFile = join(root, 'security', 'electronegativity-accepted.json');
const accepted = JSON.parse(readFileSync(acceptedFile, 'utf8')).accepted;
// The tool cannot find the version from src/ and would assume Electron 0.1 (nodeIntegration on
// by default, and so on): tell it the one we ship.
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

const FAILING = new Set(['HIGH', 'MEDIUM']);

// The tool prints network failures (translations, Electron's release list) on console.log; we
// run offline by design, so keep them out of CI's output.
const log = console.log;
console.log = () => {};
let result;
try {
  result = await run(
    {
      input: join(root, 'src'),
      isRelative: true,
      electronVersionOverride: electronVersion,
      // Needs the network and judges Electron's version, which Dependabot-style updates own.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    },
    false,
  );
} finally {
  console.log = log;
}

const findings = result.issues.map((issue) => ({
  id: issue.id,
  file: issue.file.split('\\').join('/'),
  line: issue.location.line,
  severity: issue.severity.name,
  sample: String(issue.sample ?? '')
    .trim()
    .slice(0, 120),
}));

const explains = (a, f) => a.id === f.id && a.file === f.file;
const unexplained = findings.filter(
  (f) => FAILING.has(f.severity) && !accepted.some((a) => explains(a, f)),
);
const stale = accepted.filter((a) => !findings.some((f) => explains(a, f)));
const badReason = accepted.filter((a) => typeof a.reason !== 'string' || a.reason.length < 20);

for (const f of findings) {
  const a = accepted.find((x) => explains(x, f));
  const mark = a ? 'accepted' : FAILING.has(f.severity) ? 'FAIL' : 'info';
  console.log(`${mark.padEnd(8)} ${f.severity.padEnd(6)} ${f.id} ${f.file}:${f.line}  ${f.sample}`);
  if (a) console.log(`         why: ${a.reason}`);
}
for (const e of result.errors) console.log(`parse    ${e.file}: ${e.message}`);
for (const a of stale)
  console.log(`STALE    ${a.id} ${a.file}: no such finding any more; remove it`);
for (const a of badReason) console.log(`NO WHY   ${a.id} ${a.file}: give a reason`);

const parseFailures = result.errors.filter((e) => !e.tolerable);
const failed = unexplained.length + stale.length + badReason.length + parseFailures.length > 0;
console.log(
  `Electronegativity ${electronVersion ? `(Electron ${electronVersion}) ` : ''}over src/: ` +
    `${result.globalChecks + result.atomicChecks} checks, ${findings.length} findings, ` +
    `${unexplained.length} unexplained high/medium` +
    (failed ? ' — FAILED' : ' — ok'),
);
process.exit(failed ? 1 : 0);
