// accede audit on the bundled dataset and on a fixture: text, --json, --strict, bad input.
import { describe, expect, it } from 'vitest';
import { cli } from '../cli.ts';

describe('accede audit', () => {
  it('prints counts and the unverified list; --strict holds the bundled dataset to the budget', async () => {
    const text = await cli('audit');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^\d+ facts: \d+ verified, \d+ unverified, \d+ modelling judgments/);
    expect(text.out).toMatch(/^memberships +\d+ +\d+ +0$/m);
    const json = await cli('audit', '--json');
    const parsed = JSON.parse(json.out);
    expect(parsed.unverified.length).toBe(parsed.byStatus.unverified);
    expect(parsed.unverified.every((f: { reason: string }) => f.reason.length > 0)).toBe(true);
    expect(text.out).toContain(`Unverified (${parsed.byStatus.unverified}):`);
    const strict = await cli('audit', '--strict', '--json');
    const verdict = JSON.parse(strict.out).strict;
    expect(verdict.budget).toBe(50);
    expect(strict.code).toBe(verdict.failures.length ? 1 : 0);
    expect(verdict.failures.length > 0).toBe(parsed.byStatus.unverified > 50);
    const none = await cli('audit', '--strict', '--max-unverified', '0');
    expect(none.code).toBe(parsed.byStatus.unverified > 0 ? 1 : 0);
    expect(none.out).toMatch(/^strict: /m);
    expect((await cli('audit', '--max-unverified', 'many')).code).toBe(2);
  });
  it('--strict passes on a folder where everything is verified, and bad input exits 2', async () => {
    const minimal = new URL('./fixtures/minimal', import.meta.url).pathname;
    expect((await cli('audit', '--strict', '--data', minimal)).code).toBe(0);
    expect((await cli('audit', '--data', '/no/such/folder')).code).toBe(2);
  });
});
