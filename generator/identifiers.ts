/** What names the generated TypeScript can use as class and property names. */

/** JavaScript reserved words (strict mode, module code), and `__proto__`, which breaks objects. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  // strict mode and module code
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
  'await',
  '__proto__',
]);

/** Names a class cannot take in strict TypeScript, on top of the reserved words. */
export const RESERVED_CLASS_NAMES: ReadonlySet<string> = new Set([
  'any',
  'boolean',
  'never',
  'number',
  'object',
  'string',
  'symbol',
  'bigint',
  'undefined',
  'unknown',
  'arguments',
  'eval',
]);

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

export function isReservedWord(name: string): boolean {
  return RESERVED_WORDS.has(name);
}

export function isReservedClassName(name: string): boolean {
  return RESERVED_WORDS.has(name) || RESERVED_CLASS_NAMES.has(name);
}

/**
 * A camelCase identifier made from `name`'s letters and digits (`first-name` → `firstName`,
 * `2fa` → `value2fa`), to suggest in messages. Reserved words get a `Value` suffix.
 */
export function suggestIdentifier(name: string): string {
  const words = name.split(/[^\p{L}\p{N}$_]+/u).filter((w) => w !== '');
  const camel = words
    .map((w, i) =>
      i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join('');
  if (camel === '') return 'value';
  if (!isIdentifier(camel)) return `value${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
  if (isReservedWord(camel) || camel === name) return `${camel}Value`;
  return camel;
}

/**
 * Names a model class may not take: the generated file imports these or uses them as types
 * (`class Date extends Model` would shadow `Date` in its own columns' types).
 */
export const TAKEN_CLASS_NAMES: ReadonlySet<string> = new Set([
  'Model',
  'ReadOnlyModel',
  'Models',
  'Sequelize',
  'DataTypes',
  'Op',
  'JsonValue',
  'NumericString',
  'literal',
  'InferAttributes',
  'InferCreationAttributes',
  'CreationOptional',
  'Date',
  'Buffer',
  'Array',
  'Object',
  'Promise',
  'JSON',
  'Error',
  'Map',
  'Set',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'BigInt',
  'Function',
  'Math',
  'RegExp',
  'Record',
  'Partial',
  'Omit',
  'Pick',
  'Readonly',
  'Required',
]);

/** File names the generator writes itself next to the models. */
export const TAKEN_FILE_NAMES: ReadonlySet<string> = new Set(['index', 'runtime']);
