/**
 * The runtime's TypeScript sources, copied into the output folder so that the committed models
 * need nothing but `pg` in production (`--runtime bundled`, the default).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GeneratedFile } from './generated-file.js';
import { packageRoot, packageVersion } from '../package-root.js';
import { GENERATED_MARKER } from '../file-marks.js';

export const RUNTIME_FOLDER = 'runtime';

export function runtimeBundle(): GeneratedFile[] {
  const sourceDir = path.join(packageRoot(), 'runtime');
  const header =
    `// ${GENERATED_MARKER} ${packageVersion()}: its runtime, copied here so the models need only \`pg\`.\n` +
    '// Do not edit by hand: changes are overwritten when the models are generated again.\n';
  return listTypeScript(sourceDir).map((relative) => ({
    path: `${RUNTIME_FOLDER}/${relative}`,
    content: header + readFileSync(path.join(sourceDir, relative), 'utf8'),
  }));
}

function listTypeScript(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const relative = prefix + entry.name;
      if (entry.isDirectory()) return listTypeScript(path.join(dir, entry.name), `${relative}/`);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
    });
}
