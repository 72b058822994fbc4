/**
 * The runtime's JavaScript a program loads (issue 17: a program that uses no hooks, scopes,
 * paranoid models or validators loads no more than before them): each program runs in a fresh
 * process against a real server and prints the dist/runtime files in its require.cache.
 *
 *   node bench/runtime-size.js                       # this checkout's dist/ (npm run build first)
 *   node bench/runtime-size.js --root <checkout>     # another build, e.g. an older commit's
 *   node bench/runtime-size.js --list                # also the files each program loaded
 *
 * DATABASE_URL: the server (default postgres://postgres@127.0.0.1:5432/postgres); each program
 * creates its table and drops it.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const requireBench = (name) => require(require.resolve(name, { paths: [__dirname] }));
const { DATABASE_URL } = require('./standalone.js');

/** Create, findAll and save on one model with a tableName: what a typical program does. */
const TYPICAL_PROGRAM = `
const runtime = require(process.argv[1] + '/index.js');
(async () => {
  const sequelize = new runtime.Sequelize(process.argv[2], { logging: false });
  class Probe extends runtime.Model {}
  Probe.init({ name: { type: runtime.DataTypes.STRING, allowNull: false }, age: runtime.DataTypes.INTEGER }, { sequelize, tableName: 'gm_size_probe' });
  await sequelize.query('CREATE TABLE "gm_size_probe" ("id" SERIAL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "age" INTEGER, "createdAt" TIMESTAMPTZ NOT NULL, "updatedAt" TIMESTAMPTZ NOT NULL)');
  try {
    const probe = await Probe.create({ name: 'a', age: 1 });
    await Probe.findAll({ where: { name: 'a' } });
    probe.age = 2;
    await probe.save();
  } finally {
    await sequelize.query('DROP TABLE "gm_size_probe"');
    await sequelize.close();
  }
  process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((file) => file.startsWith(process.argv[1] + require('node:path').sep))));
})();
`;

/** TYPICAL_PROGRAM with the model paranoid, a beforeCreate hook, a defaultScope, a len validator, and a destroy. */
const LIFECYCLE_PROGRAM = TYPICAL_PROGRAM.replace(
  "{ sequelize, tableName: 'gm_size_probe' }",
  "{ sequelize, tableName: 'gm_size_probe', paranoid: true, defaultScope: { where: { age: { [runtime.Op.gte]: 0 } } }, hooks: { beforeCreate: (probe) => { probe.age = probe.age ?? 0; } } }",
)
  .replace(
    '{ type: runtime.DataTypes.STRING, allowNull: false }',
    '{ type: runtime.DataTypes.STRING, allowNull: false, validate: { len: [1, 20] } }',
  )
  .replace('"updatedAt" TIMESTAMPTZ NOT NULL)', '"updatedAt" TIMESTAMPTZ NOT NULL, "deletedAt" TIMESTAMPTZ)')
  .replace('await probe.save();', 'await probe.save();\n    await probe.destroy();');

/** Every .js file under `dir`. */
function javaScriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return javaScriptFiles(file);
    return entry.name.endsWith('.js') ? [file] : [];
  });
}

/**
 * The modules of `compiledFiles` bundled from their TypeScript sources into one minified ESM file;
 * imports of modules outside that set (lazy ones, pg, PGlite) stay external.
 */
async function bundledBytes(root, compiledFiles) {
  const { build } = requireBench('esbuild');
  const dist = path.join(root, 'dist/runtime');
  const sources = path.join(root, 'runtime');
  const included = new Set(compiledFiles.map((file) => path.relative(dist, file).replace(/\.js$/, '')));
  const keepToIncluded = {
    name: 'only-included-modules',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (!args.path.startsWith('.')) return { path: args.path, external: true };
        const module = path.relative(sources, path.resolve(args.resolveDir, args.path)).replace(/\.js$/, '');
        return included.has(module)
          ? { path: path.join(sources, `${module}.ts`) }
          : { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    entryPoints: [path.join(sources, 'index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    write: false,
    plugins: [keepToIncluded],
  });
  return result.outputFiles[0].contents.length;
}

/** Files, compiled bytes, each file minified alone, and the bundle of the files a program loaded. */
async function measure(root, files) {
  const { transformSync } = requireBench('esbuild');
  let raw = 0;
  let minified = 0;
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    raw += Buffer.byteLength(code);
    minified += Buffer.byteLength(transformSync(code, { minify: true, loader: 'js' }).code);
  }
  return { files: files.length, raw, minified, bundled: await bundledBytes(root, files), list: files };
}

/** The dist/runtime files a program loads, in a fresh process. */
function loadedBy(root, program, databaseUrl) {
  return JSON.parse(
    execFileSync(process.execPath, ['-e', program, path.join(root, 'dist/runtime'), databaseUrl], {
      cwd: __dirname,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/**
 * `loaded`: the typical program; `lifecycle`: with hooks, a scope, paranoid and a validator
 * (undefined for a build that cannot run it); `all`: every file; `sequelize`: its compiled lib.
 */
async function runtimeSize(databaseUrl, root = path.resolve(__dirname, '..')) {
  const loaded = await measure(root, loadedBy(root, TYPICAL_PROGRAM, databaseUrl));
  let lifecycle;
  try {
    lifecycle = await measure(root, loadedBy(root, LIFECYCLE_PROGRAM, databaseUrl));
  } catch {
    lifecycle = undefined; // a build from before hooks, scopes or paranoid models
  }
  const all = javaScriptFiles(path.join(root, 'dist/runtime'));
  let sequelize;
  try {
    const lib = path.join(
      path.dirname(require.resolve('sequelize/package.json', { paths: [__dirname] })),
      'lib',
    );
    const files = javaScriptFiles(lib);
    sequelize = { files: files.length, raw: files.reduce((sum, file) => sum + readFileSync(file).length, 0) };
  } catch {
    sequelize = undefined; // bench dependencies not installed
  }
  return { loaded, lifecycle, all: await measure(root, all), sequelize };
}

module.exports = { runtimeSize };

if (require.main === module) {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = path.resolve(rootAt === -1 ? path.join(__dirname, '..') : args[rootAt + 1]);
  runtimeSize(DATABASE_URL, root).then(
    (size) => {
      const row = (label, m) =>
        m
          ? `| ${label} | ${m.files} | ${m.raw.toLocaleString('en')} | ${m.minified.toLocaleString('en')} | ${m.bundled.toLocaleString('en')} |`
          : `| ${label} | cannot run on this build | | | |`;
      console.log(`Runtime JavaScript loaded, ${path.join(root, 'dist/runtime')} (bytes):\n`);
      console.log('| program | files | compiled | minified per file | one minified bundle |');
      console.log('|---|---:|---:|---:|---:|');
      console.log(row('create, findAll, save', size.loaded));
      console.log(row('the same with hooks, a scope, paranoid, a validator, destroy', size.lifecycle));
      console.log(row('every runtime file', size.all));
      if (args.includes('--list'))
        for (const [label, m] of [
          ['typical', size.loaded],
          ['lifecycle', size.lifecycle],
        ])
          if (m)
            console.log(
              `\n${label}:\n${m.list
                .map((f) => path.relative(root, f))
                .sort()
                .join('\n')}`,
            );
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
