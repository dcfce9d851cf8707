// The styles of what widget/ui/rest/ draws: typed inputs, the error summary and messages, and the
// screens that are not questions. Adopted after SURVEY_CSS (../survey-css.ts), whose variables they
// use, before any of those parts renders.
// The dialog's layout too (issue 19): on a screen tall enough, the title bar, the progress line and each
// screen's actions (with the consent question) stay in view while only the screen's .os-scroll part scrolls.
// Nothing is laid over what scrolls, unlike sticky bars, so no field or target can be hidden under them
// (axe target-size, WCAG 2.4.11) and no measured scroll-padding is needed; the scroller's padding keeps a
// focus ring unclipped. On a short screen (a phone on its side) the whole dialog scrolls as before, as it
// does until this chunk arrives: the intro is drawn first and fits.
export const REST_CSS = `
h3,ul,dl,dd{margin:0 0 1em}
.os-count,.os-muted{color:var(--_muted)}
.os-strong,dt{font-weight:700}
.os-count-over,.os-error-list a,.os-error-message{color:var(--_error);font-weight:700}
.os-error-message{margin:0 0 .5em}
.os-group-error{border-inline-start:4px solid var(--_error);padding-inline-start:.75em}
.os-button[aria-disabled=true]{cursor:progress}
.os-list{padding-inline-start:1.25em}
.os-list li{margin-bottom:.375em}
.os-input{color:var(--_fg);background:var(--_bg);border:2px solid var(--_fg);border-radius:calc(var(--os-radius)/2);padding:.375em .5em;min-height:2.5em;max-width:100%}
.os-number{width:8em}
.os-year{width:5em}
.os-textarea{display:block;width:100%;resize:vertical}
.os-date{display:flex;flex-wrap:wrap;gap:1em}
.os-date-item{display:flex;flex-direction:column;gap:.25em}
.os-count{margin:.375em 0 0}
.os-row{margin-bottom:1em}
.os-row-legend{font-weight:700;margin-bottom:.5em}
.os-error-summary{border:4px solid var(--_error);padding:1em;margin-bottom:1.25em}
.os-error-title{font-size:1.125em;margin:0 0 .5em}
.os-error-list{margin:0;padding:0;list-style:none}
.os-summary{margin-bottom:1.25em}
.os-summary-row{border-bottom:1px solid var(--_border);padding:.625em 0}
.os-summary-row dd{margin:0;white-space:pre-line}
.os-vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
@media (min-height:30em){.os-dialog,.os-dialog .os-screen{display:flex;flex-direction:column;min-height:0}
.os-dialog .os-scroll{overflow:auto;margin:0 -.375em;padding:.375em;scroll-padding:.375em}
.os-dialog .os-screen>.os-link{align-self:start}}
@media (forced-colors:active){.os-input,.os-error-summary,.os-group-error{border-color:CanvasText}}
`;
