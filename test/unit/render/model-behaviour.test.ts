/**
 * paranoid, hooks and scopes from the schema in the generated `init`: hooks as real methods,
 * scopes as data, the deletedAt attribute declared (nullable) on the class.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../../../generator/generate.js';
import { loadSchemaText } from '../../../generator/schema/load-schema.js';

const SCHEMA = `
models:
  User:
    underscored: true
    paranoid: true
    deletedAt: removedAt
    attributes:
      name: { type: STRING, allowNull: false }
    hooks:
      beforeCreate: |
        async beforeCreate(user: User) {
          user.name = user.name.trim();
        }
      afterDestroy: |
        afterDestroy() {}
    validate:
      notReserved: |
        notReserved(this: User) {
          if (this.name === 'root') throw new Error('reserved');
        }
    defaultScope: { where: { name: [a, b] }, order: [[name, DESC]] }
    scopes:
      short: { attributes: [name], limit: 3 }
`;

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'gm-model-behaviour-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('init carries paranoid, deletedAt, the hooks and model validators as methods and the scopes as data', async () => {
  await generate({ schema: loadSchemaText(SCHEMA, 'schema.yaml'), outDir: work });
  const text = readFileSync(path.join(work, 'User.ts'), 'utf8');
  expect(text).toContain('  declare removedAt: Date | null;\n');
  const options = text.slice(text.indexOf('sequelize,\n'));
  expect(options).toContain(
    [
      '        paranoid: true,',
      '        deletedAt: "removedAt",',
      '        hooks: {',
      '          async beforeCreate(user: User) {',
      '            user.name = user.name.trim();',
      '          },',
      '          afterDestroy() {},',
      '        },',
      '        validate: {',
      '          notReserved(this: User) {',
      '            if (this.name === "root") throw new Error("reserved");',
      '          },',
      '        },',
      '        defaultScope: {',
      '          where: { name: ["a", "b"] },',
      '          order: [["name", "DESC"]],',
      '        },',
      '        scopes: { short: { attributes: ["name"], limit: 3 } },',
    ].join('\n'),
  );
});
