import { h } from 'preact';
/** GOV.UK's back link, as a button: going back is a state change, not a navigation. */
export function BackButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" class="os-back" onClick={onClick}>
      <span aria-hidden="true">‹ </span>
      {label}
    </button>
  );
}
