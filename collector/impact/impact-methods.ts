import type { Impact, SurveyDefinition } from '../../protocol/index.ts';

/** How each figure was made, in plain words from the figures themselves (docs/impact.md "Figures and definitions"). */
export function impactMethods(impact: Impact, _survey: SurveyDefinition): Impact['methods'] {
  const r = impact.rules;
  return [
    {
      id: 'suppression',
      title: 'Small numbers',
      text: `No count below ${r.minCell} people is shown, shown counts are rounded to the nearest ${r.roundTo}, and no rate is given on fewer than ${r.minPercentBase} people.`,
    },
  ];
}
