// `all: initial !important` in the shadow root beats the host page's own !important
// rules on our host element (CSS Scoping: for important declarations the inner context wins).
// `all` leaves custom properties alone, and they inherit into the shadow tree: a host page
// defining our theme variables on :root would restyle us, so they restart from nothing here.
const VARIABLES =
  '--os-accent:initial!important;--os-accent-dark:initial!important;--os-font:initial!important;--os-radius:initial!important';
const DIALOG_HOST = `:host{all:initial!important;display:contents!important;${VARIABLES}}`;
const INLINE_HOST = `:host{all:initial!important;display:block!important;${VARIABLES}}`;

/** Adds our host rules to a shadow root through a constructable stylesheet: no <style>, so no 'unsafe-inline'. */
export function adoptHostSheet(root: ShadowRoot, placement: 'dialog' | 'inline'): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(placement === 'dialog' ? DIALOG_HOST : INLINE_HOST);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Browsers without constructable stylesheets still get the UI's own sheet.
  }
}

/** The invisible host of a dialog-placed survey: a box-less element at the end of <body>. */
export function createDialogHost(doc: Document = document): { root: ShadowRoot; remove(): void } {
  const host = doc.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  doc.body.append(host);
  return { root, remove: () => host.remove() };
}
