/**
 * Whether a provenance path (docs/catalogue-format.md: "/fees/perCredit") names something in the
 * catalogue. Beyond RFC 6901's JSON pointers, the catalogues' own provenance uses two kinds of step
 * into an array: an element's `id` ("/subjects/dissertation") and `*` for every element
 * ("/subjects/*\/code"); a path with `*` names something when any element has the rest.
 */
export function pointsAtSomething(json: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  if (!pointer.startsWith('/')) return false;
  const steps = pointer
    .slice(1)
    .split('/')
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
  let here: unknown[] = [json];
  for (const step of steps) {
    here = here.flatMap((value) => stepInto(value, step));
    if (here.length === 0) return false;
  }
  return true;
}

function stepInto(value: unknown, step: string): unknown[] {
  if (Array.isArray(value)) {
    if (step === '*') return value;
    if (/^(0|[1-9]\d*)$/.test(step)) return Number(step) < value.length ? [value[Number(step)]] : [];
    return value.filter((item) => typeof item === 'object' && item !== null && (item as { id?: unknown }).id === step);
  }
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, step)) return [(value as Record<string, unknown>)[step]];
  return [];
}
