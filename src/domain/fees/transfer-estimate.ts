import type { Catalogue } from '../catalogue/model.js';
import { chargedCreditsRequired } from './charged-required.js';
import type { FeeInput } from './fees.js';

/**
 * An adviser's quick estimate: `credits` credits (all of them tuition-bearing; the whole programme,
 * tuition-free ones included, when undefined) of which `transferred` come from earlier study. The
 * transferred ones are not billed, and the fellowship follows its formula on the tuition billed
 * for the graduation credits left. Returns why not, in words, when the transfer cannot be.
 */
export function transferFeeInput(
  catalogue: Catalogue,
  credits: number | undefined,
  transferred: number,
): { ok: true; input: Omit<FeeInput, 'residency' | 'fellowship'> } | { ok: false; reason: string } {
  const required = catalogue.data.creditsRequired;
  const chargedRequired = chargedCreditsRequired(catalogue);
  const charged = credits ?? chargedRequired;
  if (transferred > charged)
    return { ok: false, reason: `${transferred} transferred credits are more than the ${charged} tuition-bearing credits estimated` };
  const percent = catalogue.data.record?.transferLimitPercent;
  if (percent !== undefined && transferred * 100 > required * percent) {
    return {
      ok: false,
      reason: `${transferred} transferred credits are more than ${percent} per cent of the ${required} credits required (${(required * percent) / 100}), the most that may be transferred`,
    };
  }
  const billed = charged - transferred;
  return {
    ok: true,
    input: {
      credits: (credits ?? required) - transferred,
      chargedCredits: billed,
      graduationCredits: Math.max(0, Math.min(billed, chargedRequired - transferred)),
    },
  };
}
