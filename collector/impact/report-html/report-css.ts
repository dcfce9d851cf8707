// Inline so the file stands alone; colours pass WCAG AA on white (#1a1a1a text, #0b5394 bars and links).
export const REPORT_CSS = `
*{box-sizing:border-box}body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;background:#fff;margin:0}
main,header,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;outline:3px solid #0b5394}
a{color:#0b5394}h1{font-size:1.8rem}h2{font-size:1.4rem;border-bottom:2px solid #0b5394;margin-top:2rem}
.table-wrap{overflow-x:auto;max-width:100%}table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
caption{text-align:left;font-weight:600;padding:.25rem 0}th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f0f0f0}.withheld,.na{font-style:italic;color:#4a4a4a}.warning{border-left:4px solid #8a5300;padding-left:.5rem}
.chart{max-width:40rem;display:block;font-size:12px}.chart text{fill:#1a1a1a}.chart .muted{fill:#4a4a4a}
.chart .bar{fill:#0b5394}.chart .ci{stroke:#1a1a1a;stroke-width:2}
.status-met{color:#1e6b1e;font-weight:600}.status-not_met{color:#a30000;font-weight:600}.status-undetermined{font-weight:600}
@page{size:A4;margin:15mm}
@media print{.skip{display:none}section{break-before:page}section#summary{break-before:auto}table,svg{break-inside:avoid}a{color:#1a1a1a}}
`;
