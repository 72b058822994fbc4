/**
 * Valid files are loaded through js-yaml (fast), files with problems through the positioned
 * `yaml` tree. Both paths must give the same IR for every valid file, and the fast path must
 * step aside whenever there is something to report.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPaths, loadSchemaText } from '../../../generator/schema/load-schema';

const files = [
  path.resolve(__dirname, '../../../example-schema.yaml'),
  path.join(__dirname, 'fixtures/example.yaml'),
  path.join(__dirname, 'fixtures/all-types.yaml'),
];

describe('the fast path for valid files', () => {
  it.each(files)('gives the same IR as the positioned path: %s', (file) => {
    const text = readFileSync(file, 'utf8');
    const fast = loadPaths.valid(text, file);
    expect(fast).toBeDefined();
    expect(fast).toEqual(loadPaths.withPositions(text, file));
  });

  it('reads anchors, aliases, quoted scalars and YAML 1.2 scalars as the positioned path does', () => {
    const text = [
      'models:',
      '  A:',
      '    attributes:',
      '      one: &short { type: STRING(20), allowNull: false }',
      '      two: *short',
      '      three: { type: "BOOLEAN", defaultValue: TRUE }',
      "      four: { type: DATEONLY, defaultValue: '2020-01-31' }",
      '      five: { type: DATEONLY, defaultValue: 2020-01-31 }',
      '      six: { type: INTEGER, defaultValue: 0o17 }',
      '      seven: { type: STRING, defaultValue: ~ }',
      '',
    ].join('\n');
    const fast = loadPaths.valid(text, 's.yaml');
    expect(fast).toBeDefined();
    expect(fast).toEqual(loadPaths.withPositions(text, 's.yaml'));
    const defaults = Object.fromEntries(fast!.models[0].attributes.map((a) => [a.name, a.defaultValue]));
    // No YAML 1.1 dates: an unquoted date stays the string a DATEONLY column wants.
    expect(defaults.five).toEqual({ kind: 'literal', value: '2020-01-31' });
    expect(defaults.six).toEqual({ kind: 'literal', value: 15 });
  });

  it('steps aside for problems, so they are reported with positions', () => {
    const text = 'models:\n  User:\n    attributes:\n      name: { type: STRNG }\n';
    expect(loadPaths.valid(text, 'bad.yaml')).toBeUndefined();
    expect(() => loadSchemaText(text, 'bad.yaml')).toThrow(/^bad\.yaml:4:21: unknown type "STRNG"/);
  });

  it('steps aside for YAML that js-yaml refuses (duplicate keys, syntax errors)', () => {
    expect(loadPaths.valid('models:\n  A: {}\n  A: {}\n', 'd.yaml')).toBeUndefined();
    expect(loadPaths.valid('models: [\n', 'e.yaml')).toBeUndefined();
  });
});
