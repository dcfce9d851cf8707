import { Hono } from 'hono';
import { LocaleTag, pickText, resolveSurvey } from '../../protocol/index.ts';
import { jsonError, quote } from '../http/json-error.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';

const COUNTRY = /^[A-Z]{2}$/;

export function surveyRoutes(surveys: SurveyRegistry): Hono {
  const app = new Hono();
  app.get('/v1/surveys', (c) => {
    const locale = c.req.query('locale') ?? 'en';
    return c.json(surveys.list().map((d) => ({ id: d.id, version: d.version, title: pickText(d.title, locale) })));
  });
  app.get('/v1/surveys/:id', (c) => {
    const id = c.req.param('id');
    const { country, locale = 'en' } = c.req.query();
    const errors = [];
    if (country !== undefined && !COUNTRY.test(country))
      errors.push({
        path: 'country',
        message: `expected an ISO 3166-1 alpha-2 code such as "FR", got ${quote(country)}`,
      });
    if (!LocaleTag.safeParse(locale).success)
      errors.push({
        path: 'locale',
        message: `expected a BCP 47 language tag such as "fr" or "en-GB", got ${quote(locale)}`,
      });
    if (errors.length) return jsonError(c, 400, 'bad survey query', errors);
    const def = surveys.latest(id);
    if (!def) return jsonError(c, 404, `no survey with id ${quote(id)}`);
    // Storable, so the browser keeps a copy: the widget asks again at each prompt (no-cache) and shows
    // the kept copy when the collector cannot be reached (widget/core/load-survey.ts). Definitions change
    // only with a deploy, so a copy a few minutes old is also fine for other readers.
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(resolveSurvey(def, { country, locale }));
  });
  return app;
}
