/** The id of a field's first control, which the error summary links to ("<id>.year" → "os-f-<id>-year"). */
export function domId(field: string): string {
  return `os-f-${field.replace('.', '-')}`;
}
