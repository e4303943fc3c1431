/**
 * The coder: `codeUtterance(text, context?)` reads one coach reply and says which MITI behaviour
 * code it is, why, and how sure it is. Pure, like the rest of the engine; the model it reads is
 * written by the build from the library (`scripts/coder/build-model.ts`).
 */
import generated from './model.generated.json' with { type: 'json' };
import { createCoder, type Coding, type CodeOptions } from './code-utterance.ts';
import { checkModel } from './model.ts';

export { createCoder, type Coding, type CodeOptions } from './code-utterance.ts';
export { codeNames, codeGroups, groupOf, codeNamed, type CodeName, type CodeGroup } from './codes.ts';
export type { CoderModel } from './model.ts';
export { closestOption } from './closest-option.ts';

const coder = createCoder(checkModel(generated));

/**
 * Codes one coach reply. `context` is the person's last line (or options with it and the
 * person's name, for the reason's wording).
 */
export function codeUtterance(text: string, context?: string | CodeOptions): Coding {
  return coder(text, typeof context === 'string' ? { context } : (context ?? {}));
}
