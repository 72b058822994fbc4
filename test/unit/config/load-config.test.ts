import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  loadConfigFile,
  loadTextConfig,
  databaseUrl,
  checkValue,
} from '../../../generator/config/load-config.js';
import { findConfigFile } from '../../../generator/config/find-config.js';
import { givenFlags } from '../../../generator/config/apply-config.js';
import { SchemaError } from '../../../generator/schema/schema-error.js';
import { GenModelsError } from '../../../generator/errors.js';
import { useTempDir } from '../../support/temp-dir.js';

const tempDir = useTempDir('config');

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('configuration files', () => {
  test('a JSON file is read, with paths relative to its folder', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'gen-models.config.json');
    writeFileSync(
      file,
      JSON.stringify({
        $schema: './node_modules/gen-models/config.schema.json',
        schema: 'db/schema.yaml',
        out: 'src/models',
        runtime: 'package',
        prune: true,
      }),
    );
    const { config } = await loadConfigFile(file);
    expect(config).toEqual({
      $schema: './node_modules/gen-models/config.schema.json',
      schema: path.join(dir, 'db/schema.yaml'),
      out: path.join(dir, 'src/models'),
      runtime: 'package',
      prune: true,
    });
  });

  test('unknown keys are reported at line:column with a did-you-mean', () => {
    const text = '{\n  "schema": "s.yaml",\n  "outt": "models",\n  "naming": { "modles": "camel" }\n}\n';
    const error = (() => {
      try {
        loadTextConfig('gen-models.config.json', text);
      } catch (caught) {
        return caught as SchemaError;
      }
      throw new Error('expected an error');
    })();
    expect(error).toBeInstanceOf(SchemaError);
    expect(error.message.split('\n')).toEqual([
      'gen-models.config.json:3:3: unknown key "outt" at the top level; did you mean out?',
      'gen-models.config.json:4:15: unknown key "modles" in "naming"; did you mean models?',
    ]);
  });

  test('YAML values of the wrong type or outside an enum are reported where they stand', () => {
    const text = 'schema: s.yaml\nruntime: bundeld\nprune: yes please\ninclude: users\n';
    expect(messageOf(() => loadTextConfig('c.yaml', text)).split('\n')).toEqual([
      'c.yaml:2:10: "runtime" must be one of bundled, package, sequelize, not "bundeld"; did you mean bundled?',
      'c.yaml:3:8: "prune" must be true or false, not string',
      'c.yaml:4:10: "include" must be a list of strings, not string',
    ]);
  });

  test('syntax errors carry line:column', () => {
    expect(messageOf(() => loadTextConfig('c.json', '{\n  "out": "x",,\n}'))).toMatch(/^c\.json:2:\d+: /);
  });

  test('a value without positions (an .mjs export) names the key path', () => {
    expect(messageOf(() => checkValue('gen-models.config.mjs', { naming: { models: 'kebab' } }))).toBe(
      'gen-models.config.mjs: naming.models: "naming.models" must be one of pascal, camel, snake, keep, not "kebab"',
    );
  });

  // .mjs files are loaded by the real CLI in test/e2e/config-file.test.ts (jest cannot import ESM here).
  test('a .ts file is refused with the fix', async () => {
    const file = path.join(tempDir(), 'gen-models.config.ts');
    writeFileSync(file, 'export default {};\n');
    await expect(loadConfigFile(file)).rejects.toThrow(/rename it to gen-models\.config\.mjs/);
  });

  test('the file is found from the working directory upwards; two in one folder are an error', () => {
    const dir = tempDir();
    const nested = path.join(dir, 'a', 'b');
    mkdirSync(nested, { recursive: true });
    writeFileSync(path.join(dir, 'gen-models.config.yaml'), 'out: models\n');
    expect(findConfigFile(nested)).toBe(path.join(dir, 'gen-models.config.yaml'));
    writeFileSync(path.join(dir, 'gen-models.config.json'), '{}');
    expect(() => findConfigFile(nested)).toThrow(
      /holds gen-models\.config\.json and gen-models\.config\.yaml/,
    );
  });

  test('fromDb.urlEnv reads the URL from the environment; a missing variable is a clear error', () => {
    const config = { fromDb: { urlEnv: 'SHOP_DATABASE_URL' } };
    expect(databaseUrl(config, { SHOP_DATABASE_URL: 'postgres://localhost/shop' })).toBe(
      'postgres://localhost/shop',
    );
    expect(() => databaseUrl(config, {})).toThrow(GenModelsError);
    expect(() => databaseUrl(config, {})).toThrow(/environment variable SHOP_DATABASE_URL, which is not set/);
  });

  test('flags given on the command line are recognised in every spelling', () => {
    expect(
      [
        ...givenFlags(['schema.yaml', '--out=x', '-q', '--no-prune', '--keep-names', '--from-db', 'u']),
      ].sort(),
    ).toEqual(['fromDb', 'keepNames', 'out', 'prune', 'quiet']);
  });

  test('config.schema.json and the GenModelsConfig type list the same keys', () => {
    const schema = JSON.parse(readFileSync(path.join(__dirname, '../../../config.schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    const typeText = readFileSync(path.join(__dirname, '../../../generator/config/config-types.ts'), 'utf8');
    const body = /export interface GenModelsConfig \{([\s\S]*?)\n\}/.exec(typeText)![1]!;
    const typeKeys = [...body.matchAll(/^ {2}readonly (\$?\w+)\?/gm)].map((m) => m[1]);
    expect(typeKeys.sort()).toEqual(Object.keys(schema.properties).sort());
  });
});
