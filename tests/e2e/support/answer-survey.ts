import type { Page } from 'playwright-core';

/**
 * Answers whatever survey is on screen the way a hurried learner would: the first
 * option of every question, consent given or declined, then "Send answers".
 * Returns the confirmation text ("sent" or "saved").
 */
export async function answerSurvey(page: Page, opts: { consent: boolean } = { consent: true }): Promise<string> {
  await page.getByRole('button', { name: 'Start' }).click();
  for (let screen = 0; screen < 60; screen++) {
    const heading = await focusedText(page);
    if (await page.getByRole('button', { name: 'Send answers' }).isVisible()) {
      await page.getByRole('button', { name: 'Send answers' }).click();
      await page.getByRole('heading', { name: 'Thank you' }).waitFor();
      return (await page.getByRole('heading', { name: 'Thank you' }).locator('xpath=..').textContent()) ?? '';
    }
    if (await page.getByRole('button', { name: 'Yes, answer them' }).isVisible()) {
      await page.getByRole('button', { name: opts.consent ? 'Yes, answer them' : 'No, skip them' }).click();
      continue;
    }
    await answerScreen(page);
    await page.getByRole('button', { name: 'Continue' }).click();
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
