/** A JSDoc comment for a schema comment ('' for none); `*\/` inside would end it early. */
export function jsdoc(comment: string | undefined): string {
  if (comment === undefined || comment.trim() === '') return '';
  const lines = comment
    .trim()
    // Every line break as prettier reads one: \r\n, \n, and a lone \r.
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/\*\//g, '*\\/').trimEnd());
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return ['/**', ...lines.map((line) => (line === '' ? ' *' : ` * ${line}`)), ' */'].join('\n');
}
