import type { FieldError } from '../../protocol/index.ts';

// A SurveyResponse is at most 4 levels deep (response → answers → list → option); anything far deeper is junk.
const MAX_DEPTH = 16;

/**
 * JSON.parse keeps "__proto__" as an own key, but copying such an object by
 * assignment (as schema parsers do) sets a prototype instead of a field and the
 * answer silently disappears. Such items are rejected, never half-stored.
 */
export function findUnsafeKey(value: unknown, at: string): FieldError | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: at, depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop() as (typeof stack)[number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_DEPTH) return { path, message: `nested deeper than ${MAX_DEPTH} levels` };
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) stack.push({ v: item, path: `${path}[${i}]`, depth: depth + 1 });
    } else
      for (const key of Object.keys(v)) {
        const child = path ? `${path}.${key.slice(0, 64)}` : key.slice(0, 64);
        if (key === '__proto__') return { path: child, message: `key "${key}" is not allowed` };
        stack.push({ v: (v as Record<string, unknown>)[key], path: child, depth: depth + 1 });
      }
  }
  return undefined;
}
