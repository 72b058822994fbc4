/** `references` and `associations:` in YAML: what they generate, their errors by line:column, and the round trip. */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadSchemaText } from '../../../generator/schema/load-schema.js';
import { schemaToYaml } from '../../../generator/schema/to-yaml.js';
import { model, problemsOf, yaml } from './schema-test-helpers.js';

const BASE = [
  'define: { timestamps: false }',
  'models:',
  '  User:',
  '    attributes:',
  '      name: STRING',
  '  Team:',
  '    attributes:',
  '      name: STRING',
  '  Membership:',
  '    attributes:',
  '      userId: { type: INTEGER, primaryKey: true, references: { model: User } }',
  '      teamId: { type: INTEGER, primaryKey: true, references: { model: Team } }',
  '  Post:',
  '    attributes:',
  '      authorId: { type: INTEGER, references: { model: User } }',
  '      editorId: { type: INTEGER, references: { model: User } }',
];

const load = (...lines: string[]) => loadSchemaText(yaml(...BASE, ...lines), 'schema.yaml');
const names = (text: string, name: string) =>
  (model(loadSchemaText(text, 'schema.yaml'), name).associations ?? []).map(
    (a) => `${a.kind} ${a.target} ${a.as}${a.origin === 'declared' ? ' (declared)' : ''}`,
  );

describe('associations from YAML', () => {
  it('references imply belongsTo and the inverse, junction models belongsToMany, by the rules of --from-db', () => {
    const text = yaml(...BASE);
    expect(names(text, 'Post')).toEqual(['belongsTo User author', 'belongsTo User editor']);
    expect(names(text, 'User')).toEqual([
      'hasMany Membership memberships',
      'hasMany Post authorPosts',
      'hasMany Post editorPosts',
      'belongsToMany Team teams',
    ]);
    expect(names(text, 'Team')).toEqual(['hasMany Membership memberships', 'belongsToMany User users']);
  });

  it('associations: override one (same kind, target and key) and declare more', () => {
    const schema = load(
      '    associations:',
      '      - { belongsTo: User, as: writer, foreignKey: authorId }',
      '  Tag:',
      '    attributes:',
      '      label: STRING',
      '      postId: INTEGER',
      '    associations:',
      '      - { belongsTo: Post, foreignKey: postId, onDelete: CASCADE }',
    );
    expect(model(schema, 'Post').associations).toEqual([
      {
        kind: 'belongsTo',
        target: 'User',
        as: 'writer',
        foreignKey: 'authorId',
        constraints: false,
        origin: 'declared',
      },
      expect.objectContaining({ kind: 'belongsTo', target: 'User', as: 'editor', origin: 'foreignKey' }),
    ]);
    // The inverse keeps its name: the rules named it from the key's column.
    expect(names(yaml(...BASE), 'User')).toContain('hasMany Post authorPosts');
    expect(model(schema, 'Tag').associations).toEqual([
      {
        kind: 'belongsTo',
        target: 'Post',
        as: 'post',
        foreignKey: 'postId',
        onDelete: 'CASCADE',
        origin: 'declared',
      },
    ]);
  });

  it('takes belongsToMany with through, the keys found from the junction model', () => {
    const schema = load(
      '  Group:',
      '    attributes:',
      '      name: STRING',
      '    associations:',
      '      - { belongsToMany: Team, through: Membership, as: squads, foreignKey: userId }',
    );
    // Group is no User, so its key through Membership is named; the other key is found (teamId).
    expect(model(schema, 'Group').associations).toEqual([
      {
        kind: 'belongsToMany',
        target: 'Team',
        as: 'squads',
        through: 'Membership',
        foreignKey: 'userId',
        otherKey: 'teamId',
        origin: 'declared',
      },
    ]);
  });

  it('reports unknown models, unknown keys, alias collisions and missing keys by line:column, with did-you-mean', () => {
    expect(
      problemsOf(
        yaml(
          ...BASE,
          '    associations:',
          '      - { belongsTo: Usr, foreignKey: authorId }',
          '      - { belongsTo: User }',
          '      - { belongsTo: User, foreignKey: authorID, as: x }',
          '      - { belongsTo: User, foreignKey: authorId, as: editorId }',
          '      - { hasMany: Team, as: teams }',
          '      - { belongsToMany: Team }',
          '      - { hasMany: User, foreignKy: userId }',
        ),
      ),
    ).toEqual([
      'schema.yaml:18:22: belongsTo of model Post: "Usr" is not a model of this schema; did you mean User?',
      'schema.yaml:19:9: missing key: Post has 2 attributes that reference User (authorId, editorId); name one with foreignKey:',
      'schema.yaml:20:40: foreignKey "authorID" is not an attribute of model Post; did you mean authorId?',
      'schema.yaml:21:54: association "editorId" of model Post collides with attribute editorId; choose another as:',
      'schema.yaml:22:9: missing key: Team has no attribute that references Post; name it with foreignKey:',
      'schema.yaml:23:9: belongsToMany of model Post needs through: the junction model',
      'schema.yaml:24:9: missing key: User has no attribute that references Post; name it with foreignKey:',
      'schema.yaml:24:26: unknown key "foreignKy" in an association of model Post; did you mean foreignKey?',
    ]);
  });

  it('--schema-out writes declared associations back, and the YAML loads to the same models', () => {
    const first = load(
      '    associations:',
      '      - { belongsTo: User, as: writer, foreignKey: authorId, onDelete: CASCADE }',
      '      - { belongsTo: User, as: reviewer, foreignKey: editorId, onUpdate: CASCADE }',
    );
    const written = schemaToYaml(first);
    expect(written).toContain('associations:');
    const again = loadSchemaText(written, 'schema.yaml');
    expect(again.models).toEqual(first.models);
    expect(schemaToYaml(again)).toBe(written);
  });

  it('schema.json accepts what the loader accepts, and refuses two kinds in one entry', () => {
    const jsonSchema = JSON.parse(readFileSync(join(__dirname, '../../../schema.json'), 'utf8'));
    const validate = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true }).compile(
      jsonSchema,
    );
    const good = yaml(
      ...BASE,
      '    associations:',
      '      - { belongsTo: User, as: writer, foreignKey: authorId }',
    );
    expect(validate(parse(good))).toBe(true);
    const bad = yaml(...BASE, '    associations:', '      - { belongsTo: User, hasMany: Post }');
    expect(validate(parse(bad))).toBe(false);
  });
});
