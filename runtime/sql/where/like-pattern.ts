/**
 * startsWith/endsWith/substring match their value literally: `%`, `_` and the escape character
 * `\` are escaped (LIKE's default escape is backslash). Sequelize leaves them as wildcards, so
 * `endsWith: '%'` matches everything there; here it matches values ending in a percent sign.
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
