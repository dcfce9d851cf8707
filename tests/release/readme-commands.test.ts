import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const start = readFileSync(new URL('../../scripts/start.ts', import.meta.url), 'utf8');

function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

// A variable a reader pastes must have a value: set in that snippet or an earlier one of README.md.
function unsetVariables(markdown: string): string[] {
  const assigned = new Set<string>();
  const unset: string[] = [];
  for (const block of shellBlocks(markdown)) {
    for (const match of block.matchAll(/(?:^|[\s;(])(?:export\s+)?([A-Z_][A-Z0-9_]*)=/gm)) {
      assigned.add(match[1] ?? '');
    }
    for (const match of block.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)/g)) {
      const name = match[1] ?? '';
      if (!assigned.has(name)) unset.push(name);
    }
  }
  return [...new Set(unset)];
}

describe('README.md shell snippets', () => {
  it('use only variables set within README.md before they are used', () => {
    expect(unsetVariables(readme), 'set these in the quick-start snippet of README.md').toEqual([]);
  });

  it('flags a variable that nothing sets', () => {
    expect(unsetVariables('```sh\ncurl -H "Bearer $TOKEN" x\n```\n')).toEqual(['TOKEN']);
    expect(unsetVariables('```sh\nTOKEN=a\n```\n```sh\ncurl $TOKEN\n```\n')).toEqual([]);
  });

  it('point to the export token line that npm start prints', () => {
    expect(readme).toContain('the "Export token" line npm start prints');
    expect(start).toContain('`  Export token ');
  });
});
