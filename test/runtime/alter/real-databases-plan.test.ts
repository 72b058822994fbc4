/**
 * Models generated from the real databases (`--from-db`) describe them exactly, so alter on
 * those databases must find nothing to change: planSync() returns no step. Server only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../../../generator/generate.js';
import { introspectDatabase } from '../../../generator/introspect/introspect.js';
import { describeWithServer, needsServer } from '../../support/test-database.js';
import { compileWithTsc } from '../../support/tsc.js';
import { countingClient } from '../../integration/introspect/catalog-connection.js';
import {
  ensureRealDatabases,
  realDatabaseUrl,
  REAL_DATABASES,
} from '../../integration/introspect/real-databases.js';

const ROOT = path.resolve(__dirname, '../../..');

const PLAN = `
import { Sequelize, initModels } from './models/index.js';
import { planSync } from './models/runtime/index.js';

async function main(): Promise<void> {
  const sequelize = new Sequelize(process.env.DB_URL!, { logging: false });
  initModels(sequelize);
  const plan = await planSync(sequelize);
  await sequelize.close();
  console.log(JSON.stringify(plan.steps.map((s) => s.sql + ' -- ' + s.reason)));
}
void main();
`;

describeWithServer.each([...REAL_DATABASES])(
  needsServer('alter on real_%s, with the models generated from it'),
  (name) => {
    let work: string;
    beforeAll(async () => {
      work = mkdtempSync(path.join(os.tmpdir(), `gm-alter-${name}-`));
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
      await ensureRealDatabases();
      const connection = await countingClient(realDatabaseUrl(name));
      try {
        await generate({
          schema: await introspectDatabase(connection.query, {}),
          outDir: path.join(work, 'models'),
        });
      } finally {
        await connection.close();
      }
      writeFileSync(path.join(work, 'plan.ts'), PLAN);
    }, 120_000);
    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('plans no step', () => {
      const compiled = compileWithTsc(
        work,
        'commonjs',
        { module: 'commonjs', moduleResolution: 'node10', outDir: 'out' },
        ['models', 'plan.ts'],
      );
      expect(compiled.output).toBe('');
      const run = spawnSync(process.execPath, [path.join(work, 'out/plan.js')], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, DB_URL: realDatabaseUrl(name) },
      });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toEqual([]);
    }, 300_000);
  },
);
