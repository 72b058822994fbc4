/**
 * Generated files are formatted: by the layout itself when prettier's defaults apply (prettier
 * would leave them unchanged), by prettier with the user's configuration when there is one.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { generate } from '../../../generator/generate';
import { useTempDir } from '../../support/temp-dir';

const SCHEMA = `
models:
  Invoice:
    comment: An invoice sent to a customer, with a comment long enough to need more than one line of the file.
    attributes:
      number: { type: STRING(40), allowNull: false, unique: true, comment: "The number printed on the invoice." }
      status: { type: "ENUM('draft', 'sent', 'paid', 'cancelled', 'refunded', 'disputed')", defaultValue: draft }
      total: { type: "DECIMAL(12, 2)", allowNull: false, defaultValue: "0.00" }
      lines: { type: JSONB, defaultValue: [{ sku: abc, quantity: 1 }, { sku: def, quantity: 2 }] }
`;

describe('formatting of generated files', () => {
  const tempDir = useTempDir('gm-format');
  const outDir = () => path.join(tempDir(), 'models');
  const generateInto = async () => {
    writeFileSync(path.join(tempDir(), 'schema.yaml'), SCHEMA);
    await generate({ schemaPath: path.join(tempDir(), 'schema.yaml'), outDir: outDir(), runtime: 'package' });
  };
  const modelFiles = () => readdirSync(outDir()).filter((file) => file.endsWith('.ts'));

  it('without a prettier configuration, every file is exactly what prettier makes of it', async () => {
    await generateInto();
    expect(modelFiles()).toEqual(['Invoice.ts', 'index.ts']);
    for (const file of modelFiles()) {
      const text = readFileSync(path.join(outDir(), file), 'utf8');
      expect(await prettier.format(text, { parser: 'typescript' })).toBe(text);
    }
    expect(readFileSync(path.join(outDir(), 'Invoice.ts'), 'utf8')).toContain('from "gen-models/runtime";');
  });

  it("with a prettier configuration, prettier formats every file with the user's options", async () => {
    writeFileSync(path.join(tempDir(), '.prettierrc'), '{ "singleQuote": true, "printWidth": 120 }');
    await generateInto();
    const invoice = readFileSync(path.join(outDir(), 'Invoice.ts'), 'utf8');
    expect(invoice).toContain("from 'gen-models/runtime';");
    expect(invoice).toContain("defaultValue: 'draft'");
    expect(await prettier.format(invoice, { parser: 'typescript', singleQuote: true, printWidth: 120 })).toBe(
      invoice,
    );
  });
});
