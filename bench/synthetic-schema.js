/**
 * A synthetic schema of N models, each with 13 attributes: an enum, a text array, a reference
 * to the previous model, comments. The same shape the figures are measured on.
 */
'use strict';

function syntheticSchemaYaml(modelCount, { variant = 0 } = {}) {
  const lines = ['models:'];
  for (let i = 0; i < modelCount; i += 1) {
    const name = `Thing${String(i).padStart(4, '0')}`;
    lines.push(
      `  ${name}:`,
      `    comment: Synthetic model number ${i}.`,
      '    attributes:',
      `      title: { type: STRING(120), allowNull: false, comment: Title of ${name} }`,
      '      body: TEXT',
      '      count: { type: INTEGER, allowNull: false, defaultValue: 0 }',
      '      total: BIGINT',
      "      price: { type: 'DECIMAL(10,2)' }",
      '      ratio: DOUBLE',
      '      active: { type: BOOLEAN, allowNull: false, defaultValue: true }',
      '      startsOn: DATEONLY',
      '      seenAt: DATE',
      '      token: { type: UUID, defaultValue: UUIDV4 }',
      `      status: { type: ENUM, values: [draft, live, archived${i === 0 && variant ? ', deleted' : ''}] }`,
      '      tags: ARRAY(TEXT)',
      i === 0
        ? '      parentId: INTEGER'
        : `      parentId: { type: INTEGER, references: { model: Thing${String(i - 1).padStart(4, '0')} } }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

module.exports = { syntheticSchemaYaml };
