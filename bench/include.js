/**
 * Issue 16's speed line: `findAll` of 1,000 parents with a two-level include (parents → children →
 * grandchildren) on the runtime, against one hand-written `pg` JOIN whose rows are nested into
 * objects by hand, and Sequelize 6 with the same models and include; in one run, the engines
 * taking turns round by round. Target: the runtime within 1.5× of the hand-written JOIN.
 */
'use strict';
const { performance } = require('node:perf_hooks');
const runtime = require('../dist/runtime/index.js');
const { median } = require('./runtime.js');

const requireBench = (name) => require(require.resolve(name, { paths: [__dirname] }));
const { DATABASE_URL, printTable } = require('./standalone.js');
const PARENTS = 1_000;
const CHILDREN_PER_PARENT = 3;
const GRANDCHILDREN_PER_CHILD = 2;

const TABLES = [
  'CREATE TABLE "BenchParents" ("id" SERIAL PRIMARY KEY, "name" VARCHAR(255) NOT NULL)',
  `CREATE TABLE "BenchChildren" ("id" SERIAL PRIMARY KEY, "name" VARCHAR(255) NOT NULL,
     "parentId" INTEGER NOT NULL REFERENCES "BenchParents" ("id"))`,
  `CREATE TABLE "BenchGrandchildren" ("id" SERIAL PRIMARY KEY, "name" VARCHAR(255) NOT NULL,
     "childId" INTEGER NOT NULL REFERENCES "BenchChildren" ("id"))`,
];
const DROP = 'DROP TABLE IF EXISTS "BenchGrandchildren", "BenchChildren", "BenchParents"';

/** The three models and their associations, with one library's Model and DataTypes. */
function defineModels({ DataTypes, Model }, sequelize) {
  const options = (modelName, tableName) => ({ sequelize, modelName, tableName, timestamps: false });
  class Parent extends Model {}
  Parent.init({ name: { type: DataTypes.STRING, allowNull: false } }, options('Parent', 'BenchParents'));
  class Child extends Model {}
  Child.init(
    {
      name: { type: DataTypes.STRING, allowNull: false },
      parentId: { type: DataTypes.INTEGER, allowNull: false },
    },
    options('Child', 'BenchChildren'),
  );
  class Grandchild extends Model {}
  Grandchild.init(
    {
      name: { type: DataTypes.STRING, allowNull: false },
      childId: { type: DataTypes.INTEGER, allowNull: false },
    },
    options('Grandchild', 'BenchGrandchildren'),
  );
  Parent.hasMany(Child, { as: 'children', foreignKey: 'parentId' });
  Child.belongsTo(Parent, { as: 'parent', foreignKey: 'parentId' });
  Child.hasMany(Grandchild, { as: 'grandchildren', foreignKey: 'childId' });
  Grandchild.belongsTo(Child, { as: 'child', foreignKey: 'childId' });
  const include = [{ model: Child, as: 'children', include: [{ model: Grandchild, as: 'grandchildren' }] }];
  return { find: () => Parent.findAll({ include, order: [['id', 'ASC']] }) };
}

const JOIN_SQL = `SELECT p."id", p."name", c."id" AS "c_id", c."name" AS "c_name", c."parentId" AS "c_parentId",
  g."id" AS "g_id", g."name" AS "g_name", g."childId" AS "g_childId"
  FROM "BenchParents" p
  LEFT JOIN "BenchChildren" c ON c."parentId" = p."id"
  LEFT JOIN "BenchGrandchildren" g ON g."childId" = c."id"
  ORDER BY p."id", c."id", g."id"`;

/** The hand-written floor: one JOIN, its rows nested into parents → children → grandchildren. */
async function handWritten(pool) {
  const { rows } = await pool.query(JOIN_SQL);
  const parents = [];
  const parentsById = new Map();
  const childrenById = new Map();
  for (const row of rows) {
    let parent = parentsById.get(row.id);
    if (!parent) {
      parent = { id: row.id, name: row.name, children: [] };
      parentsById.set(row.id, parent);
      parents.push(parent);
    }
    if (row.c_id === null) continue;
    let child = childrenById.get(row.c_id);
    if (!child) {
      child = { id: row.c_id, name: row.c_name, parentId: row.c_parentId, grandchildren: [] };
      childrenById.set(row.c_id, child);
      parent.children.push(child);
    }
    if (row.g_id !== null)
      child.grandchildren.push({ id: row.g_id, name: row.g_name, childId: row.g_childId });
  }
  return parents;
}

async function seed(pool) {
  await pool.query(DROP);
  for (const sql of TABLES) await pool.query(sql);
  await pool.query(
    `INSERT INTO "BenchParents" ("name") SELECT 'parent ' || i FROM generate_series(1, ${PARENTS}) AS i`,
  );
  await pool.query(
    `INSERT INTO "BenchChildren" ("name", "parentId") SELECT 'child ' || i, p."id"
       FROM "BenchParents" p, generate_series(1, ${CHILDREN_PER_PARENT}) AS i`,
  );
  await pool.query(
    `INSERT INTO "BenchGrandchildren" ("name", "childId") SELECT 'grandchild ' || i, c."id"
       FROM "BenchChildren" c, generate_series(1, ${GRANDCHILDREN_PER_CHILD}) AS i`,
  );
}

/** Wall ms and node CPU ms of one call. */
async function timeCall(body) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await body();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

/** The grandchildren a result holds, whichever library made it. */
function countGrandchildren(parents) {
  let count = 0;
  for (const parent of parents) for (const child of parent.children) count += child.grandchildren.length;
  return count;
}

async function benchInclude({ databaseUrl, rounds = 7 } = {}) {
  const pg = require('pg');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  await seed(pool);
  const ours = new runtime.Sequelize(databaseUrl, { logging: false });
  const { Sequelize } = requireBench('sequelize');
  const theirs = new Sequelize(databaseUrl, { logging: false, dialectModule: requireBench('pg') });
  const engines = [
    { label: 'raw pg, one JOIN nested by hand', find: () => handWritten(pool) },
    { label: 'gen-models runtime', find: defineModels(runtime, ours).find },
    { label: 'Sequelize 6', find: defineModels(requireBench('sequelize'), theirs).find },
  ];
  const expected = PARENTS * CHILDREN_PER_PARENT * GRANDCHILDREN_PER_CHILD;
  try {
    const samples = engines.map(() => []);
    for (let round = 0; round <= rounds; round += 1) {
      for (const [index, engine] of engines.entries()) {
        const sample = await timeCall(engine.find);
        const found = countGrandchildren(sample.result);
        if (sample.result.length !== PARENTS || found !== expected)
          throw new Error(`${engine.label}: ${sample.result.length} parents, ${found} grandchildren`);
        if (round > 0) samples[index].push(sample); // round 0 warms up
      }
    }
    const lines = [
      `findAll of ${PARENTS.toLocaleString('en')} parents with a two-level include (${CHILDREN_PER_PARENT} children each, ` +
        `${GRANDCHILDREN_PER_CHILD} grandchildren per child: ${expected.toLocaleString('en')} grandchildren), median of ${rounds} calls; ` +
        '×: median of the per-round ratios to the hand-written JOIN. Target: the runtime within 1.5×.',
      '',
      '| engine | ms per call | × hand-written | node CPU ms per call |',
      '|---|---:|---:|---:|',
    ];
    for (const [index, engine] of engines.entries()) {
      const ms = samples[index].map((s) => s.ms);
      const ratio = median(ms.map((value, round) => value / samples[0][round].ms));
      const cpu = median(samples[index].map((s) => s.cpuMs));
      lines.push(`| ${engine.label} | ${median(ms).toFixed(1)} | ×${ratio.toFixed(2)} | ${cpu.toFixed(1)} |`);
    }
    return lines.join('\n');
  } finally {
    await ours.close();
    await theirs.close();
    await pool.query(DROP);
    await pool.end();
  }
}

module.exports = { benchInclude };

if (require.main === module) printTable(benchInclude({ databaseUrl: DATABASE_URL }));
