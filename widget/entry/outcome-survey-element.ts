import { OPTION_ATTRIBUTES } from '../core/options/option-table.ts';
import type { OutcomeSurveyCore } from '../core/outcome-survey.ts';

/**
 * <outcome-survey endpoint=… site-key=… survey=…>: the same options as the script
 * tag, as plain attributes, placing the survey inline. Attribute changes restart it.
 */
export function defineOutcomeSurveyElement(core: () => Promise<OutcomeSurveyCore>): void {
  if (typeof customElements === 'undefined' || customElements.get('outcome-survey')) return;
  const report = (error: unknown) => console.error('outcome-survey: <outcome-survey> failed', error);
  customElements.define(
    'outcome-survey',
    class extends HTMLElement {
      static observedAttributes = [...OPTION_ATTRIBUTES];
      private queued = false;
      connectedCallback(): void {
        this.refresh();
      }
      attributeChangedCallback(): void {
        if (this.isConnected) this.refresh();
      }
      disconnectedCallback(): void {
        core()
          .then((c) => !this.isConnected && c.detach(this))
          .catch(report);
      }
      // Several attribute changes in one task restart the survey once.
      private refresh(): void {
        if (this.queued) return;
        this.queued = true;
        core()
          .then((c) => {
            this.queued = false;
            if (this.isConnected) c.attach(this);
          })
          .catch(report);
      }
    },
  );
}
