import { checkModel } from './check-model.js';
import type { ModelDraft, SharedOptions } from './model-draft.js';
import type { ProblemCollector } from './problem-collector.js';
import { resolveModel } from './resolve-model.js';
import type { ModelWithDraft } from './resolve-references.js';

/**
 * What one model is on its own: resolved with `define:` and checked, a function of its YAML and
 * `define:` only (the model cache and the edited-models read rely on it, see read-piece.ts).
 */
export function resolveOneModel(
  draft: ModelDraft,
  define: SharedOptions,
  problems: ProblemCollector,
): ModelWithDraft {
  const model = resolveModel(draft, define);
  checkModel(draft, model, problems);
  return { draft, model };
}
