/**
 * The child program of the differential suite: loads one side's compiled models (`<models>/index.js`,
 * on the bundled runtime or on Sequelize), connects to that side's own database, runs the
 * scenarios and prints every outcome as one JSON line. Usage:
 *   node runner.js <models dir> <database url> example|real
 */
import path from 'node:path';
import { Client } from 'pg';
import { EXAMPLE_SCENARIOS } from './example-scenarios.js';
import { Normalizer } from './normalize.js';
import { CATALOG_SQL, realDatabaseScenarios, type CatalogRow } from './real-database-scenarios.js';
import { OUTCOMES_MARK, Steps, type OpLike, type AnyModel, type Models, type Scenario } from './steps.js';

interface ModelsModule {
  Sequelize: (new (url: string, options: Record<string, unknown>) => AnyModel) & { Op: OpLike };
  initModels(sequelize: AnyModel): Models;
}

async function main(): Promise<void> {
  const [modelsDir, url, kind] = process.argv.slice(2);
  if (!modelsDir || !url || (kind !== 'example' && kind !== 'real'))
    throw new Error('usage: runner.js <models dir> <database url> example|real');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the side's models are chosen at run time
  const { Sequelize, initModels } = require(path.resolve(modelsDir, 'index.js')) as ModelsModule;
  const sequelize = new Sequelize(url, { logging: false });
  const raw = new Client({ connectionString: url });
  await raw.connect();
  try {
    const models = initModels(sequelize);
    if (kind === 'example') await sequelize.sync({ force: true });
    const scenarios: readonly Scenario[] =
      kind === 'example'
        ? EXAMPLE_SCENARIOS
        : realDatabaseScenarios(models, (await raw.query<CatalogRow>(CATALOG_SQL)).rows);
    const steps = new Steps(raw, new Normalizer());
    for (const scenario of scenarios) {
      steps.begin(scenario.name);
      try {
        await scenario.run(steps, models, Sequelize.Op);
      } catch (caught) {
        steps.crashed(caught);
      }
    }
    // Sequelize prints its warnings on stdout: the outcomes are the line marked as such.
    process.stdout.write(`\n${OUTCOMES_MARK}${JSON.stringify(steps.outcomes)}\n`);
  } finally {
    await raw.end();
    await sequelize.close();
  }
}

main().catch((caught: unknown) => {
  process.stderr.write(`${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}\n`);
  process.exitCode = 1;
});
