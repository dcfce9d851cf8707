import { afterEach, describe, expect, it } from 'vitest';
import { findOwnScript } from '../../../widget/entry/find-own-script.ts';

const added: Element[] = [];
afterEach(() => {
  for (const el of added.splice(0)) el.remove();
});

function script(src: string): HTMLScriptElement {
  const el = document.createElement('script');
  el.type = 'text/plain'; // never executed by the test DOM
  el.setAttribute('src', src);
  document.head.append(el);
  added.push(el);
  return el;
}

describe('findOwnScript', () => {
  it('finds the script whose resolved src is the module URL, query included', () => {
    script('https://cdn.example/other.js');
    const own = script('https://cdn.example/outcome-survey.js?v=2');
    expect(findOwnScript('https://cdn.example/outcome-survey.js?v=2')).toBe(own);
  });

  it('finds nothing when the widget was bundled by the host', () => {
    script('https://cdn.example/app.js');
    expect(findOwnScript('https://cdn.example/assets/outcome-survey-abc.js')).toBeNull();
  });
});
