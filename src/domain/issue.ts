/**
 * What an issue is about, for a script to act on (`catalogue check --json`): decided where the
 * issue is made, so rewording its message never changes it.
 */
export type IssueCode =
  | 'UNKNOWN_FIELD'
  | 'MISSING_FIELD'
  | 'DUPLICATE_ID'
  | 'NAME_CLASH'
  | 'UNKNOWN_REFERENCE'
  | 'PROVENANCE_PATH'
  | 'TOO_MANY_ROUTES'
  | 'TOO_HARD'
  | 'UNMEETABLE'
  | 'INVALID';

/** A problem found in a file, located by a path such as `subjects[3].credits`. */
export interface Issue {
  path: string;
  message: string;
  /** Absent means INVALID: the file's shape is wrong in some other way. */
  code?: IssueCode;
}

/** An issue in a plan as one phrase: "subjects[2] must be a subject name (a string)". */
export function planIssueText(issue: Issue): string {
  return `${issue.path === '' ? 'the plan' : issue.path} ${issue.message}`;
}

/** Formats a path of keys and indices the way a person reads JSON: `requirements[2].rule.min`. */
export function formatPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

interface ValibotIssue {
  type: string;
  message: string;
  expected: string | null;
  received: string;
  path?: readonly { key: unknown; origin?: string }[];
}

/** Valibot's issues in words a person can act on, each with its code told by what valibot found, not by its wording. */
export function issuesFromValibot(issues: readonly ValibotIssue[]): Issue[] {
  return issues.map((issue) => {
    const path = formatPath((issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key))));
    const code = valibotCode(issue);
    let message = issue.message;
    if (code === 'UNKNOWN_FIELD') message = 'is not a known field; remove it or check its spelling';
    else if (code === 'MISSING_FIELD') message = 'is required but missing';
    else if (/^Invalid type: Expected Object/.test(message)) message = `must be a JSON object, not ${issue.received}`;
    return { path, message, code };
  });
}

// An object's key, rather than its value, is at fault when the issue's last step is the key:
// a strict object names `never` for a key it does not know, and any object names the key it
// wanted and received nothing when a required key is absent.
function valibotCode(issue: ValibotIssue): IssueCode {
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'UNKNOWN_FIELD';
  if (issue.path?.at(-1)?.origin === 'key' && issue.received === 'undefined') return 'MISSING_FIELD';
  return 'INVALID';
}
