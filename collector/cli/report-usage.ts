// The text of `npm run report -- --help`: every option the report command accepts, with an example.
export const REPORT_USAGE = `Usage: npm run report -- [options]

Prints the disclosure-controlled aggregate report (the same figures as GET /v1/report), as JSON,
or as CSV or Markdown tables with withheld cells marked as such.

Options:
  --format FMT       json (default), csv (one line per cell) or md     --format md
  --survey ID        survey to report on (default: the only survey)    --survey career-outcomes
  --by DIMS          row dimensions, comma-separated                   --by country,year
  --country CC       only responses from this country                  --country FR
  --course_id ID     only responses from this course                   --course_id python-101
  --path_id ID       only responses from this learning path            --path_id data-analyst
  --version N        only this survey version                          --version 2
  --from YYYY-MM     first whole month included                        --from 2026-01
  --to YYYY-MM       last whole month included                         --to 2026-06
  --out FILE         write the report to FILE instead of stdout        --out report.json
  --help             print this help and exit

Examples:
  npm run report -- --survey career-outcomes --by country,year --from 2026-01 --out report.json
  npm run report -- --by country,year --format csv --out report.csv
`;
