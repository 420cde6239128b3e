/** A problem found in a file, located by a path such as `subjects[3].credits`. */
export interface Issue {
  path: string;
  message: string;
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
  path?: readonly { key: unknown }[];
}

/** Valibot's issues in words a person can act on. */
export function issuesFromValibot(issues: readonly ValibotIssue[]): Issue[] {
  return issues.map((issue) => {
    const path = formatPath((issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key))));
    let message = issue.message;
    if (issue.type === 'strict_object' && issue.expected === 'never') message = 'is not a known field; remove it or check its spelling';
    else if (issue.received === 'undefined' && /^Invalid key/.test(message)) message = 'is required but missing';
    else if (/^Invalid type: Expected Object/.test(message)) message = `must be a JSON object, not ${issue.received}`;
    return { path, message };
  });
}
