// Permalink and downloads. The downloads are the page URL plus .csv / .json, byte-identical to
// `accede evaluate … --csv/--json`; in a static export they are computed here with the same function.
import { useState } from 'preact/hooks';
import type { Indexed } from '../../src/model/dataset.ts';
import type { Assignment } from '../../src/model/drivers.ts';
import type { CaseData } from '../../src/model/schema.ts';
import { caseCsv, caseJsonText } from '../../src/case/exports.ts';
import type { ClientConfig } from '../../src/case/client-config.ts';
import { formatScenarioQuery } from '../../src/case/permalink.ts';
import { longDate } from '../format.ts';
import { currentHref, href } from '../router.ts';

export interface ShareProps {
  ix: Indexed;
  config: ClientConfig;
  c: CaseData;
  asOf: string;
  /** Whether the as-of is the default (today) and so absent from the link. */
  asOfDefault: boolean;
  fixed: Assignment;
}

export function Share({ ix, config, c, asOf, asOfDefault, fixed }: ShareProps) {
  const [status, setStatus] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const pinned = () => {
    const u = new URL(currentHref());
    u.searchParams.set('v', '1');
    u.searchParams.set('as', asOf);
    return u.toString();
  };
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`${what} copied`);
      setShown(null);
    } catch {
      setShown(text);
      setStatus('Copy the link below');
    }
  };
  const base = `case/${c.candidate}/${c.organization}`;
  const query = formatScenarioQuery({ asOf: asOfDefault ? undefined : asOf, fixed });
  const download = (format: 'csv' | 'json') => (e: Event) => {
    if (config.mode !== 'static') return; // the server answers the link itself
    e.preventDefault();
    const text = format === 'csv' ? caseCsv(ix, c, asOf, fixed) : `${caseJsonText(ix, c, asOf, fixed)}\n`;
    const blob = new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${c.candidate}-${c.organization}-${asOf}.${format}`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return (
    <div class="share">
      <div class="share-links">
        <button type="button" class="button" onClick={() => copy(currentHref(), 'Link')}>
          Copy link
        </button>
        <button type="button" class="button subtle" onClick={() => copy(pinned(), 'Link pinned to ' + longDate(asOf))} title="A link that keeps showing this day, whenever it is opened">
          Copy link pinned to {longDate(asOf)}
        </button>
        <span class="downloads">
          Download{' '}
          <a href={href(`${base}.csv`) + query} download={`${c.candidate}-${c.organization}-${asOf}.csv`} onClick={download('csv')} data-testid="download-csv">
            CSV
          </a>{' '}
          ·{' '}
          <a href={href(`${base}.json`) + query} download={`${c.candidate}-${c.organization}-${asOf}.json`} onClick={download('json')} data-testid="download-json">
            JSON
          </a>
        </span>
        <span class="status" role="status" aria-live="polite">
          {status}
        </span>
      </div>
      {shown && (
        <label class="copy-field">
          Link
          <input type="text" readOnly value={shown} onFocus={(e) => (e.target as HTMLInputElement).select()} />
        </label>
      )}
      <p class="cli">
        Same numbers from the command line:{' '}
        <code>
          accede evaluate {c.candidate} {c.organization} --as-of {asOf}
          {Object.entries(fixed)
            .sort()
            .map(([k, v]) => ` --set ${k}=${v}`)
            .join('')}{' '}
          --csv
        </code>
      </p>
    </div>
  );
}
