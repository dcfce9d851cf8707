import { h } from 'preact';
import type { Translator } from '../../../i18n/index.ts';
import { domId } from '../../fields/dom-id.ts';

type Props = { id: string; value: string; invalid: boolean; tr: Translator; onChange(value: string | undefined): void };

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/** A month select and a year box, stored together as "YYYY-MM" (kept partial while typing; checked on Continue). */
export function MonthYearInput({ id, value, invalid, tr, onChange }: Props) {
  const [year = '', month = ''] = value.split('-');
  const names = new Intl.DateTimeFormat(tr.lang, { month: 'long', timeZone: 'UTC' });
  const emit = (y: string, m: string) => onChange(y || m ? `${y}-${m}` : undefined);
  return (
    <div class="os-date">
      <div class="os-date-item">
        <label for={domId(id)}>{tr.t('month')}</label>
        <select id={domId(id)} class="os-input" value={month} onChange={(e) => emit(year, e.currentTarget.value)}>
          <option value="">{tr.t('chooseMonth')}</option>
          {MONTHS.map((m) => (
            <option key={m} value={m}>
              {names.format(new Date(Date.UTC(2000, Number(m) - 1, 1)))}
            </option>
          ))}
        </select>
      </div>
      <div class="os-date-item">
        <label for={domId(`${id}.year`)}>{tr.t('year')}</label>
        <input
          id={domId(`${id}.year`)}
          class="os-input os-year"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          aria-invalid={invalid}
          value={year}
          onInput={(e) => emit(e.currentTarget.value.trim(), month)}
        />
      </div>
    </div>
  );
}
