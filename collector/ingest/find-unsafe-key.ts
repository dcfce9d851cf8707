import type { FieldError } from '../../protocol/index.ts';

// A SurveyResponse is at most 4 levels deep (response → answers → list → option); anything far deeper is junk.
const MAX_DEPTH = 16;

/** Where a value sits: its parent and its key there. The path string is built only for an error (issue 20). */
type Place = { v: unknown; parent: Place | undefined; key: string | number; depth: number };

function pathOf(place: Place, at: string): string {
  const keys: (string | number)[] = [];
  for (let p: Place | undefined = place; p?.parent; p = p.parent) keys.push(p.key);
  let path = at;
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i];
    if (typeof key === 'number') path = `${path}[${key}]`;
    else path = path ? `${path}.${key.slice(0, 64)}` : key.slice(0, 64);
  }
  return path;
}

/**
 * JSON.parse keeps "__proto__" as an own key, but copying such an object by
 * assignment (as schema parsers do) sets a prototype instead of a field and the
 * answer silently disappears. Such items are rejected, never half-stored.
 */
export function findUnsafeKey(value: unknown, at: string): FieldError | undefined {
  const stack: Place[] = [{ v: value, parent: undefined, key: '', depth: 0 }];
  while (stack.length) {
    const place = stack.pop() as Place;
    const { v, depth } = place;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_DEPTH) return { path: pathOf(place, at), message: `nested deeper than ${MAX_DEPTH} levels` };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], parent: place, key: i, depth: depth + 1 });
    } else
      for (const key of Object.keys(v)) {
        const child: Place = { v: (v as Record<string, unknown>)[key], parent: place, key, depth: depth + 1 };
        if (key === '__proto__') return { path: pathOf(child, at), message: `key "${key}" is not allowed` };
        stack.push(child);
      }
  }
  return undefined;
}
