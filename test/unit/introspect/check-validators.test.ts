import { parseCheckValidators } from '../../../generator/introspect/check-validators.js';

describe('CHECK constraints that map to validators, as pg_get_constraintdef prints them', () => {
  it.each<[string, object | undefined]>([
    [
      'CHECK (((char_length((name)::text) >= 2) AND (char_length((name)::text) <= 50)))',
      { column: 'name', validators: [{ name: 'len', args: [2, 50] }] },
    ],
    ['CHECK ((length(n) <= 10))', { column: 'n', validators: [{ name: 'len', args: [0, 10] }] }],
    ['CHECK ((char_length("Title") >= 1))', { column: 'Title', validators: [{ name: 'len', args: [1] }] }],
    [
      'CHECK (((age >= 0) AND (age <= 150)))',
      {
        column: 'age',
        validators: [
          { name: 'min', args: 0 },
          { name: 'max', args: 150 },
        ],
      },
    ],
    ['CHECK ((price >= (0)::numeric))', { column: 'price', validators: [{ name: 'min', args: 0 }] }],
    ["CHECK ((big >= '-5'::integer))", { column: 'big', validators: [{ name: 'min', args: -5 }] }],
    [
      "CHECK ((code ~ '^[A-Z]{3}$'::text))",
      { column: 'code', validators: [{ name: 'is', args: '^[A-Z]{3}$' }] },
    ],
    ["CHECK ((c ~* 'it''s'::text))", { column: 'c', validators: [{ name: 'is', args: ["it's", 'i'] }] }],
    [
      "CHECK ((st = ANY (ARRAY['a'::text, 'b'::text])))",
      { column: 'st', validators: [{ name: 'isIn', args: [['a', 'b']] }] },
    ],
    ['CHECK (((a >= 0) AND (b <= 1)))', undefined],
    ['CHECK (((a >= 0) OR (a <= 1)))', undefined],
    ['CHECK ((a > 0))', undefined],
    [
      "CHECK (((a >= 0) AND (a ~ 'x AND y'::text)))",
      {
        column: 'a',
        validators: [
          { name: 'min', args: 0 },
          { name: 'is', args: 'x AND y' },
        ],
      },
    ],
    ['CHECK (((odd % 2) = 1))', undefined],
  ])('%s', (definition, expected) => {
    expect(parseCheckValidators(definition)).toEqual(expected);
  });
});
