/**
 * The runtime's inflection is a port of inflection 1.13.4 (the version Sequelize v6 uses), and the
 * one source of inflection (the generator's class names singularize with it). This checks the
 * port against the library itself (a dev dependency), word for word, so they cannot drift.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pluralize, singularize, underscore } from '../../runtime/inflection';

const inflection: {
  pluralize(s: string): string;
  singularize(s: string): string;
  underscore(s: string): string;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
} = require('inflection');

const REFERENCE_PLURALS: Record<string, string> = {
  User: 'Users',
  Person: 'People',
  Category: 'Categories',
  Mouse: 'Mice',
  UserProfile: 'UserProfiles',
  user_profile: 'user_profiles',
  Datum: 'Data',
  Status: 'Statuses',
  Child: 'Children',
  Sheep: 'Sheep',
  Octopus: 'Octopuses',
  Quiz: 'Quizzes',
  Index: 'Indices',
  Matrix: 'Matrices',
  Knife: 'Knives',
  Potato: 'Potatoes',
  Criterion: 'Criteria',
  Ox: 'Oxen',
  Vertex: 'Vertices',
  Goose: 'geese',
  Focus: 'Focus',
  Campus: 'Campuses',
  Story: 'Stories',
  Query: 'Queries',
  URL: 'URLs',
  ApiKey: 'ApiKeys',
};

// Every rule's trigger, irregulars, uncountables, and table-like identifiers.
const WORDS = [
  ...Object.keys(REFERENCE_PLURALS),
  ...Object.values(REFERENCE_PLURALS),
  'man',
  'woman',
  'men',
  'people',
  'children',
  'bacterium',
  'analysis',
  'analyses',
  'basis',
  'database',
  'databases',
  'drive',
  'hive',
  'archive',
  'curve',
  'leaf',
  'wolf',
  'wife',
  'half',
  'safe',
  'movie',
  'series',
  'box',
  'church',
  'class',
  'dish',
  'bus',
  'buses',
  'hero',
  'shoe',
  'crisis',
  'axis',
  'test',
  'testis',
  'virus',
  'alias',
  'canvas',
  'summons',
  'bonus',
  'matrix',
  'index',
  'vertices',
  'foot',
  'feet',
  'tooth',
  'teeth',
  'goose',
  'quiz',
  'whereas',
  'genus',
  'genera',
  'kiss',
  'mass',
  'address',
  'equipment',
  'news',
  'information',
  'rice',
  'money',
  'fish',
  'species',
  'film_actor',
  'film_category',
  'inventory',
  'payment',
  'rental',
  'staff',
  'store',
  'customer',
  'address',
  'city',
  'country',
  'language',
  'Invoice',
  'InvoiceLine',
  'MediaType',
  'PlaylistTrack',
  'Employee',
  'Territories',
  'us_states',
  'order_details',
  'Production',
  'BusinessEntity',
  'SalesOrderHeader',
  'EmailAddress',
  'Foo',
  'Bar',
  'Baz',
  'a',
  'x',
  's',
  'ss',
  '',
];

describe('inflection port (runtime/inflection.ts)', () => {
  it.each(Object.entries(REFERENCE_PLURALS))('pluralizes %s as Sequelize observed: %s', (word, plural) => {
    expect(pluralize(word)).toBe(plural);
  });

  it('agrees with inflection 1.13.4 on every test word, for plurals and underscores', () => {
    const differences = WORDS.flatMap((word) => {
      const problems: string[] = [];
      if (pluralize(word) !== inflection.pluralize(word)) problems.push(`pluralize(${word})`);
      if (underscore(word) !== inflection.underscore(word)) problems.push(`underscore(${word})`);
      return problems;
    });
    expect(differences).toEqual([]);
  });

  it('singularizes like inflection 1.13.4 on every test word and a broad word list (both forms of each)', () => {
    const words = broadWordList();
    expect(words.length).toBeGreaterThan(5000);
    const differences = words.filter((word) => singularize(word) !== inflection.singularize(word));
    expect(differences).toEqual([]);
  });

  it('singularizes table names as the generator needs them', () => {
    expect(
      [
        'categories',
        'people',
        'film_actors',
        'Addresses',
        'statuses',
        'data',
        'indices',
        'news',
        's',
        'Wolves',
      ].map(singularize),
    ).toEqual([
      'category',
      'person',
      'film_actor',
      'Address',
      'status',
      'datum',
      'index',
      'news',
      '',
      'Wolf',
    ]);
  });

  it('underscores like Sequelize for underscored models', () => {
    expect(underscore('UserAccount')).toBe('user_account');
    expect(underscore('updatedTimeStamp')).toBe('updated_time_stamp');
    expect(underscore('createdAt')).toBe('created_at');
  });
});

/**
 * Every word of the repository's READMEs and the real-world schemas under ../shared/schemas
 * (when present), words made from every rule's trigger, and the plural of each, in three casings.
 */
function broadWordList(): string[] {
  const root = path.join(__dirname, '../..');
  const docs = readdirSync(path.join(root, 'docs')).map((name) => path.join(root, 'docs', name));
  const texts = [path.join(root, 'README.md'), ...docs];
  const schemas = path.join(root, '../shared/schemas');
  if (existsSync(schemas)) {
    for (const name of readdirSync(schemas)) if (name.endsWith('.sql')) texts.push(path.join(schemas, name));
  }
  const found = new Set<string>(WORDS);
  for (const file of texts) {
    for (const word of readFileSync(file, 'utf8').match(/[A-Za-z][A-Za-z_]{0,40}/g) ?? []) found.add(word);
  }
  const stems = [
    'b',
    'c',
    'ar',
    'qu',
    'bo',
    'wo',
    'sta',
    'hi',
    'ti',
    'l',
    'r',
    'wa',
    'fo',
    'ke',
    'mo',
    'the',
    'cri',
  ];
  const endings = [
    ...['s', 'ss', 'es', 'ies', 'y', 'ves', 'fe', 'f', 'us', 'uses', 'is', 'es', 'ix', 'ices', 'ex'],
    ...['a', 'um', 'on', 'o', 'oes', 'ch', 'sh', 'x', 'man', 'men', 'child', 'children', 'person'],
    ...['people', 'ouse', 'ice', 'ovie', 'ovies', 'eries', 'ive', 'ives', 'zes', 'z', 'sis', 'ses'],
  ];
  for (const stem of stems) for (const ending of endings) found.add(stem + ending);
  for (const word of [...found]) found.add(inflection.pluralize(word));
  for (const word of [...found]) {
    found.add(word.toLowerCase());
    found.add(word.charAt(0).toUpperCase() + word.slice(1));
  }
  return [...found].sort();
}
