// The as-of day: memberships, recognitions and stances as they stood on that day.
import { useEffect, useState } from 'preact/hooks';
import { isDay } from '../../src/model/grammar.ts';
import { todayUtc } from '../format.ts';

export function AsOfControl({ asOf, isDefault, onChange }: { asOf: string; isDefault: boolean; onChange: (d: string | undefined) => void }) {
  const [text, setText] = useState(asOf);
  useEffect(() => setText(asOf), [asOf]);
  const commit = (v: string) => {
    if (!isDay(v)) return;
    onChange(v === todayUtc() ? undefined : v);
  };
  return (
    <div class="asof">
      <label for="as-of">As of</label>
      <input
        id="as-of"
        type="date"
        value={text}
        min="1945-01-01"
        max="2099-12-31"
        aria-describedby="as-of-help"
        onInput={(e) => {
          const v = (e.target as HTMLInputElement).value;
          setText(v);
          commit(v);
        }}
      />
      <button type="button" class="button subtle" disabled={isDefault} onClick={() => onChange(undefined)}>
        Today
      </button>
      <span id="as-of-help" class="help">
        memberships, recognitions and stances on that day
      </span>
    </div>
  );
}
