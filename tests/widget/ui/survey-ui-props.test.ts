import { describe, expectTypeOf, it } from 'vitest';
import type { SubmitResult as EmbedResult } from '../../../widget/delivery/build-response.ts';
import type { SurveyUiProps } from '../../../widget/ui/mount-survey.tsx';

// Checked by `npm run typecheck` (tsconfig.tests.json); the runtime assertion is a formality.
describe('the result the UI hands to the embed', () => {
  it('is one type: what onSubmit receives is what buildResponse takes', () => {
    expectTypeOf<Parameters<SurveyUiProps['onSubmit']>[0]>().toEqualTypeOf<EmbedResult>();
  });
});
