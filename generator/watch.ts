/**
 * `--watch`: runs generation, then again whenever the schema, the configuration file or a template
 * changes, until Ctrl-C. Each run is a whole ordinary run (the run cache makes it incremental:
 * only the models whose inputs changed are rendered) and writes atomically, so a failed run (a
 * schema error) leaves the last good files as they were; the error is printed and watching goes on.
 *
 * Folders are watched, not files: editors save by writing a new file and renaming it over the old
 * one, which a watch on the old file would not see. Events come in bursts (one save can be several
 * events), so a run starts after a short quiet time, and never while another runs.
 */
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** What one run watched, for the next: files (schema, configuration) and folders (templates). */
export interface WatchTargets {
  readonly files: readonly string[];
  readonly folders: readonly string[];
}

export interface WatchOptions {
  /** What a run depends on, asked before each run (it may change: the configuration names the schema). */
  targets(): Promise<WatchTargets>;
  /** One run. */
  run(): Promise<void>;
  /** Resolves when watching should stop (Ctrl-C). */
  readonly stop: Promise<void>;
  /** Quiet time after the last change before a run starts. */
  readonly debounceMs?: number;
}

/** Runs, then re-runs on every change, until `stop`; resolves once the run in flight has finished. */
export async function watchAndRun(options: WatchOptions): Promise<void> {
  const debounceMs = options.debounceMs ?? 80;
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending = false;
  let stopped = false;

  // Watched before the run starts, so that a change made while it runs is not missed: it runs again.
  const runNow = async (): Promise<void> => {
    pending = false;
    const targets = await options.targets();
    if (stopped) return;
    closeAll(watchers);
    watchers = watchTargets(targets, changed);
    await options.run();
  };
  const schedule = (): void => {
    if (running !== undefined) {
      pending = true;
      return;
    }
    running = runNow().finally(() => {
      running = undefined;
      if (pending && !stopped) changed();
    });
  };
  function changed(): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(schedule, debounceMs);
  }

  schedule();
  await options.stop;
  stopped = true;
  clearTimeout(timer);
  closeAll(watchers);
  await running;
}

function closeAll(watchers: readonly FSWatcher[]): void {
  for (const watcher of watchers) watcher.close();
}

/** One watcher per folder; a file's event is its own name in its folder (or an unnamed event). */
function watchTargets(targets: WatchTargets, changed: () => void): FSWatcher[] {
  const names = new Map<string, Set<string> | 'all'>();
  for (const file of targets.files) {
    const folder = path.dirname(path.resolve(file));
    const entry = names.get(folder);
    if (entry === 'all') continue;
    names.set(folder, (entry ?? new Set()).add(path.basename(file)));
  }
  for (const folder of targets.folders) names.set(path.resolve(folder), 'all');
  const watchers: FSWatcher[] = [];
  for (const [folder, wanted] of names) {
    try {
      const watcher = watchFolder(folder, (_event, name) => {
        if (wanted === 'all' || name === null || wanted.has(name.toString())) changed();
      });
      // A folder deleted while watched: stop watching it rather than crash; the next run re-watches.
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // A folder that does not exist (yet): nothing to watch there until a run names it again.
    }
  }
  return watchers;
}
