import { closestMatch } from '../../runtime/did-you-mean.js';

describe('closestMatch', () => {
  test.each([
    ['allownull', 'allowNull'],
    ['modle', 'model'],
    ['tabelName', 'tableName'],
    ['primarykey', 'primaryKey'],
    ['defualtValue', 'defaultValue'],
  ])('%s → %s', (input, expected) => {
    expect(closestMatch(input, ['allowNull', 'model', 'tableName', 'primaryKey', 'defaultValue'])).toBe(
      expected,
    );
  });

  test('nothing when nothing is close', () => {
    expect(closestMatch('validate', ['type', 'values', 'allowNull'])).toBeUndefined();
  });
});
