import type { Page } from 'playwright-core';

/** The buttons and headings answerSurvey reads, in the survey's language. */
export type SurveyLabels = {
  start: string;
  continue: string;
  send: string;
  consentYes: string;
  consentNo: string;
  thanks: string;
};

export const ENGLISH_LABELS: SurveyLabels = {
  start: 'Start',
  continue: 'Continue',
  send: 'Send answers',
  consentYes: 'Yes, answer them',
  consentNo: 'No, skip them',
  thanks: 'Thank you',
};

/** widget/i18n/fr.ts's words for the same steps. */
export const FRENCH_LABELS: SurveyLabels = {
  start: 'Commencer',
  continue: 'Continuer',
  send: 'Envoyer les réponses',
  consentYes: 'Oui, je réponds',
  consentNo: 'Non, je passe',
  thanks: 'Merci',
};

/**
 * Answers whatever survey is on screen the way a hurried learner would: the first
 * option of every question, consent given or declined, then "Send answers".
 * Returns the confirmation text ("sent" or "saved").
 */
export async function answerSurvey(
  page: Page,
  opts: { consent: boolean; labels?: SurveyLabels } = { consent: true },
): Promise<string> {
  const say = opts.labels ?? ENGLISH_LABELS;
  await page.getByRole('button', { name: say.start }).click();
  for (let screen = 0; screen < 60; screen++) {
    const heading = await focusedText(page);
    if (await page.getByRole('button', { name: say.send }).isVisible()) {
      await page.getByRole('button', { name: say.send }).click();
      await page.getByRole('heading', { name: say.thanks }).waitFor();
      return (await page.getByRole('heading', { name: say.thanks }).locator('xpath=..').textContent()) ?? '';
    }
    if (await page.getByRole('button', { name: say.consentYes }).isVisible()) {
      await page.getByRole('button', { name: opts.consent ? say.consentYes : say.consentNo }).click();
      continue;
    }
    await answerScreen(page);
    await page.getByRole('button', { name: say.continue }).click();
    // Each step moves focus to the new screen's heading.
    await page.waitForFunction(focusMovedFrom, heading);
  }
  throw new Error('the survey did not reach "Check your answers" within 60 screens');
}

function focusMovedFrom(previous: string): boolean {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return (active?.textContent ?? '') !== previous;
}

function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent ?? '';
  });
}

/** Answers the question screen on display (first option, a checked box, plausible text and numbers). */
export async function answerScreen(page: Page): Promise<void> {
  const radios = page.locator('input[type=radio]');
  const names = new Set<string>();
  for (const radio of await radios.all()) names.add((await radio.getAttribute('name')) ?? '');
  for (const name of names) await page.locator(`input[type=radio][name="${name}"]`).first().check();
  const boxes = page.locator('input[type=checkbox]');
  if ((await boxes.count()) > 0) await boxes.first().check();
  for (const input of await page.locator('input[type=text], textarea').all()) await input.fill('Learned a lot');
  for (const input of await page.locator('input[type=number], input[inputmode=numeric]').all())
    await input.fill('2024');
  for (const select of await page.locator('select').all()) await select.selectOption({ index: 1 });
}
