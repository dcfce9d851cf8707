/**
 * The invisible host of a dialog-placed survey: an element at the end of <body> that the
 * survey's own stylesheet makes box-less (`:host(outcome-survey-dialog)` in ui/survey-css.ts).
 * A tag of its own, not a <div>, so the page's `div { … }` rules do not target it and hosts
 * can theme it by name (ui/THEMING.md); it is never defined as a custom element.
 */
export function createDialogHost(doc: Document = document): { root: ShadowRoot; remove(): void } {
  const host = doc.createElement('outcome-survey-dialog');
  const root = host.attachShadow({ mode: 'open' });
  doc.body.append(host);
  return { root, remove: () => host.remove() };
}
