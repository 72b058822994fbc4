/**
 * The blank lines of a rendered file as prettier leaves them: none at the start of a block or
 * before its closing brace, never two in a row, one newline at the end. Template markers that
 * held no hand-written code leave such blank lines behind.
 */
export function tidyBlankLines(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() !== '') {
      kept.push(line);
      continue;
    }
    const previous = kept[kept.length - 1];
    const next = lines.slice(index + 1).find((candidate) => candidate.trim() !== '');
    const opensBlock = previous === undefined || previous.endsWith('{') || previous.trim() === '';
    const closesBlock = next === undefined || /^\s*[}\]]/.test(next);
    if (!opensBlock && !closesBlock) kept.push('');
  }
  return `${kept.join('\n')}\n`;
}
