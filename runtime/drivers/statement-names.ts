/**
 * Names of named prepared statements: one per distinct SQL text, the same on every connection of
 * a pool (pg parses a name once per connection and then sends only Bind/Execute). A counter, not
 * a hash: two texts can never share a name, which pg would reject ("Prepared statements must be
 * unique").
 */

/**
 * Statement texts a pool prepares at most: each one stays allocated on every connection that ran
 * it, so an application whose texts keep changing (IN lists of every length in findByPk) must not
 * grow the server's memory without bound. Past it, new texts are sent unnamed as before.
 */
export const MAX_PREPARED_STATEMENTS = 1000;

export class StatementNames {
  private readonly names = new Map<string, string>();
  private issued = 0;

  /** The name for `sql`, or undefined once MAX_PREPARED_STATEMENTS names were issued. */
  nameOf(sql: string): string | undefined {
    let name = this.names.get(sql);
    if (name === undefined && this.issued < MAX_PREPARED_STATEMENTS) {
      name = `gm_${++this.issued}`;
      this.names.set(sql, name);
    }
    return name;
  }

  /**
   * A new name for `sql` from now on: its prepared statement is stale, as a column it returns
   * changed type ("cached plan must not change result type"), which PostgreSQL does not re-plan.
   */
  renew(sql: string): string | undefined {
    this.names.delete(sql);
    return this.nameOf(sql);
  }
}

/** PostgreSQL refuses to run a prepared statement whose result columns changed since it was prepared. */
export function isStalePreparedStatement(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan must not change');
}
