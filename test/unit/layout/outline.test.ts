import {
  BLANK,
  block,
  isLaidOutExactly,
  isPrettierOutput,
  laidOut,
  laidOutParts,
  marker,
  printOutline,
  source,
  text,
  type Outline,
} from '../../../generator/layout/outline';
import { id, object, str } from '../../../generator/layout/expression';

const item = (key: string, value = str('x')) =>
  laidOut({ kind: 'property-item', property: { key, value } }, 'items');

describe('outline', () => {
  const outline: Outline<'items'> = [
    text('// top'),
    block(text('function f() {'), [block(text('return {'), [item('a'), item('b')], '};'), BLANK], '}'),
    marker('/*slot*/'),
  ];

  it('indents each block body one level deeper than its opening line, markers at column 0', () => {
    expect(printOutline([block(text('class A {'), [marker('/*m*/'), ...outline], '}')])).toBe(
      [
        'class A {',
        '/*m*/',
        '  // top',
        '  function f() {',
        '    return {',
        '      a: "x",',
        '      b: "x",',
        '    };',
        '',
        '  }',
        '/*slot*/',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('lays a fragment out at its depth: what fits one line at depth 1 breaks at depth 3', () => {
    // `key: { value: "…" },` is 76 columns: 78 at depth 1, 82 at depth 3.
    const long = item('key', object([{ key: 'value', value: str('y'.repeat(57)) }]));
    const fragmentLines = (depth: number) =>
      printOutline([nest(long, depth)])
        .split('\n')
        .filter((line) => line.trim() !== '{' && line.trim() !== '}' && line !== '');
    expect(fragmentLines(1)).toEqual([`  key: { value: "${'y'.repeat(57)}" },`]);
    expect(fragmentLines(3)).toEqual(['      key: {', `        value: "${'y'.repeat(57)}",`, '      },']);
  });

  it('hands back named fragments laid out where they stand', () => {
    expect(laidOutParts(outline).get('items')).toEqual(['    a: "x",', '    b: "x",']);
  });

  it('is prettier output only with exact fragments, no empty block and no code from the schema', () => {
    expect(isPrettierOutput(outline)).toBe(true);
    // prettier writes an empty block as `{}`.
    expect(isPrettierOutput([block(text('interface A {'), [], '}')])).toBe(false);
    // A key the layout does not model exactly.
    expect(isPrettierOutput([block(text('x = {'), [item('漢字')], '};')])).toBe(false);
    const withMethod = [block(text('class A {'), [source('m() {\nreturn 1 }')], '}')];
    expect(isLaidOutExactly(withMethod)).toBe(true);
    expect(isPrettierOutput(withMethod)).toBe(false);
  });

  it('trusts an identifier key where the caller says the item is short', () => {
    const entry = laidOut({
      kind: 'property-item',
      property: { key: '漢字', value: id('a') },
      identifierKey: true,
    });
    expect(isPrettierOutput([block(text('x = {'), [entry], '};')])).toBe(true);
  });
});

/** The node inside `depth` blocks. */
function nest(node: Outline[number], depth: number): Outline[number] {
  return depth === 0 ? node : block(text('{'), [nest(node, depth - 1)], '}');
}
