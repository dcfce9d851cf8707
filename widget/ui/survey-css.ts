// The widget's only styles, adopted into its shadow root. `all: initial` on the host and an
// explicit font and colours on the root stop a host page's inherited styles from leaking in.
// Sizes are in em from a 16px floor so a host's `html { font-size: 62.5% }` cannot shrink the text.
// Contrast (WCAG 1.4.3/1.4.11): text ≥ 4.5:1, focus ring and borders ≥ 3:1, in both colour schemes.
export const SURVEY_CSS = `
:host{all:initial;display:block}
.os-root{--_accent:var(--os-accent,#1d70b8);--_on-accent:#fff;--_bg:#fff;--_fg:#0b0c0c;--_muted:#505a5f;--_border:#6f777b;--_error:#b3261e;--_ring:#0b0c0c;
color-scheme:light;box-sizing:border-box;font:400 max(16px,1em)/1.5 var(--os-font,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif);
color:var(--_fg);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--os-radius,6px);padding:.75em 1.25em 1.25em;text-align:start;overflow-wrap:anywhere}
@media (prefers-color-scheme:dark){.os-root{--_accent:var(--os-accent-dark,#9cc3ff);--_on-accent:#0b0c0c;--_bg:#1d1e20;--_fg:#f1f1f1;--_muted:#c8cacc;--_border:#8d9196;--_error:#ffa096;--_ring:#ffdd00;color-scheme:dark}}
.os-root *,.os-root *::before,.os-root *::after{box-sizing:border-box}
.os-dialog{position:fixed;inset-block-end:1em;inset-inline-end:1em;z-index:2147483000;inline-size:min(26em,calc(100% - 2em));max-block-size:calc(100% - 2em);overflow:auto;box-shadow:0 .25em 1.5em rgb(0 0 0/.3)}
.os-inline{max-inline-size:40em}
@media (prefers-reduced-motion:no-preference){.os-dialog{animation:os-in .2s ease-out}}
@keyframes os-in{from{opacity:0;transform:translateY(.5em)}}
.os-root h2,.os-root h3,.os-root p,.os-root ul,.os-root dl,.os-root dd{margin:0 0 1em}
.os-root fieldset{border:0;padding:0;margin:0 0 1.25em;min-inline-size:0}
.os-root legend{padding:0}
.os-root a{color:var(--_accent)}
.os-bar{display:flex;align-items:flex-start;justify-content:space-between;gap:.5em}
.os-root .os-title{margin:.375em 0 .25em;color:var(--_muted);font-size:.9375em}
.os-root .os-progress{margin:0 0 .5em;color:var(--_muted);font-size:.9375em}
.os-root .os-progress:empty{margin:0}
.os-root .os-heading{font-size:1.375em;line-height:1.3;font-weight:700;margin:0 0 .75em}
.os-heading:focus{outline:none}
.os-optional{font-weight:400;color:var(--_muted);font-size:.8em}
.os-root .os-hint{color:var(--_muted);margin:-.25em 0 .75em}
.os-length,.os-strong,.os-row-legend,.os-root dt{font-weight:700}
.os-root .os-list{padding-inline-start:1.25em}
.os-list li{margin-block-end:.375em}
.os-choice{display:flex;align-items:flex-start;gap:.625em;margin-block-end:.5em}
.os-choice input{flex:none;inline-size:1.5em;block-size:1.5em;margin:0;accent-color:var(--_accent);cursor:pointer}
.os-choice label{flex:1;cursor:pointer;padding-block:.0625em}
.os-root .os-or{margin:.25em 0 .5em}
.os-row{margin-block-end:1em}
.os-row-legend{margin-block-end:.5em}
.os-input{font:inherit;color:var(--_fg);background:var(--_bg);border:2px solid var(--_fg);border-radius:calc(var(--os-radius,6px)/2);padding:.375em .5em;min-block-size:2.5em;max-inline-size:100%}
.os-number{inline-size:8em}
.os-year{inline-size:5em}
.os-textarea{display:block;inline-size:100%;resize:vertical}
.os-date{display:flex;flex-wrap:wrap;gap:1em}
.os-date-item{display:flex;flex-direction:column;gap:.25em}
.os-root .os-count{color:var(--_muted);margin:.375em 0 0}
.os-root .os-count-over{color:var(--_error);font-weight:700}
.os-actions{display:flex;flex-wrap:wrap;gap:.75em;margin-block-end:1em}
.os-button{font:inherit;font-weight:700;min-block-size:2.75em;padding:.5em 1.25em;border:2px solid var(--_accent);border-radius:var(--os-radius,6px);background:var(--_accent);color:var(--_on-accent);cursor:pointer}
.os-button.os-secondary{background:transparent;color:var(--_accent)}
.os-button[aria-disabled=true]{cursor:progress}
.os-link,.os-back{font:inherit;color:var(--_accent);background:none;border:0;padding:.125em 0;min-block-size:1.5em;text-decoration:underline;cursor:pointer;text-align:start}
.os-back{margin-block-end:.75em;font-size:.9375em}
.os-close{font:inherit;font-size:1.5em;line-height:1;flex:none;inline-size:1.75em;block-size:1.75em;padding:0;background:none;border:0;border-radius:var(--os-radius,6px);color:var(--_fg);cursor:pointer}
.os-error-summary{border:4px solid var(--_error);padding:1em;margin-block-end:1.25em}
.os-root .os-error-title{font-size:1.125em;margin:0 0 .5em}
.os-root .os-error-list{margin:0;padding:0;list-style:none}
.os-error-list a,.os-root .os-error-message{color:var(--_error);font-weight:700}
.os-root .os-error-message{margin:0 0 .5em}
.os-root .os-group-error{border-inline-start:4px solid var(--_error);padding-inline-start:.75em}
.os-root .os-summary{margin-block-end:1.25em}
.os-summary-row{border-block-end:1px solid var(--_border);padding-block:.625em}
.os-root .os-summary-row dd{margin:0;white-space:pre-line}
.os-muted{color:var(--_muted)}
.os-vh{position:absolute;inline-size:1px;block-size:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
.os-root :focus-visible{outline:3px solid var(--_ring);outline-offset:2px}
.os-heading:focus-visible{outline:none}
@media (forced-colors:active){.os-root,.os-input,.os-error-summary,.os-group-error{border-color:CanvasText}.os-button{border-color:ButtonText}.os-root :focus-visible{outline-color:Highlight}}
`;
