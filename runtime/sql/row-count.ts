/**
 * `limit` / `offset` values: a non-negative integer, or its decimal text (`'10'` from a query
 * string), which Sequelize v6 accepts too; anything else is refused by name.
 */
export function rowCount(value: unknown, name: string): number {
  if (typeof value === 'string' && /^\d+$/.test(value) && Number.isSafeInteger(Number(value)))
    return Number(value);
  if (!Number.isSafeInteger(value) || (value as number) < 0)
    throw new TypeError(
      `${name} must be a non-negative integer (or its digits as a string), got ${JSON.stringify(value)}`,
    );
  return value as number;
}
