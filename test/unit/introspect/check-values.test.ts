import { parseCheckValues } from '../../../generator/introspect/check-values.js';

describe('CHECK constraints that list values', () => {
  it.each<[string, { column: string; values: string[] } | undefined]>([
    ["CHECK ((rating = ANY (ARRAY['G'::text, 'PG'::text])))", { column: 'rating', values: ['G', 'PG'] }],
    [
      "CHECK (((status)::text = ANY ((ARRAY['open'::character varying, 'closed'::character varying])::text[])))",
      { column: 'status', values: ['open', 'closed'] },
    ],
    ['CHECK (("Status" = ANY (ARRAY[\'a\'::text])))', { column: 'Status', values: ['a'] }],
    ["CHECK (status IN ('a', 'b''c'))", { column: 'status', values: ['a', "b'c"] }],
    [
      "CHECK (((VALUE)::text = ANY ((ARRAY['YES'::character varying, 'NO'::character varying])::text[])))",
      { column: 'value', values: ['YES', 'NO'] },
    ],
    [
      "CHECK ((rating = ANY (ARRAY['G'::text, 'PG'::text]))) NOT VALID",
      { column: 'rating', values: ['G', 'PG'] },
    ],
    ['CHECK (((VALUE >= 1901) AND (VALUE <= 2155)))', undefined],
    ["CHECK ((upper((productline)::text) = ANY (ARRAY['S'::text, 'T'::text])))", undefined],
    ["CHECK (((status = 'a'::text) OR (status IS NULL)))", undefined],
    ['CHECK ((qty = ANY (ARRAY[1, 2])))', undefined],
  ])('%s', (definition, expected) => {
    expect(parseCheckValues(definition)).toEqual(expected);
  });
});
