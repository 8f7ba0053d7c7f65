#!/usr/bin/env node
// Regenerates the rules table of README.md from the rule files. Run after `npm run build`:
//   node scripts/rules-table.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BUNDLED_RULES_DIR, loadRules } from '../dist/engine/index.js';
import { withRulesTable } from '../dist/engine/rules-table.js';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = await readFile(readmePath, 'utf8');
const updated = withRulesTable(readme, await loadRules([BUNDLED_RULES_DIR]));
if (updated === readme) {
  process.stdout.write('README.md: rules table is up to date\n');
} else {
  await writeFile(readmePath, updated);
  process.stdout.write('README.md: rules table updated\n');
}
