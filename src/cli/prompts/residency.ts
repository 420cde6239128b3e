import { select } from '@inquirer/prompts';
import type { Residency } from '../../domain/catalogue/schema.js';
import type { Context } from '../context.js';

export async function askResidency(ctx: Context): Promise<Residency> {
  const fees = ctx.catalogue().data.fees;
  const initial = (r: Residency) => `${fees.initialRegistrationCredits[r]} credits' fee paid on accepting the offer`;
  const fellowship = (r: Residency) => (fees.fellowship?.eligibleResidencies.includes(r) ? '; may hold the fellowship' : '');
  return select<Residency>(
    {
      message: 'Are you a local or a non-local student?',
      choices: (['local', 'non-local'] as const).map((r) => ({
        name: r === 'local' ? 'Local' : 'Non-local',
        value: r,
        description: initial(r) + fellowship(r),
      })),
    },
    { input: ctx.io.stdin, output: ctx.io.stdout },
  );
}
