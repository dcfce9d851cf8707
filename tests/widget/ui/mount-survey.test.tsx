import { fireEvent, waitFor, within } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountSurvey, type SurveyUiProps } from '../../../widget/ui/mount-survey.tsx';
import { harnessSurvey } from '../../e2e/fixtures/ui-harness-survey.ts';

let host: HTMLElement;
let shadow: ShadowRoot;
let unmount: () => void;

function mount(overrides: Partial<SurveyUiProps> = {}) {
  const props: SurveyUiProps = {
    survey: harnessSurvey('en'),
    locale: 'en',
    placement: 'inline',
    onSubmit: vi.fn(async () => 'sent' as const),
    onDismiss: vi.fn(),
    ...overrides,
  };
  unmount = mountSurvey(shadow, props);
  return { props, ui: within(shadow as unknown as HTMLElement) };
}

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  shadow = host.attachShadow({ mode: 'open' });
});
afterEach(() => {
  unmount?.();
  host.remove();
});

describe('mountSurvey', () => {
  it('styles the shadow root with an adopted stylesheet, never a style element or attribute', () => {
    mount();
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(shadow.querySelectorAll('style, [style]')).toHaveLength(0);
  });

  it('removes its markup and stylesheet on unmount', () => {
    mount();
    unmount();
    expect(shadow.childNodes).toHaveLength(0);
    expect(shadow.adoptedStyleSheets).toHaveLength(0);
  });

  it.each([
    ['inline', 'region'],
    ['dialog', 'dialog'],
  ] as const)('renders the %s placement as a labelled %s', (placement, role) => {
    const { ui } = mount({ placement });
    expect(ui.getByRole(role, { name: 'Your career since the course' })).toBeTruthy();
  });

  it('says how long the survey takes, counting the longest branch, with plurals', async () => {
    const { ui } = mount();
    // The count comes with the rest chunk (widget/ui/flow/question-total.ts), fetched as the intro is drawn.
    expect(await ui.findByText('3 minutes, 8 questions')).toBeTruthy();
  });

  // A learner who leaves after answering leaves a partial response (widget/delivery/record-steps.ts): said before Start.
  it('tells the learner on the intro that the answers given are kept if they stop before the end', () => {
    const { ui } = mount();
    expect(ui.getByText('If you stop before the end, the answers you gave are kept.')).toBeTruthy();
  });

  it('sets the direction and language from the UI locale, once its strings have loaded', async () => {
    const { ui } = mount({ locale: 'ar', survey: harnessSurvey('ar') });
    await ui.findByRole('button', { name: 'ابدأ' });
    const root = shadow.querySelector('.os-root');
    expect([root?.getAttribute('dir'), root?.getAttribute('lang')]).toEqual(['rtl', 'ar']);
  });

  it('shows the question as the legend and heading, with progress and no preselection', async () => {
    const { ui } = mount();
    fireEvent.click(ui.getByRole('button', { name: 'Start' }));
    const heading = await ui.findByRole('heading', { name: 'What is your main situation now?' });
    expect(heading.closest('legend')).toBeTruthy();
    expect((await ui.findByText('Question 1 of 8')).getAttribute('aria-live')).toBe('polite');
    expect(ui.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
    await waitFor(() => expect(shadow.activeElement).toBe(heading));
  });

  it('focuses an error summary that links to the field when a required question is empty', async () => {
    const { ui } = mount();
    fireEvent.click(ui.getByRole('button', { name: 'Start' }));
    fireEvent.click(await ui.findByRole('button', { name: 'Continue' }));
    const summary = await waitFor(() => {
      const el = shadow.querySelector('.os-error-summary');
      expect(shadow.activeElement).toBe(el);
      return el as HTMLElement;
    });
    const link = within(summary).getByRole('link', { name: 'Select an answer' });
    fireEvent.click(link);
    expect(shadow.activeElement).toBe(ui.getByLabelText('In paid work'));
  });

  it('puts the exclusive option after an "or" divider and unticks the others', async () => {
    const { ui } = mount();
    fireEvent.click(ui.getByRole('button', { name: 'Start' }));
    fireEvent.click(await ui.findByLabelText('In paid work'));
    fireEvent.click(ui.getByRole('button', { name: 'Continue' }));
    fireEvent.click(await ui.findByLabelText('I got a new job'));
    const none = ui.getByLabelText('None of these') as HTMLInputElement;
    expect(none.closest('.os-choice')?.previousElementSibling?.textContent).toBe('or');
    fireEvent.click(none);
    await waitFor(() => expect((ui.getByLabelText('I got a new job') as HTMLInputElement).checked).toBe(false));
    expect(none.checked).toBe(true);
  });

  it('shows a live character count for free text', async () => {
    const { ui } = mount();
    fireEvent.click(ui.getByRole('button', { name: 'Start' }));
    fireEvent.click(await ui.findByLabelText('In paid work'));
    fireEvent.click(ui.getByRole('button', { name: 'Continue' }));
    for (let i = 0; i < 3; i++) fireEvent.click(await ui.findByRole('button', { name: 'Continue' }));
    const box = await ui.findByRole('textbox', { name: /Anything else/ });
    fireEvent.input(box, { target: { value: 'Hello' } });
    expect(await ui.findByText('You have 195 characters left')).toBeTruthy();
  });

  it('calls onDismiss with the reason the learner gave', async () => {
    const { ui, props } = mount();
    fireEvent.click(ui.getByRole('button', { name: "Don't ask me again" }));
    await waitFor(() => expect(props.onDismiss).toHaveBeenCalledWith('never'));
    expect(shadow.querySelector('.os-root')).toBeNull();
  });

  it('closes on Escape', async () => {
    const { props } = mount();
    fireEvent.keyDown(shadow.querySelector('.os-root') as Element, { key: 'Escape' });
    await waitFor(() => expect(props.onDismiss).toHaveBeenCalledWith('closed'));
  });

  it.each([
    ['sent', 'Your answers have been sent.'],
    ['saved', "Your answers are saved on this device. They will be sent when you're back online."],
    [
      'refused',
      'Your answers are saved on this device for now, but they cannot be sent because of a problem with this website’s settings. This is not your fault, and you do not need to do anything.',
    ],
  ] as const)('confirms "%s" and submits no sensitive answer after consent is declined', async (outcome, message) => {
    const { ui, props } = mount({ onSubmit: vi.fn(async () => outcome) });
    fireEvent.click(ui.getByRole('button', { name: 'Start' }));
    fireEvent.click(await ui.findByLabelText('Looking for work'));
    fireEvent.click(ui.getByRole('button', { name: 'Continue' }));
    for (let i = 0; i < 4; i++) fireEvent.click(await ui.findByRole('button', { name: 'Continue' }));
    fireEvent.click(await ui.findByRole('button', { name: 'No, skip them' }));
    expect(await ui.findByRole('heading', { name: 'Check your answers' })).toBeTruthy();
    fireEvent.click(ui.getByRole('button', { name: 'Send answers' }));
    expect(await ui.findByText(message)).toBeTruthy();
    expect(props.onSubmit).toHaveBeenCalledWith({
      answers: { situation: 'looking' },
      consentSensitive: false,
      consentGroups: [],
    });
  });
});
