import path from 'node:path';

/**
 * The run cache on, in `<dir()>/cache`, for each test of the block (GEN_MODELS_CACHE_DIR set,
 * GEN_MODELS_RUN_CACHE cleared); both put back as they were after each test.
 */
export function useRunCacheIn(dir: () => string): void {
  const previous = { cache: process.env.GEN_MODELS_CACHE_DIR, off: process.env.GEN_MODELS_RUN_CACHE };
  beforeEach(() => {
    process.env.GEN_MODELS_CACHE_DIR = path.join(dir(), 'cache');
    delete process.env.GEN_MODELS_RUN_CACHE;
  });
  afterEach(() => {
    restore('GEN_MODELS_CACHE_DIR', previous.cache);
    restore('GEN_MODELS_RUN_CACHE', previous.off);
  });
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
