/** A timestamp attribute declared in the schema is still filled by the runtime: optional on create. */
import { buildModelView } from '../../../generator/render/view-model';
import { loadSchemaText } from '../../../generator/schema/load-schema';

const options = { runtimeModule: './runtime/index.js', sourceLabel: '../schema.yaml' };
const user = (attributes: string, modelOptions = '') =>
  `models:\n  User:\n${modelOptions}    attributes:\n      name: { type: STRING, allowNull: false }\n${attributes}`;

test.each([
  ['with a comment', user("      createdAt: { type: DATE, comment: 'When it was made' }\n"), 'createdAt'],
  ['without time zone', user("      createdAt: CUSTOM('timestamp(6) without time zone')\n"), 'createdAt'],
  ['renamed', user('      made: DATE\n', '    createdAt: made\n'), 'made'],
])('a declared creation timestamp (%s) is optional on create, as the automatic one', (_case, yaml, stamp) => {
  const [model] = loadSchemaText(yaml, 'schema.yaml').models;
  const optional = Object.fromEntries(
    buildModelView(model!, options).creationAttributes.map((a) => [a.name, a.optional]),
  );
  expect(optional).toEqual({ id: true, name: false, [stamp]: true, updatedAt: true });
});
