/**
 * A ready-made PGlite cluster (the "image"), so that `pglite://` starts without running initdb,
 * which is nearly all of a fresh PGlite's start-up (about 4 s of the 4.3 s on the reference
 * machine). Built once per PGlite version into a per-user cache folder, checked on every use,
 * rebuilt when it does not match or cannot be read, and loaded straight into PGlite's in-memory
 * file system (or copied into a new data directory).
 *
 * Why a directory of a cleanly shut-down cluster rather than PGlite's own dumpDataDir() tarball:
 * a dump is taken from a running cluster, so every start from it replays crash recovery, and
 * PGlite unpacks the tarball in JavaScript; together about twice the start-up measured here.
 *
 * PGlite's types are not imported (it is an optional dependency): the few members used are
 * declared below.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { quoteIdentifier, quoteLiteral } from '../sql/quote.js';

/** What is needed from PGlite's module: the class, and its in-memory file system to extend. */
export interface PGliteImageModule<Instance extends StartedPGlite, Options extends object> {
  PGlite: new (options: Options & { dataDir?: string; fs?: object }) => Instance;
  MemoryFS: new () => object;
}
interface StartedPGlite {
  readonly waitReady: Promise<void>;
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}
/** The Emscripten file system PGlite runs postgres on (PGlite's `Module.FS`). */
interface EmscriptenFS {
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array, options: { canOwn: boolean }): void;
}

/**
 * Bumped when what the image holds changes (its settings, its layout), so that an image built
 * by an older gen-models is not mistaken for a current one.
 */
const IMAGE_FORMAT = 1;
/**
 * Set in the image (postgresql.auto.conf): initdb's 128MB makes postgres zero 128MB of shared
 * memory at every start, about 0.4 s of it here; an in-memory cluster's pages already live in
 * memory, so a smaller buffer pool costs little. Users can change it with ALTER SYSTEM.
 */
const IMAGE_SETTINGS = { shared_buffers: '16MB' };
/** Where PGlite's postgres keeps its cluster in the Emscripten file system (PGlite's PGDATA). */
const PGLITE_PGDATA = '/pglite/data';
const MANIFEST = 'manifest.json';
const DATA = 'data';

/** The environment variables that steer the image; documented in docs/runtime.md. */
export const CACHE_DIR_VARIABLE = 'GEN_MODELS_CACHE_DIR';
export const IMAGE_SWITCH_VARIABLE = 'GEN_MODELS_PGLITE_IMAGE';

/** A cluster's files in memory: directories and files by path relative to the cluster, sorted. */
interface ClusterFiles {
  directories: string[];
  files: { path: string; data: Buffer }[];
}
interface Manifest {
  format: number;
  pglite: string;
  settings: Record<string, string>;
  files: number;
  bytes: number;
  sha256: string;
}

/**
 * Starts PGlite (in memory when dataDir is undefined) from the image where it applies: in memory,
 * or a data directory that does not exist yet or is empty. An existing data directory starts as
 * it always did. Whatever goes wrong with the image is one console.warn line and a rebuild or a
 * start with initdb, never a failed start.
 */
export async function startPGlite<Instance extends StartedPGlite, Options extends object>(
  module: PGliteImageModule<Instance, Options>,
  dataDir: string | undefined,
  options: Options,
): Promise<Instance> {
  const withInitdb = (): Promise<Instance> =>
    ready(new module.PGlite({ ...options, ...(dataDir ? { dataDir } : {}) }));
  if (!imageEnabled() || (dataDir !== undefined && !isNewDirectory(dataDir))) return withInitdb();
  for (let attempt = 1; ; attempt += 1) {
    // The build passes no options of the caller's (PGlite's options are all optional).
    const image = await usableImage(module as unknown as PGliteImageModule<StartedPGlite, object>);
    if (!image) return withInitdb();
    try {
      return await startFrom(module, image.files, dataDir, options);
    } catch (error) {
      if (!(error instanceof ImageRefused) || attempt > 1)
        throw error instanceof ImageRefused ? error.cause : error;
      // A verified image that postgres refuses (a PGlite whose version could not be read): rebuild once.
      warn(`PGlite could not start from the image in ${image.dir} (${message(error.cause)}); rebuilding it`);
      discard(image.dir);
    }
  }
}

/** PGlite failed to start from an image (as opposed to the image's files failing to be written). */
class ImageRefused extends Error {
  constructor(override readonly cause: unknown) {
    super(message(cause));
  }
}

async function startFrom<Instance extends StartedPGlite, Options extends object>(
  module: PGliteImageModule<Instance, Options>,
  files: ClusterFiles,
  dataDir: string | undefined,
  options: Options,
): Promise<Instance> {
  // A directory that cannot be written fails as PGlite would have failed on it.
  if (dataDir !== undefined) writeNewDirectory(dataDir, files);
  try {
    return await ready(
      new module.PGlite(
        dataDir === undefined
          ? { ...options, fs: memoryFs(module.MemoryFS, files) }
          : { ...options, dataDir },
      ),
    );
  } catch (error) {
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true }); // written above
    throw new ImageRefused(error);
  }
}

async function ready<Instance extends StartedPGlite>(db: Instance): Promise<Instance> {
  await db.waitReady;
  return db;
}

/** `GEN_MODELS_PGLITE_IMAGE=off` starts every in-memory PGlite with initdb, as before the image. */
function imageEnabled(): boolean {
  const value = (process.env[IMAGE_SWITCH_VARIABLE] ?? '').trim().toLowerCase();
  if (value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(
    `${IMAGE_SWITCH_VARIABLE}=${JSON.stringify(process.env[IMAGE_SWITCH_VARIABLE])} is not understood: ` +
      `use ${IMAGE_SWITCH_VARIABLE}=off to start PGlite without the cached cluster image, or unset it.`,
  );
}

/**
 * The cache folder: $GEN_MODELS_CACHE_DIR, else the platform's per-user cache folder (as
 * Playwright, Puppeteer and node-gyp use, and the env-paths package computes; hand-written here
 * because the runtime, copied into projects, depends on nothing but pg) + /gen-models.
 */
export function imageCacheDir(): string {
  const override = process.env[CACHE_DIR_VARIABLE];
  if (override) return resolve(override);
  const home = homedir();
  const root =
    process.platform === 'darwin'
      ? join(home, 'Library', 'Caches')
      : process.platform === 'win32'
        ? process.env.LOCALAPPDATA || join(home, 'AppData', 'Local')
        : process.env.XDG_CACHE_HOME || join(home, '.cache');
  return join(root, 'gen-models');
}

/**
 * The installed PGlite's version, from its package.json (which its exports map does not expose,
 * hence the walk up from its entry point). Where the runtime runs as an ES module it resolves
 * from the working directory.
 */
function pgliteVersion(): string {
  const asModule = typeof require !== 'function';
  const resolveFrom = asModule ? createRequire(join(process.cwd(), 'index.js')) : require;
  let dir: string;
  try {
    dir = dirname(resolveFrom.resolve('@electric-sql/pglite'));
  } catch {
    const from = asModule
      ? `the working directory ${process.cwd()} (the runtime runs as an ES module)`
      : 'the runtime';
    throw new Error(
      `cannot tell the installed PGlite's version: @electric-sql/pglite is not found from ${from}`,
    );
  }
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("@electric-sql/pglite's package.json was not found");
    dir = parent;
  }
}

/** Builds in flight in this process, by image folder: concurrent starts wait for one build. */
const builds = new Map<string, Promise<void>>();

/** The image for this PGlite, verified (built or rebuilt when needed); undefined after a warning. */
async function usableImage(
  module: PGliteImageModule<StartedPGlite, object>,
): Promise<{ dir: string; files: ClusterFiles } | undefined> {
  let dir: string | undefined;
  try {
    const version = pgliteVersion();
    dir = join(imageCacheDir(), `pglite-${version.replace(/[^\w.-]/g, '_')}-image${IMAGE_FORMAT}`);
    const found = readImage(dir, version);
    if (found.files) return { dir, files: found.files };
    if (found.problem) {
      warn(`the PGlite image in ${dir} ${found.problem}; rebuilding it`);
      discard(dir);
    }
    const imageDir = dir;
    let build = builds.get(imageDir);
    if (!build) {
      build = buildImage(module, imageDir, version).finally(() => builds.delete(imageDir));
      builds.set(imageDir, build);
    }
    await build;
    const built = readImage(imageDir, version);
    if (built.files) return { dir: imageDir, files: built.files };
    throw new Error(`the image just built ${built.problem ?? 'is missing'}`);
  } catch (error) {
    warn(
      `cannot use a PGlite image${dir ? ` in ${dir}` : ''} (${message(error)}); starting PGlite with initdb instead ` +
        `(${CACHE_DIR_VARIABLE} chooses the cache folder, ${IMAGE_SWITCH_VARIABLE}=off turns the image off)`,
    );
    return undefined;
  }
}

/** Reads and checks an image: its files, or why it cannot be used (problem undefined: absent). */
function readImage(dir: string, version: string): { files?: ClusterFiles; problem?: string } {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return existsSync(dir) ? { problem: 'has no manifest' } : {};
    return { problem: `cannot be read (${message(error)})` };
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    return { problem: 'has an unreadable manifest' };
  }
  if (manifest.format !== IMAGE_FORMAT || manifest.pglite !== version) {
    return {
      problem: `was made for PGlite ${String(manifest.pglite)} (image format ${String(manifest.format)}), not ${version} (format ${IMAGE_FORMAT})`,
    };
  }
  if (JSON.stringify(manifest.settings) !== JSON.stringify(IMAGE_SETTINGS)) {
    return { problem: 'has other settings than this runtime makes' };
  }
  let files: ClusterFiles;
  try {
    files = readCluster(join(dir, DATA));
  } catch (error) {
    return { problem: `cannot be read (${message(error)})` };
  }
  if (digest(files) !== manifest.sha256) return { problem: 'does not match its checksum' };
  return { files };
}

/**
 * initdb into a staging folder beside the image, the settings, a clean shutdown (so that a start
 * from it needs no crash recovery), the manifest written last; then one rename publishes it, so a
 * reader sees a whole image or none. Another process that published first wins: ours is dropped.
 */
async function buildImage(
  module: PGliteImageModule<StartedPGlite, object>,
  dir: string,
  version: string,
): Promise<void> {
  const staging = join(dirname(dir), `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(staging, { recursive: true });
  try {
    const db = await ready(new module.PGlite({ dataDir: join(staging, DATA) }));
    try {
      for (const [name, value] of Object.entries(IMAGE_SETTINGS)) {
        await db.exec(`ALTER SYSTEM SET ${quoteIdentifier(name)} = ${quoteLiteral(value)}`);
      }
    } finally {
      await db.close();
    }
    const files = readCluster(join(staging, DATA));
    const manifest: Manifest = {
      format: IMAGE_FORMAT,
      pglite: version,
      settings: IMAGE_SETTINGS,
      files: files.files.length,
      bytes: files.files.reduce((sum, file) => sum + file.data.length, 0),
      sha256: digest(files),
    };
    writeFileSync(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (!existsSync(join(dir, MANIFEST))) throw error; // else another process published first
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Moves a bad image aside, then deletes it: a process reading it meanwhile fails its check, not half-way. */
function discard(dir: string): void {
  const aside = `${dir}.discarded-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(dir, aside);
  } catch {
    return; // already gone (another process discarded it)
  }
  rmSync(aside, { recursive: true, force: true });
}

/** Every directory and file under root, relative with '/' separators, in name order. */
function readCluster(root: string): ClusterFiles {
  const result: ClusterFiles = { directories: [], files: [] };
  const walk = (relative: string): void => {
    const entries = readdirSync(join(root, relative), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        result.directories.push(path);
        walk(path);
      } else {
        result.files.push({ path, data: readFileSync(join(root, path)) });
      }
    }
  };
  walk('');
  return result;
}

function digest(files: ClusterFiles): string {
  const hash = createHash('sha256');
  for (const directory of files.directories) hash.update(`d ${directory}\n`);
  for (const file of files.files) {
    hash.update(`f ${file.path} ${file.data.length}\n`);
    hash.update(file.data);
  }
  return hash.digest('hex');
}

/**
 * PGlite's in-memory file system, filled with the image before postgres starts: PGlite then
 * finds a cluster and skips initdb. The buffers are handed over (canOwn), not copied.
 */
function memoryFs(MemoryFS: new () => object, files: ClusterFiles): object {
  class ImageMemoryFS extends MemoryFS {
    async initialSyncFs(): Promise<void> {
      const fs = (this as unknown as { pg: { Module: { FS: EmscriptenFS } } }).pg.Module.FS;
      fs.mkdirTree(PGLITE_PGDATA);
      for (const directory of files.directories) fs.mkdirTree(`${PGLITE_PGDATA}/${directory}`);
      for (const file of files.files)
        fs.writeFile(`${PGLITE_PGDATA}/${file.path}`, file.data, { canOwn: true });
    }
  }
  return new ImageMemoryFS();
}

/** A data directory that PGlite would initialise: absent, or empty. */
function isNewDirectory(dataDir: string): boolean {
  try {
    return readdirSync(dataDir).length === 0;
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT';
  }
}

/** Writes the cluster beside the new directory, then renames it into place: never half a cluster there. */
function writeNewDirectory(dataDir: string, files: ClusterFiles): void {
  const target = resolve(dataDir);
  const staging = `${target}.gen-models-${process.pid}-${randomBytes(4).toString('hex')}`;
  mkdirSync(staging, { recursive: true });
  try {
    for (const directory of files.directories) mkdirSync(join(staging, directory), { recursive: true });
    for (const file of files.files) writeFileSync(join(staging, file.path), file.data);
    try {
      rmdirSync(target); // empty, or absent
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    }
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function warn(text: string): void {
  console.warn(`gen-models: ${text}`);
}

/** The first line only: a warning is one line. */
function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
