/**
 * The <script> that loaded us. `document.currentScript` is null in modules
 * (https://html.spec.whatwg.org/#dom-document-currentscript), so match on the URL.
 */
export function findOwnScript(moduleUrl: string, doc: Document = document): HTMLScriptElement | null {
  for (const script of doc.querySelectorAll<HTMLScriptElement>('script[src]')) {
    if (script.src === moduleUrl) return script;
  }
  return null;
}
