import { describe, expect, it } from 'vitest';
import { UNDERSERVED_AREA_RULE, underservedArea } from '../../../collector/flags/underserved-area.ts';

describe('underservedArea', () => {
  it.each([
    ['yes (default pack)', { area: 'yes' }, true],
    ['no (default pack)', { area: 'no' }, false],
    ['yes to QPV/FRR', { area_fr: 'yes' }, true],
    ['no to IMD (GB)', { area_gb: 'no' }, false],
    ['yes to rural (US)', { area_us: 'yes' }, true],
    ['no to kaso (JP)', { area_jp: 'no' }, false],
    ["I don't know", { area_fr: 'dont_know' }, null],
    ['prefer not to say', { area_gb: 'prefer_not_to_say' }, null],
    ['unanswered', {}, null],
  ])('gives %s → %s', (_name, answers, value) => {
    expect(underservedArea(answers)).toEqual({ value, rule: UNDERSERVED_AREA_RULE });
  });
});
