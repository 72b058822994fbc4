/**
 * The fast path's promise: a file the layout marks preformatted is exactly what prettier makes
 * of it with its defaults, so skipping prettier changes nothing. Checked on a seeded corpus of
 * models that stresses every layout rule (see model-corpus.ts), and on the example schema.
 */
import * as prettier from 'prettier';
import path from 'node:path';
import type { SchemaIR } from '../../../generator/ir';
import { loadSchemaFile } from '../../../generator/schema/load-schema';
import { loadTemplates } from '../../../generator/render/templates';
import { fileRecipes } from '../../../generator/render/render-schema';
import { fillSlots } from '../../../generator/merge/merge-hand-written';
import { tidyBlankLines } from '../../../generator/layout/tidy-blank-lines';
import { fuzzFoundShapes, modelCorpus } from './model-corpus';
import { propertySignature } from '../../../generator/layout/declarations';
import { generic, typeName } from '../../../generator/layout/type-expression';

const renderOptions = { runtimeModule: './runtime/index.js', sourceLabel: 'schema.yaml' };

interface Outcome {
  readonly preformatted: number;
  readonly total: number;
  readonly mismatches: { file: string; ours: string; prettier: string }[];
}

async function compareWithPrettier(schema: SchemaIR): Promise<Outcome> {
  const recipes = fileRecipes(schema, loadTemplates(), {}, renderOptions);
  const mismatches: Outcome['mismatches'] = [];
  let preformatted = 0;
  for (const recipe of recipes) {
    const rendered = recipe.render();
    if (!rendered.preformatted) continue;
    preformatted += 1;
    const ours = tidyBlankLines(fillSlots(rendered.text, undefined));
    const formatted = await prettier.format(ours, { parser: 'typescript' });
    if (formatted !== ours) mismatches.push({ file: recipe.path, ours, prettier: formatted });
  }
  return { preformatted, total: recipes.length, mismatches };
}

describe('files the layout marks preformatted are what prettier makes of them', () => {
  it('on a corpus of 150 generated models', async () => {
    const outcome = await compareWithPrettier(modelCorpus(20261122, 150));
    expect(outcome.mismatches.slice(0, 2)).toEqual([]);
    // Most files take the fast path: the test would pass vacuously if none did.
    expect(outcome.preformatted).toBeGreaterThan(0.8 * outcome.total);
  }, 60_000);

  it('on the shapes a fuzz run found: Unicode names, a lone \\r in a comment, a model without attributes', async () => {
    const outcome = await compareWithPrettier(fuzzFoundShapes());
    expect(outcome.mismatches).toEqual([]);
    // index.ts and Carriage.ts take the fast path; the others may leave their keys to prettier.
    expect(outcome.preformatted).toBeGreaterThanOrEqual(2);
  });

  it('on the example schema, whose models without methods take the fast path', async () => {
    const schema = await loadSchemaFile(path.join(__dirname, '../../../example-schema.yaml'));
    const outcome = await compareWithPrettier(schema);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.preformatted).toBe(schema.models.filter((model) => model.members.length === 0).length + 1);
  });
});

describe('long generic property signatures, laid out without prettier’s printer (declarations.ts)', () => {
  // Names whose line ends at 78 to 84 columns, at depth 1, with two or three arguments, one of
  // them a string literal: the break happens exactly where prettier's does.
  const cases = [0, 1, 2, 3, 4, 5, 6, 40].flatMap((extra) =>
    (['declare ', ''] as const).flatMap((modifier) => [
      {
        modifier,
        name: `set${'X'.repeat(10 + extra)}s`,
        args: [typeName('Post'), typeName('NumericString')],
      },
      {
        modifier,
        name: `create${'Y'.repeat(8 + extra)}`,
        args: [typeName('Comment'), { kind: 'literal' as const, value: 'postId' }, typeName('Z')],
      },
    ]),
  );

  it.each(cases)('$modifier$name', async ({ modifier, name, args }) => {
    const type = generic('HasManySetAssociationsMixin', args);
    const ours = propertySignature({ name, type, jsdoc: '' }, modifier, 1);
    const source = modifier === '' ? `interface A {\n${ours}\n}\n` : `class A {\n${ours}\n}\n`;
    expect(await prettier.format(source, { parser: 'typescript' })).toBe(source);
  });

  it('covers both sides of the line width', () => {
    const lengths = cases.map(({ modifier, name, args }) =>
      propertySignature({ name, type: generic('HasManySetAssociationsMixin', args), jsdoc: '' }, modifier, 1),
    );
    expect(lengths.some((text) => text.includes('\n'))).toBe(true);
    expect(lengths.some((text) => !text.includes('\n'))).toBe(true);
  });
});
