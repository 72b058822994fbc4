/**
 * The runtime's pluralisation is a port of inflection 1.13.4 (the version Sequelize v6 uses).
 * This checks the port against the library itself, word for word, so they cannot drift.
 */
import { pluralize, underscore } from '../../runtime/inflection';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const inflection: { pluralize(s: string): string; underscore(s: string): string } = require('inflection');

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

  it('underscores like Sequelize for underscored models', () => {
    expect(underscore('UserAccount')).toBe('user_account');
    expect(underscore('updatedTimeStamp')).toBe('updated_time_stamp');
    expect(underscore('createdAt')).toBe('created_at');
  });
});
