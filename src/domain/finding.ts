/**
 * An error or warning about a plan, with a code a script can match on (docs/json-and-exit-codes.md
 * lists them). Its own module so the plan judge and the schedule check, which both report them,
 * need not import each other.
 */
export interface Finding {
  code: string;
  message: string;
}
