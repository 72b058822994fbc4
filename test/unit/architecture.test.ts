/**
 * The layering docs/architecture.md describes, held by a test: every value import points to
 * the same layer or one below, the runtime never imports the generator, and the only import
 * cycles are type-only ones (erased at compile time) between the files listed below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '../..');

interface Import {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
  /** `await import('./x.js')`: loaded on first use. */
  readonly lazy: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** Relative imports and re-exports, static and dynamic (`await import('./x.js')`). */
function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean, lazy = false): void => {
    if (!specifier.startsWith('.')) return;
    const target = path.posix
      .normalize(path.posix.join(path.posix.dirname(file), specifier))
      .replace(/\.js$/, '.ts');
    found.push({ from: file, to: target, typeOnly, lazy });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const allTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      add(node.moduleSpecifier.text, allTypes);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The generator's layers, lowest first: a file may import its own layer's folder, lower layers,
 * and the runtime; never a higher layer, nor a sibling folder of its own layer.
 */
const GENERATOR_LAYERS: readonly (readonly string[])[] = [
  [
    'generator/ir.ts',
    'generator/identifiers.ts',
    'generator/file-marks.ts',
    'generator/errors.ts',
    'generator/map-limited.ts',
    'generator/package-root.ts',
  ],
  ['generator/associations/'],
  ['generator/schema/', 'generator/introspect/', 'generator/layout/'],
  ['generator/config/'],
  ['generator/render/'],
  ['generator/merge/'],
  ['generator/output/'],
  [
    'generator/generate.ts',
    'generator/generate-config.ts',
    'generator/watch.ts',
    'generator/plan-schema.ts',
    'generator/schema-out.ts',
    'generator/index.ts',
    'generator/cli.ts',
  ],
];

/** The runtime's layers, lowest first (see docs/architecture.md). */
const RUNTIME_LAYERS: readonly (readonly string[])[] = [
  [
    'runtime/errors.ts',
    'runtime/literal.ts',
    'runtime/inflection.ts',
    'runtime/model-members.ts',
    'runtime/check-options.ts',
    'runtime/method-options.ts',
    'runtime/did-you-mean.ts',
    'runtime/operators.ts',
    'runtime/expressions.ts',
    'runtime/not-supported.ts',
    'runtime/query-types.ts',
    'runtime/sql/quote.ts',
    'runtime/sql/type-text.ts',
    'runtime/sql/array-literal.ts',
    'runtime/sql/date-text.ts',
    'runtime/catalog/',
    'runtime/drivers/driver.ts',
    'runtime/alter/sync-plan.ts',
    'runtime/alter/default-comparison.ts',
    'runtime/row-options.ts',
  ],
  [
    'runtime/naming.ts',
    'runtime/data-types.ts',
    'runtime/default-values.ts',
    'runtime/drivers/',
    'runtime/connection-options.ts',
    'runtime/transaction.ts',
    'runtime/model-indexes.ts',
    'runtime/validators/',
    'runtime/hooks/hook-names.ts',
    'runtime/hooks/hook-registry.ts',
    'runtime/reject-on-empty.ts',
  ],
  [
    'runtime/model-definition.ts',
    'runtime/validation.ts',
    'runtime/attribute-accessors.ts',
    'runtime/sql/',
    'runtime/error-mapping.ts',
    'runtime/replacements.ts',
    'runtime/paranoid.ts',
    'runtime/hooks/',
    'runtime/scopes.ts',
    'runtime/scope-merge.ts',
  ],
  ['runtime/associations/'],
  ['runtime/readable-model.ts', 'runtime/model.ts', 'runtime/read-only-model.ts'],
  ['runtime/sequelize.ts', 'runtime/raw-query.ts'],
  ['runtime/sync.ts', 'runtime/alter/', 'runtime/plan-sync.ts'],
  ['runtime/index.ts'],
];

/**
 * Rarely needed code the runtime loads on first use (`await import()`), so that a program that
 * only reads and writes rows never loads it: these may be imported lazily from any layer.
 */
const LAZY_MODULES = [
  'runtime/sync.ts',
  'runtime/alter/index.ts',
  'runtime/error-mapping.ts',
  'runtime/sql/array-literal.ts',
  'runtime/drivers/pglite-driver.ts',
  'runtime/validators/run-validators.ts',
  'runtime/replacements.ts',
  'runtime/drivers/replica-set-driver.ts',
  'runtime/hooks/hooked-operations.ts',
  'runtime/scope-merge.ts',
  'runtime/paranoid.ts',
  'runtime/associations/find-with-include.ts',
];

/**
 * Modules a program that only reads and writes rows (no hooks, scopes, soft deletes, include)
 * never loads: none is reachable from runtime/index.ts through static imports (the lazy ones
 * and what only they import). Registering hooks and declaring scopes is synchronous, as in
 * Sequelize, so hook-names.ts, hook-registry.ts and scopes.ts (small stores) stay static.
 */
const NEVER_LOADED_AT_START = [
  ...LAZY_MODULES,
  'runtime/hooks/run-hooks.ts',
  'runtime/associations/include-tree.ts',
  'runtime/associations/include-sql.ts',
  'runtime/associations/include-order.ts',
];

/** The type vocabulary every layer may import types from (and which imports types back). */
const TYPE_VOCABULARY = ['runtime/types.ts'];

function unitOf(
  file: string,
  layers: readonly (readonly string[])[],
): { layer: number; unit: string } | undefined {
  // The longest matching entry wins, so a file listed alone beats its folder.
  let best: { layer: number; unit: string } | undefined;
  layers.forEach((units, layer) => {
    for (const unit of units) {
      const matches = unit.endsWith('/') ? file.startsWith(unit) : file === unit;
      if (matches && (!best || unit.length > best.unit.length)) best = { layer, unit };
    }
  });
  return best;
}

const generatorFiles = sourceFiles('generator');
const runtimeFiles = sourceFiles('runtime');
const allImports = [...generatorFiles, ...runtimeFiles].flatMap(importsOf);

function upwardImports(files: readonly string[], layers: readonly (readonly string[])[]): string[] {
  const problems: string[] = [];
  for (const edge of allImports.filter((i) => files.includes(i.from) && !i.typeOnly)) {
    if (edge.lazy && LAZY_MODULES.includes(edge.to)) continue;
    const from = unitOf(edge.from, layers);
    const to = unitOf(edge.to, layers);
    if (!from || !to) continue;
    if (to.layer > from.layer)
      problems.push(`${edge.from} → ${edge.to} (layer ${from.layer} imports layer ${to.layer})`);
    if (
      to.layer === from.layer &&
      to.unit !== from.unit &&
      to.unit.endsWith('/') &&
      from.unit.endsWith('/')
    ) {
      problems.push(`${edge.from} → ${edge.to} (sibling folders of one layer)`);
    }
  }
  return problems;
}

/** Strongly connected components of the import graph (Tarjan), larger than one file. */
function cycles(edges: readonly Import[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const edge of edges) graph.set(edge.from, [...(graph.get(edge.from) ?? []), edge.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const connect = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return found;
}

test('every generator and runtime file has a layer', () => {
  const missing = [
    ...generatorFiles.filter((f) => !unitOf(f, GENERATOR_LAYERS)),
    ...runtimeFiles.filter((f) => !unitOf(f, RUNTIME_LAYERS) && !TYPE_VOCABULARY.includes(f)),
  ];
  expect(missing).toEqual([]);
});

test('no generator import runs back up the layers', () => {
  expect(upwardImports(generatorFiles, GENERATOR_LAYERS)).toEqual([]);
});

test('no runtime value import runs back up the layers', () => {
  expect(upwardImports(runtimeFiles, RUNTIME_LAYERS)).toEqual([]);
});

test('the runtime never imports the generator', () => {
  expect(allImports.filter((i) => i.from.startsWith('runtime/') && i.to.startsWith('generator/'))).toEqual(
    [],
  );
});

test('there is no cycle of value imports loaded at start-up', () => {
  expect(cycles(allImports.filter((i) => !i.typeOnly && !i.lazy))).toEqual([]);
});

test('lazy imports load only the modules meant to be lazy', () => {
  const lazy = allImports.filter((i) => i.lazy && i.from.startsWith('runtime/'));
  expect(lazy.filter((i) => !LAZY_MODULES.includes(i.to))).toEqual([]);
});

test('the runtime loaded at start-up holds none of the modules loaded on first use', () => {
  const loaded = new Set<string>(['runtime/index.ts']);
  const pending = ['runtime/index.ts'];
  while (pending.length > 0) {
    const file = pending.pop()!;
    for (const edge of allImports)
      if (edge.from === file && !edge.typeOnly && !edge.lazy && !loaded.has(edge.to)) {
        loaded.add(edge.to);
        pending.push(edge.to);
      }
  }
  expect(loaded.size).toBeGreaterThan(40);
  expect(NEVER_LOADED_AT_START.filter((file) => loaded.has(file))).toEqual([]);
});

test('type-only cycles go only through the documented hubs', () => {
  // Types flow both ways between the runtime's type vocabulary (types.ts), the model classes
  // and the connection: `Model` methods take `Sequelize` options, `Sequelize.define` returns a
  // `ModelStatic`. These are erased at compile time; docs/architecture.md lists them.
  const hubs = new Set([...TYPE_VOCABULARY, 'runtime/sequelize.ts', 'runtime/model-definition.ts']);
  const withoutHubs = allImports.filter((i) => !i.lazy && !hubs.has(i.from) && !hubs.has(i.to));
  expect(cycles(withoutHubs)).toEqual([]);
});
