// One direction of dependency (docs: the developers' guide, issue 11 "No arrow back up"): every import in src/
// goes from a layer to one it may use, the table of those is itself free of circles, and no module imports itself
// back through others when it loads. Imports are read with TypeScript's own pre-processor (static, type-only, re-exports and
// `await import()` alike), so a lazy import cannot hide an upward arrow.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', 'src');

/** Modules at the root of src/ that any layer may use; they use only each other. */
const BASE = ['errors', 'paths', 'version', 'names', 'json-line', 'yaml-source'] as const;

/** Folders that are one layer: issue 11 merges the collectors and the inventory records into src/services/<service>/. */
const SAME_LAYER: Readonly<Record<string, string>> = { collectors: 'services', inventory: 'services' };

/**
 * Layer -> the layers it may import (besides itself and BASE). Top to bottom: cli -> scan -> services -> cloud;
 * scan -> engine -> rules (data, not code); outputs and store read findings. Nothing imports cli or bench. The
 * engine may read the services' records and evaluators; the services know neither the engine nor the scan.
 */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  cli: ['scan', 'serve', 'config', 'engine', 'findings', 'outputs', 'store', 'services', 'cloud', 'log'],
  bench: ['scan', 'emulator', 'engine', 'findings', 'outputs', 'services', 'cloud', 'log'],
  scan: ['config', 'emulator', 'engine', 'findings', 'outputs', 'store', 'services', 'cloud', 'log'],
  // the config validates what the layers below it parse (formats, sinks, addresses, store locations, timeouts)
  config: ['serve', 'outputs', 'store', 'findings', 'services', 'cloud', 'log'],
  serve: ['findings'],
  engine: ['findings', 'services'],
  outputs: ['findings', 'services'],
  store: ['findings', 'services'],
  findings: ['services'],
  emulator: ['services'],
  services: ['cloud'],
  log: ['cloud'],
  cloud: [],
};

function layerOf(file: string): string {
  const path = relative(SRC, file);
  const top = path.includes('/') ? (path.split('/')[0] as string) : path.replace(/\.ts$/, '');
  return SAME_LAYER[top] ?? top;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const resolveIn = (file: string, names: readonly string[]): string[] =>
  names.filter((name) => name.startsWith('.')).map((name) => resolve(dirname(file), name).replace(/\.js$/, '.ts'));

/** file -> the files of src/ it imports */
function importGraph(): Map<string, string[]> {
  return new Map(
    sourceFiles(SRC).map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      return [file, resolveIn(file, importedFiles.map((entry) => entry.fileName))];
    }),
  );
}

/**
 * The module an import or re-export loads when this one loads: not `import type`/`export type`, nor `import()`.
 * Under verbatimModuleSyntax `import { type A }` is kept as `import {}`, which still loads its module.
 */
function loadsAtStart(statement: ts.Statement): string | undefined {
  const declaration = ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) ? statement : undefined;
  const specifier = declaration?.moduleSpecifier;
  if (!declaration || !specifier || !ts.isStringLiteral(specifier)) return undefined;
  const typeOnly = ts.isImportDeclaration(declaration) ? declaration.importClause?.isTypeOnly === true : declaration.isTypeOnly;
  return typeOnly ? undefined : specifier.text;
}

/** file -> the files of src/ that load when it loads: the graph in which a circle is an initialisation-order bug. */
function loadGraph(): Map<string, string[]> {
  return new Map(
    sourceFiles(SRC).map((file) => {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
      return [file, resolveIn(file, source.statements.flatMap((statement) => loadsAtStart(statement) ?? []))];
    }),
  );
}

type Edge = { from: string; to: string };

/** The arrows the table does not allow, as `from -> to` lines of src/-relative paths. */
function upwardImports(edges: readonly Edge[]): string[] {
  const base = new Set<string>(BASE);
  return edges.flatMap(({ from, to }) => {
    const [a, b] = [layerOf(from), layerOf(to)];
    if (a === b) return [];
    const allowed = base.has(a) ? base.has(b) : base.has(b) || (MAY_IMPORT[a] ?? []).includes(b);
    return allowed ? [] : [`${relative(SRC, from)} -> ${relative(SRC, to)}`];
  });
}

/** The strongly connected components of more than one node (Tarjan). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the direction of dependencies in src/', () => {
  const graph = importGraph();
  const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));

  it('knows every layer', () => {
    const known = new Set([...BASE, ...Object.keys(MAY_IMPORT)]);
    const unknown = [...new Set([...graph.keys()].map(layerOf))].filter((layer) => !known.has(layer));
    expect(unknown, 'a new folder or root module of src/ needs its line in MAY_IMPORT').toEqual([]);
  });

  it('has a table without circles, in which nothing imports cli or bench', () => {
    const table = new Map(Object.entries(MAY_IMPORT));
    expect(circles(table)).toEqual([]);
    expect([...table].filter(([, targets]) => targets.includes('cli') || targets.includes('bench'))).toEqual([]);
  });

  it('has no upward import', () => {
    expect(upwardImports(edges)).toEqual([]);
  });

  it('flags an upward import', () => {
    const at = (path: string) => join(SRC, path);
    expect(
      upwardImports([
        { from: at('findings/report.ts'), to: at('engine/rule-schema.ts') },
        { from: at('store/record.ts'), to: at('outputs/sinks/spool.ts') },
        { from: at('scan/job.ts'), to: at('cli/progress.ts') },
        { from: at('services/ecs/collector.ts'), to: at('engine/index.ts') },
        { from: at('errors.ts'), to: at('cloud/redact.ts') },
        { from: at('scan/job.ts'), to: at('store/record.ts') },
      ]),
    ).toEqual([
      'findings/report.ts -> engine/rule-schema.ts',
      'store/record.ts -> outputs/sinks/spool.ts',
      'scan/job.ts -> cli/progress.ts',
      'services/ecs/collector.ts -> engine/index.ts',
      'errors.ts -> cloud/redact.ts',
    ]);
  });

  // A registry and its entries refer to each other by type and by lazy import (services/index.ts and the
  // collectors): that is not a circle at load time, so only imports that load a module count here.
  it('has no import circle between modules', () => {
    expect(circles(loadGraph()).map((component) => component.map((file) => relative(SRC, file)))).toEqual([]);
  });

  it('finds a circle', () => {
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });
});
