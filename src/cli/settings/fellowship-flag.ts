import type { Residency } from '../../domain/catalogue/schema.js';
import type { FeeRules } from '../../domain/catalogue/model.js';
import { fellowshipRefusal } from '../../domain/fees/fees.js';
import { UsageError } from '../outcome.js';

/**
 * `--fellowship` (of `fees` and `plan`) for a residency that may not hold it: the error to throw,
 * in the one wording both commands use, or undefined when the residency may hold it.
 */
export function fellowshipFlagError(rules: FeeRules, residency: Residency): UsageError | undefined {
  const refusal = fellowshipRefusal(rules, residency, '--fellowship');
  return refusal === undefined ? undefined : new UsageError(`${refusal}; drop --fellowship.`);
}
