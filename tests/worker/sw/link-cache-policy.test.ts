import { describe, expect, it } from 'vitest';
import { linkCachePolicy } from '../../../worker/sw/link-cache-policy.ts';

const scope = 'https://collector.example/s/';
const get = (url: string, mode = 'no-cors') => ({ url, method: 'GET', mode });

describe("the link page worker's cache rule", () => {
  it.each([
    ['a built file', get('https://collector.example/s/assets/outcome-survey-rest-Ab12.js'), 'asset'],
    ['the page stylesheet', get('https://collector.example/s/assets/link-page.css'), 'asset'],
    ['the link page, opened', get('https://collector.example/s/eyJhIjoxfQ_sig', 'navigate'), 'page'],
    ['the link page, fetched by a script', get('https://collector.example/s/eyJhIjoxfQ_sig', 'cors'), 'none'],
    ['the unsubscribe page', get('https://collector.example/s/eyJhIjoxfQ_sig/unsubscribe', 'navigate'), 'none'],
    ['the worker script', get('https://collector.example/s/outcome-survey-sw.js', 'navigate'), 'none'],
    ['the survey (API)', get('https://collector.example/v1/surveys/career-outcomes?locale=en', 'cors'), 'none'],
    ['an answer (API)', { url: 'https://collector.example/v1/responses', method: 'POST', mode: 'cors' }, 'none'],
    ['a file of a sub-folder', get('https://collector.example/s/assets/a/b.js'), 'none'],
    ['another origin', get('https://cdn.example/s/assets/outcome-survey.js'), 'none'],
    ['a POST under /s/', { url: 'https://collector.example/s/tok', method: 'POST', mode: 'navigate' }, 'none'],
  ])('treats %s as %s', (_what, request, expected) => {
    expect(linkCachePolicy(request, scope)).toBe(expected);
  });
});
