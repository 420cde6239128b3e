import type { Catalogue } from '../catalogue/model.js';
import { differenceExact, hundredths } from '../catalogue/credits.js';
import { chargedCreditsRequired } from './charged-required.js';
import type { FeeInput } from './fees.js';

/**
 * An adviser's quick estimate: `credits` credits (all of them tuition-bearing; the whole programme,
 * tuition-free ones included, when undefined) of which `transferred` come from earlier study. The
 * transferred ones are not billed, and the fellowship follows its formula on the tuition billed
 * for the graduation credits left. Credits are exact two-place decimals, compared in hundredths.
 * Returns why not, in words, when the transfer cannot be.
 */
export function transferFeeInput(
  catalogue: Catalogue,
  credits: number | undefined,
  transferred: number,
): { ok: true; input: Omit<FeeInput, 'residency' | 'fellowship'> } | { ok: false; reason: string } {
  const required = catalogue.data.creditsRequired;
  const chargedRequired = chargedCreditsRequired(catalogue);
  const charged = credits ?? chargedRequired;
  if (hundredths(transferred) > hundredths(charged))
    return { ok: false, reason: `${transferred} transferred credits are more than the ${charged} tuition-bearing credits estimated` };
  const percent = catalogue.data.record?.transferLimitPercent;
  if (percent !== undefined && hundredths(transferred) * 100 > hundredths(required) * percent) {
    return {
      ok: false,
      reason: `${transferred} transferred credits are more than ${percent} per cent of the ${required} credits required (${limitText(required, percent)}), the most that may be transferred`,
    };
  }
  const billed = differenceExact(charged, transferred);
  return {
    ok: true,
    input: {
      credits: differenceExact(credits ?? required, transferred),
      chargedCredits: billed,
      graduationCredits: Math.max(0, Math.min(billed, differenceExact(chargedRequired, transferred))),
    },
  };
}

/** percent per cent of `required`, as a decimal with no binary noise: 50 per cent of 31 is 15.5. */
function limitText(required: number, percent: number): string {
  return String(Number(((hundredths(required) * percent) / 10000).toFixed(4)));
}
