/**
 * The programmatic API with a configuration: generate({ configPath }) and generate({ config }),
 * as the CLI reads them (paths relative to the file, the options given to generate() first), and
 * --from-db's naming with schemaOut on a real server.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { generate, NamingError } from '../../../generator/index';
import { useTempDir } from '../../support/temp-dir';
import { createTestDatabase, describeWithServer, needsServer } from '../../support/test-database';

const SCHEMA = `models:
  ArInternalMetadatum:
    tableName: ar_internal_metadata
    attributes:
      key: { type: STRING, primaryKey: true }
  User:
    attributes:
      preferences: JSONB
`;

describe('generate() with a configuration', () => {
  const tempDir = useTempDir('gm-generate-config');
  const write = (name: string, text: string) => {
    const file = path.join(tempDir(), name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  const read = (name: string) => readFileSync(path.join(tempDir(), name), 'utf8');

  it('configPath: the file gives the schema, out, runtime, overrides and renames; its paths are relative to it', async () => {
    write('db/schema.yaml', SCHEMA);
    const configPath = write(
      'config/gen-models.config.yaml',
      [
        'schema: ../db/schema.yaml',
        'out: ../src/models',
        'runtime: package',
        'typeOverrides:',
        '  User.prefs: Record<string, string>',
        'naming:',
        '  rename:',
        '    models: { ArInternalMetadatum: ArInternalMetadata }',
        '    attributes: { User.preferences: prefs }',
        '',
      ].join('\n'),
    );
    const result = await generate({ configPath });
    expect(result.modelCount).toBe(2);
    expect(result.plan.outDir).toBe(path.join(tempDir(), 'src/models'));
    expect(existsSync(path.join(tempDir(), 'src/models/ArInternalMetadata.ts'))).toBe(true);
    expect(existsSync(path.join(tempDir(), 'src/models/runtime'))).toBe(false);
    const user = read('src/models/User.ts');
    expect(user).toContain('declare prefs: Record<string, string> | null;');
    expect(user).toMatch(/field: ["']preferences["']/);
  });

  it("config: an object over the file, and generate()'s own options over both", async () => {
    write('db/schema.yaml', SCHEMA);
    const configPath = write(
      'gen-models.config.json',
      JSON.stringify({ schema: 'db/schema.yaml', out: 'from-file' }),
    );
    const result = await generate({
      configPath,
      config: { out: path.join(tempDir(), 'from-object'), runtime: 'package' },
      runtime: 'bundled',
    });
    expect(result.plan.outDir).toBe(path.join(tempDir(), 'from-object'));
    expect(existsSync(path.join(tempDir(), 'from-object/runtime'))).toBe(true);
    expect(existsSync(path.join(tempDir(), 'from-file'))).toBe(false);
  });

  it('a configuration object is checked as a file is, by key path with a did-you-mean', async () => {
    await expect(
      generate({
        config: { schema: 'x.yaml', naming: { rename: { model: {} } } } as never,
        outDir: tempDir(),
      }),
    ).rejects.toThrow(
      'generate() config: naming.rename.model: unknown key "model" in "naming.rename"; did you mean models?',
    );
  });

  it('the case rules are refused with a YAML schema, and a rename naming nothing is an error', async () => {
    const schemaPath = write('schema.yaml', SCHEMA);
    await expect(
      generate({ config: { naming: { models: 'snake' } }, schemaPath, outDir: path.join(tempDir(), 'm') }),
    ).rejects.toThrow(NamingError);
    await expect(
      generate({
        config: { naming: { rename: { models: { Usr: 'Account' } } } },
        schemaPath,
        outDir: path.join(tempDir(), 'm'),
      }),
    ).rejects.toThrow('"Usr": no model has that name; did you mean User?');
    expect(existsSync(path.join(tempDir(), 'm'))).toBe(false);
  });
});

describeWithServer(needsServer('generate() with fromDb in the configuration'), () => {
  const tempDir = useTempDir('gm-generate-config-db');

  it('introspects with the naming rules, writes schemaOut with the renamed names', async () => {
    const database = await createTestDatabase('gm_gen_config');
    try {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query('CREATE TABLE blog_posts (id serial PRIMARY KEY, post_title text)');
      await client.end();
      // Read through urlEnv, as a user's CI would.
      process.env.GM_GENERATE_CONFIG_URL = database.url;
      const result = await generate({
        config: {
          fromDb: { urlEnv: 'GM_GENERATE_CONFIG_URL' },
          out: path.join(tempDir(), 'models'),
          schemaOut: path.join(tempDir(), 'schema.yaml'),
          naming: { singular: false, rename: { attributes: { 'BlogPosts.postTitle': 'title' } } },
        },
      });
      expect(result.schemaOut).toEqual({ file: path.join(tempDir(), 'schema.yaml'), status: 'new' });
      expect(readFileSync(path.join(tempDir(), 'models/BlogPosts.ts'), 'utf8')).toContain('declare title:');
      expect(readFileSync(path.join(tempDir(), 'schema.yaml'), 'utf8')).toMatch(
        /BlogPosts:[^]*title:[^]*field: post_title/,
      );
    } finally {
      delete process.env.GM_GENERATE_CONFIG_URL;
      await database.drop();
    }
  });
});
