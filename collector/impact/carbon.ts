/// <reference path="./tgwf-co2.d.ts" />
import { co2 } from '@tgwf/co2';
import type { CarbonFigures } from '../../protocol/index.ts';

export const CARBON_MODEL = 'Sustainable Web Design v4 (@tgwf/co2), global grid intensity, not green hosted';

export type CarbonInput = {
  /** Brotli bytes of the first question's files; null when the widget is not built where WIDGET_DIST says. */
  bytesPerDisplay: number | null;
  responses: number;
  /** Gzip bytes of the year's responses as sent, in total. */
  responseBytes: number;
  /** `shown` contact events of the year; null when none is recorded (displays are then the responses). */
  shown: number | null;
  /** The population's members, or null without a roster (per learner is then per respondent). */
  members: number | null;
  respondents: number;
};

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Grams CO2e of the year's survey displays and responses, per the Sustainable Web Design model (as bench/footprint.ts). */
export function carbon(input: CarbonInput): CarbonFigures {
  const model = new co2({ model: 'swd', version: 4 });
  const bytesPerDisplay = input.bytesPerDisplay ?? 0;
  const bytesPerResponse = input.responses > 0 ? Math.round(input.responseBytes / input.responses) : 0;
  const gramsPerDisplay = model.perByte(bytesPerDisplay, false);
  const gramsPerResponse = model.perByte(bytesPerResponse, false);
  const displays = input.shown ?? input.responses;
  const gramsPerYear = displays * gramsPerDisplay + input.responses * gramsPerResponse;
  const perLearnerBase = input.members !== null && input.members > 0 ? 'population' : 'respondents';
  const learners = perLearnerBase === 'population' ? (input.members as number) : input.respondents;
  return {
    model: CARBON_MODEL,
    bytesPerDisplay,
    bytesPerResponse,
    gramsPerDisplay: round(gramsPerDisplay, 6),
    gramsPerResponse: round(gramsPerResponse, 6),
    displays,
    responses: input.responses,
    gramsPerYear: round(gramsPerYear, 3),
    gramsPerLearner: learners > 0 ? round(gramsPerYear / learners, 6) : null,
    perLearnerBase,
  };
}
