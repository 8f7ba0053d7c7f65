#!/usr/bin/env node
// Regenerates the tables written from the rule files: the rules table of README.md and the CIS table of
// rules/README.md. Run after `npm run build`:
//   node scripts/rules-table.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BUNDLED_RULES_DIR, loadRules } from '../dist/engine/index.js';
import { withCisTable, withRulesTable } from '../dist/engine/rules-table.js';
import { cisCatalogue } from '../dist/findings/compliance.js';

const rules = await loadRules([BUNDLED_RULES_DIR]);
for (const [file, update] of [
  ['../README.md', (text) => withRulesTable(text, rules)],
  ['../rules/README.md', (text) => withCisTable(text, rules, cisCatalogue())],
]) {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const text = await readFile(path, 'utf8');
  const updated = update(text);
  if (updated !== text) await writeFile(path, updated);
  process.stdout.write(`${file.slice(3)}: ${updated === text ? 'up to date' : 'updated'}\n`);
}
