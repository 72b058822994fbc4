/**
 * `literal('now()')`: SQL the database evaluates, used as a DB-side `defaultValue`. The text is
 * trusted schema text (it is written into DDL as `DEFAULT <sql>`), never caller data.
 */
export class Literal {
  constructor(readonly val: string) {
    if (typeof val !== 'string' || val.trim() === '')
      throw new TypeError('literal() needs a non-empty SQL string');
  }
}

export function literal(sql: string): Literal {
  return new Literal(sql);
}
