import type { Arbitrary } from 'fast-check';

export interface FuzzCase {
  kind: 'plan' | 'catalogue';
  bytes: Buffer;
  label: string;
}
export class Raw {
  constructor(text: string);
  text: string;
}
export function serialize(value: unknown, indent?: number): string;
export const nastyString: Arbitrary<string>;
export const nastyValue: Arbitrary<unknown>;
export function planDocument(catalogue: any): Arbitrary<Record<string, unknown>>;
export function planCase(catalogue: any): Arbitrary<FuzzCase>;
export function catalogueCase(bases: readonly unknown[]): Arbitrary<FuzzCase>;
export function makeCase(kind: FuzzCase['kind'], bytes: Buffer, label: string): FuzzCase;
