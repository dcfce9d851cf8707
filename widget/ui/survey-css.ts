// The widget's only styles, adopted into its shadow root; selectors here match nothing outside it,
// so element selectors need no `.os-root` prefix. `all: initial !important` on the host beats the
// host page's own !important rules on our host element (CSS Scoping: for important declarations
// the inner context wins) and resets what would inherit (writing mode, text-align, color-scheme),
// so block-axis sizes can be plain width/height.
// The theme properties get their defaults on the host: a page rule on the host element itself
// (`outcome-survey { --os-accent: … }`) still wins over a :host rule, but an ancestor's (:root)
// value is no longer inherited (THEMING.md). Dialogs sit in a box-less <outcome-survey-dialog>.
// Sizes are in em from a 16px floor so a host's `html { font-size: 62.5% }` cannot shrink the text.
// Contrast (WCAG 1.4.3/1.4.11): text ≥ 4.5:1, focus ring and borders ≥ 3:1, in both colour schemes.
// What only widget/ui/rest/ draws (typed inputs and grids, error states, the screens that are not
// questions) is styled in rest/styles.ts.
export const SURVEY_CSS = `
:host{all:initial!important;display:block!important;--os-accent:#1d70b8;--os-accent-dark:#9cc3ff;--os-font:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;--os-radius:6px}
:host(outcome-survey-dialog){display:contents!important}
.os-root{--_accent:var(--os-accent);--_on-accent:#fff;--_bg:#fff;--_fg:#0b0c0c;--_muted:#505a5f;--_border:#6f777b;--_error:#b3261e;--_ring:#0b0c0c;
font:400 max(16px,1em)/1.5 var(--os-font);color:var(--_fg);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--os-radius);padding:.75em 1.25em 1.25em;overflow-wrap:anywhere}
@media (prefers-color-scheme:dark){.os-root{--_accent:var(--os-accent-dark);--_on-accent:#0b0c0c;--_bg:#1d1e20;--_fg:#f1f1f1;--_muted:#c8cacc;--_border:#8d9196;--_error:#ffa096;--_ring:#ffdd00;color-scheme:dark}}
*,::before,::after{box-sizing:border-box}
button,input,select,textarea{font:inherit}
button,.os-choice>*{cursor:pointer}
.os-dialog{position:fixed;bottom:1em;inset-inline-end:1em;z-index:2147483000;width:min(26em,calc(100% - 2em));max-height:calc(100% - 2em);overflow:auto;box-shadow:0 .25em 1.5em rgb(0 0 0/.3)}
.os-inline{max-width:40em}
@media (prefers-reduced-motion:no-preference){.os-dialog{animation:os-in .2s ease-out}}
@keyframes os-in{from{opacity:0;transform:translateY(.5em)}}
h2,p{margin:0 0 1em}
fieldset{border:0;padding:0;margin:0 0 1.25em;min-width:0}
legend{padding:0}
a{color:var(--_accent)}
.os-bar{display:flex;align-items:flex-start;justify-content:space-between;gap:.5em}
.os-title,.os-progress,.os-back{font-size:.9375em}
.os-title,.os-progress,.os-optional,.os-hint{color:var(--_muted)}
.os-title{margin:.375em 0 .25em}
.os-progress{margin:0 0 .5em}
.os-progress:empty{margin:0}
.os-heading{font-size:1.375em;line-height:1.3;font-weight:700;margin:0 0 .75em}
.os-heading:focus{outline:none}
.os-optional{font-weight:400;font-size:.8em}
.os-hint{margin:-.25em 0 .75em}
.os-length{font-weight:700}
.os-choice{display:flex;align-items:flex-start;gap:.625em;margin-bottom:.5em}
.os-choice input{flex:none;width:1.5em;height:1.5em;margin:0;accent-color:var(--_accent)}
.os-choice label{flex:1;padding:.0625em 0}
.os-or{margin:.25em 0 .5em}
.os-actions{display:flex;flex-wrap:wrap;gap:.75em;margin-bottom:1em}
.os-button{font-weight:700;min-height:2.75em;padding:.5em 1.25em;border:2px solid var(--_accent);border-radius:var(--os-radius);background:var(--_accent);color:var(--_on-accent)}
.os-secondary{background:none;color:var(--_accent)}
.os-link,.os-back,.os-close{background:none;border:0}
.os-link,.os-back{color:var(--_accent);padding:.125em 0;min-height:1.5em;text-decoration:underline;text-align:start}
.os-back{margin-bottom:.75em}
.os-close{font-size:1.5em;line-height:1;flex:none;width:1.75em;height:1.75em;padding:0;border-radius:var(--os-radius);color:var(--_fg)}
:focus-visible{outline:3px solid var(--_ring);outline-offset:2px}
@media (forced-colors:active){.os-root{border-color:CanvasText}.os-button{border-color:ButtonText}:focus-visible{outline-color:Highlight}}
`;
