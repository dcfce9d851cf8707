import type * as z from 'zod/mini';

export type FieldError = { path: string; message: string };

/** Turns a path like ["questions", 3, "options", 1, "id"] into "questions[3].options[1].id". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

export function formatIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): FieldError[] {
  return issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: describeIssue(issue) }));
}

/**
 * zod/mini ships no locale (to stay small), so its default message is "Invalid input".
 * We say what was expected ourselves, so every error names what was wrong.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  // A bad record key carries zod's fixed "Invalid key in record"; the key's own rule says more.
  if (issue.message && issue.message !== 'Invalid input' && issue.code !== 'invalid_key') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `expected ${issue.origin === 'string' ? 'length' : issue.origin === 'array' ? 'at least' : 'value'} >= ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : ''}`;
    case 'too_big':
      return `expected ${issue.origin === 'string' ? 'length' : issue.origin === 'array' ? 'at most' : 'value'} <= ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_format':
      return `expected a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `unexpected key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union': {
      // When only one shape had the right type (text for a string answer), its own complaint is the useful one.
      const near = issue.errors.filter((branch) => branch.length > 0 && branch[0].code !== 'invalid_type');
      return near.length === 1 ? describeIssue(near[0][0]) : 'matches none of the allowed shapes';
    }
    case 'invalid_key':
      // A record key failed its own schema: say which rule, e.g. "expected an ISO 3166-1 alpha-2 country code".
      return issue.issues[0] ? `invalid key: ${describeIssue(issue.issues[0])}` : 'invalid key';
    default:
      return 'invalid value';
  }
}
