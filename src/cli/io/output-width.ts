import type { Io } from '../context.js';

// Narrower than this, no table or summary can be laid out readably; wider, lines are too long to read.
const MIN_WIDTH = 40;
const MAX_WIDTH = 400;

/** The terminal's width, else COLUMNS (so piped output can be laid out for a known width), else 80. */
export function outputWidth(io: Pick<Io, 'stdout' | 'env'>): number {
  // Any whole number, however large, is a width (then at most MAX_WIDTH), not a reason to ignore it.
  const columns = /^\d+$/.test(io.env.COLUMNS ?? '') ? Number(io.env.COLUMNS) : undefined;
  const width = (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined) ?? columns ?? 80;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
}
