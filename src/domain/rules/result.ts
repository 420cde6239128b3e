import type { Subject } from '../catalogue/model.js';
import type { Unit } from './assign.js';

/** How one requirement stands, as either engine (the flow or the search) reports it. */
export interface RequirementResult {
  id: string;
  label: string;
  satisfied: boolean;
  /** Subjects counted towards this requirement, none of them counted anywhere else. */
  counted: Subject[];
  /** What is still missing, in a student's words; null when satisfied. */
  missing: string | null;
  /** The option that counts (or is closest), for requirements with alternatives. */
  option: { id: string; label: string } | null;
  have: number;
  need: number;
  unit: Unit;
}
