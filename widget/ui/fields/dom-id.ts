/** The id of a field's first control, which the error summary links to ("<id>.year" → "os-f-<id>-year"). */
export function domId(field: string): string {
  return `os-f-${field.replace('.', '-')}`;
}

/** The error summary's links work inside a shadow root, where "#id" would search the host document. */
export function focusField(event: Event, field: string): void {
  event.preventDefault();
  const root = (event.currentTarget as Node).getRootNode() as Document | ShadowRoot;
  root.getElementById(domId(field))?.focus();
}
