/**
 * A model's `hooks:` mapping: hook name → the hook's TypeScript source, declared like a method
 * (`beforeCreate(user: User) { ... }`), which the generated `init` passes in its `hooks` option.
 */
import { didYouMean } from '../../runtime/did-you-mean.js';
import { readFunctionSource } from './read-validators.js';
import { HOOK_NAMES } from './schema-keys.js';
import { findEntry, type Entry, type YamlReader } from './yaml-reader.js';

export function readHooks(
  entries: readonly Entry[],
  model: string,
  reader: YamlReader,
): Record<string, string> {
  const entry = findEntry(entries, 'hooks');
  if (entry === undefined) return {};
  const hooks: Record<string, string> = {};
  for (const hook of reader.mappingEntries(entry, `hooks of model ${model}`) ?? []) {
    if (!(HOOK_NAMES as readonly string[]).includes(hook.key)) {
      const hint = didYouMean(hook.key, HOOK_NAMES) || `; expected one of: ${HOOK_NAMES.join(', ')}`;
      reader.problems.add(hook.keyNode, `unknown hook "${hook.key}" in model ${model}${hint}`);
      continue;
    }
    const source = readFunctionSource(hook, hook.key, `${hook.key}(instance, options) { ... }`, reader);
    if (source !== undefined) hooks[hook.key] = source;
  }
  return hooks;
}
