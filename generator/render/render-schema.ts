/**
 * SchemaIR → formatted files, entirely in memory: nothing is written until every file has
 * rendered and formatted, so a template or formatting error writes nothing.
 */
import type { SchemaIR } from '../ir.js';
import type { Formatter } from '../format.js';
import type { GeneratedFile } from '../generated-file.js';
import type { Templates } from './templates.js';
import { buildIndexView, buildModelView, type RenderOptions } from './view-model.js';

export async function renderSchema(
  schema: SchemaIR,
  templates: Templates,
  formatter: Formatter,
  options: RenderOptions,
): Promise<GeneratedFile[]> {
  const files = schema.models.map((model) => {
    const view = buildModelView(model, options);
    return { path: view.fileName, source: templates.model(view) };
  });
  files.push({ path: 'index.ts', source: templates.index(buildIndexView(schema, options)) });
  return Promise.all(
    files.map(async ({ path, source }) => ({ path, content: await formatGenerated(formatter, path, source) })),
  );
}

async function formatGenerated(formatter: Formatter, path: string, source: string): Promise<string> {
  try {
    return await formatter.format(source);
  } catch (error) {
    // A syntax error here comes from a method body in the schema or from a custom template.
    throw new Error(`${path} is not valid TypeScript after rendering: ${(error as Error).message}`);
  }
}
