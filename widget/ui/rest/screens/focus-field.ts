import { domId } from '../../fields/dom-id.ts';

/** The error summary's links work inside a shadow root, where "#id" would search the host document. */
export function focusField(event: Event, field: string): void {
  event.preventDefault();
  const root = (event.currentTarget as Node).getRootNode() as Document | ShadowRoot;
  root.getElementById(domId(field))?.focus();
}
