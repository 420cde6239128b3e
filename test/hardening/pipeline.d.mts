import type { FuzzCase } from './generators.mjs';

/** The functions of the CLI's path a case goes through, from src/ or dist/. */
export interface Pipeline {
  decodeText(buffer: Buffer, file: string): string;
  parseJson(text: string, file: string): unknown;
  FileError: abstract new (...args: any[]) => Error;
  parsePlan(catalogue: any, json: unknown): any;
  parseCatalogue(json: unknown): any;
  judgePlan(catalogue: any, plan: any): any;
  planSchedule(catalogue: any, plan: any, judged: any): any;
  judgementJson(file: string, judgement: any): unknown;
  renderJudgement(file: string, judgement: any, style: any, width: number): string;
  makeStyle(colour: boolean): any;
}
export type CaseOutcome = 'file-error' | 'issues' | 'verdict';
export function snapshotPrototypes(): (full?: boolean) => void;
export function runCase(p: Pipeline, c: FuzzCase, defaultCatalogue: unknown): CaseOutcome;
