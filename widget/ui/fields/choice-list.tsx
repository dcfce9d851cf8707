import { Fragment, h } from 'preact';
import type { ResolvedQuestion } from '../../../protocol/index.ts';
import { PREFER_NOT_TO_SAY } from '../../../protocol/option-ids.ts';
import type { Translator } from '../../i18n/index.ts';
import { domId } from './dom-id.ts';

type Option = NonNullable<ResolvedQuestion['options']>[number];

type Props = {
  name: string;
  type: 'radio' | 'checkbox';
  options: readonly Option[];
  chosen: readonly string[];
  tr: Translator;
  onPick(option: string, checked: boolean): void;
};

/**
 * Real radios or checkboxes with labels, none preselected. "None of these" (exclusive) and
 * "Prefer not to say" come last, after an "or" divider, as in the GOV.UK checkboxes and
 * equality-information patterns.
 */
export function ChoiceList({ name, type, options, chosen, tr, onPick }: Props) {
  const last = (o: Option) => o.id === PREFER_NOT_TO_SAY || Boolean(o.exclusive);
  const ordered = [...options.filter((o) => !last(o)), ...options.filter(last)];
  const firstLast = ordered.findIndex(last);
  return (
    <div class="os-choices">
      {ordered.map((o, i) => {
        const id = i === 0 ? domId(name) : `${domId(name)}-${i}`;
        return (
          <Fragment key={o.id}>
            {i === firstLast && i > 0 && <p class="os-or">{tr.t('or')}</p>}
            <div class="os-choice">
              <input
                id={id}
                type={type}
                name={name}
                value={o.id}
                checked={chosen.includes(o.id)}
                onChange={(e) => onPick(o.id, e.currentTarget.checked)}
              />
              <label for={id}>{o.label}</label>
            </div>
          </Fragment>
        );
      })}
    </div>
  );
}
