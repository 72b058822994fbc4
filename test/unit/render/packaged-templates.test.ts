/**
 * The package's own files are laid out in code; its templates/ are the starting point for
 * `--templates` and must print exactly the same text, or a copy of them would quietly differ
 * from what gen-models writes by default. Compared before formatting, slot markers included.
 */
import path from 'node:path';
import type { ModelIR, SchemaIR } from '../../../generator/ir';
import { loadSchemaFile } from '../../../generator/schema/load-schema';
import { defaultTemplatesDir, loadTemplates, type Templates } from '../../../generator/render/templates';
import { fileRecipes } from '../../../generator/render/render-schema';
import { fuzzFoundShapes, modelCorpus } from '../layout/model-corpus';
import { schemaOf, userModel } from './fixtures';

function renderAll(schema: SchemaIR, templates: Templates, runtimeModule: string) {
  return fileRecipes(schema, templates, {}, { runtimeModule, sourceLabel: 'schema.yaml' }).map((recipe) => ({
    path: recipe.path,
    ...recipe.render(),
  }));
}

/** Every file of the schema, rendered by the code and by the package's templates given as `--templates`. */
function bothWays(schema: SchemaIR) {
  return ['./runtime/index.js', 'gen-models/runtime'].map((runtimeModule) => ({
    code: renderAll(schema, loadTemplates(), runtimeModule),
    templates: renderAll(schema, loadTemplates(defaultTemplatesDir()), runtimeModule),
  }));
}

const withMethods = (schema: SchemaIR): SchemaIR => ({
  ...schema,
  models: schema.models.map((model, index) =>
    index % 4 === 0 ? { ...model, members: userModel.members } : model,
  ),
});

describe('the packaged templates print what the code lays out', () => {
  const cases: [string, () => Promise<SchemaIR> | SchemaIR][] = [
    ['the example schema', () => loadSchemaFile(path.join(__dirname, '../../../example-schema.yaml'))],
    ['a seeded corpus, some models with methods', () => withMethods(modelCorpus(7, 120))],
    ['the shapes a fuzz run found', fuzzFoundShapes],
    [
      'a table, a view and a model without attributes',
      () =>
        schemaOf(userModel, { ...userModel, name: 'Report', kind: 'view' }, {
          ...userModel,
          name: 'Empty',
          attributes: [],
          members: [],
        } as ModelIR),
    ],
    ['no models at all', () => schemaOf()],
  ];

  it.each(cases)('%s', async (_name, schemaOf) => {
    for (const { code, templates } of bothWays(await schemaOf())) {
      expect(templates.map((file) => [file.path, file.text])).toEqual(
        code.map((file) => [file.path, file.text]),
      );
      // Only the package's own layout skips prettier: a template's output is always formatted.
      expect(templates.every((file) => !file.preformatted)).toBe(true);
    }
  });

  it('fingerprint the default files by the templates, so fingerprints stay as they were', () => {
    expect(loadTemplates().sources).toBe(loadTemplates(defaultTemplatesDir()).sources);
  });

  it('are compiled only when given: the default run renders without handlebars', () => {
    const templates = loadTemplates();
    expect(templates.model).toBeUndefined();
    expect(templates.index).toBeUndefined();
  });
});
