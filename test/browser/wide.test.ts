// Wide cases through every face (issue 9): a generated XK × UN case with 20 drivers answers the same
// P(admission) and stage probabilities, to 1e-12, in `evaluate --json`, `--csv`, GET /api/cases/…, the
// static export's JSON and the case page in Chromium; with 30 drivers the answer is a Monte Carlo
// estimate that says so, with its standard error, in the CLI and on the page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import { index } from '../../src/model/dataset.ts';
import { createSession, setupCase } from '../../src/engine/index.ts';
import type { RunningServer } from '../../src/server/node.ts';
import { writeStaticSite } from '../../src/site/static.ts';
import { cli } from '../cli.ts';
import { writeWideData } from '../wide-case.ts';
import { launchBrowser, serveDataset, sharedAssets, watchErrors } from './setup.ts';

const AS_OF = '2025-06-01';
const STAGES = ['security-council', 'general-assembly'];

interface Answer {
  probability: number;
  stages: Record<string, number>;
}

/** RFC 4180 rows (quoted fields may hold commas and doubled quotes), as caseCsv writes them. */
function csvRecords(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[i++];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\n') (row.push(field), rows.push(row), (row = []), (field = ''));
    else field += ch;
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, j) => [h, r[j]])));
}

function fromJson(j: { probability: number; stageProbabilities: Record<string, number> }): Answer {
  return { probability: j.probability, stages: j.stageProbabilities };
}

function expectAgree(a: Answer, b: Answer, what: string): void {
  expect(Math.abs(a.probability - b.probability), `${what}: P(admission)`).toBeLessThan(1e-12);
  for (const id of STAGES) expect(Math.abs(a.stages[id] - b.stages[id]), `${what}: P(${id})`).toBeLessThan(1e-12);
}

let root: string;
let wide20: string;
let wide30: string;
let browser: Browser;
let server: RunningServer | undefined;

/** The dataset of a generated folder with only its wide case: a server or an export then computes just that. */
function onlyWide(dir: string): Dataset {
  const data = loadDataset(dir);
  return { ...data, cases: data.cases.filter((c) => c.candidate === 'XK' && c.organization === 'un') };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'accede-wide-'));
  wide20 = writeWideData(join(root, 'w20'), 20);
  wide30 = writeWideData(join(root, 'w30'), 30);
  browser = await launchBrowser();
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

/** P(admission), the stages' P and the method as the case page shows them (data-p holds the full number). */
async function fromPage(url: string, init?: () => void) {
  const page = await browser.newPage();
  if (init) await page.addInitScript(init);
  const errors = watchErrors(page);
  let workers = 0;
  page.on('worker', () => workers++);
  try {
    await page.goto(url);
    const prob = page.locator('[data-testid="probability"]');
    await prob.waitFor({ timeout: 120_000 });
    // The first load paints P(admission) first; each stage's own P follows (data-level="stages").
    await page.locator('article[data-level="stages"]').waitFor({ timeout: 120_000 });
    const stages: Record<string, number> = {};
    for (const id of STAGES) stages[id] = Number(await page.locator(`.stage-summary li[data-stage="${id}"]`).getAttribute('data-p'));
    return {
      answer: { probability: Number(await prob.getAttribute('data-p')), stages },
      shown: (await prob.textContent()) ?? '',
      method: (await page.locator('[data-testid="method"]').textContent()) ?? '',
      kind: await page.locator('[data-testid="method"]').getAttribute('data-method'),
      workers,
      errors,
    };
  } finally {
    await page.close();
  }
}

describe('the 20-driver generated case, exact, through every face', () => {
  it('agrees to 1e-12 in evaluate --json, --csv, the API, the static export and the page', async () => {
    const json = await cli('evaluate', 'XK', 'un', '--data', wide20, '--as-of', AS_OF, '--json');
    expect(json.code, json.err).toBe(0);
    const doc = JSON.parse(json.out);
    expect(doc.method).toEqual({ kind: 'exact', drivers: 20 });
    const reference = fromJson(doc);
    expect(reference.probability).toBeGreaterThan(0);
    expect(reference.probability).toBeLessThan(1);

    const csv = await cli('evaluate', 'XK', 'un', '--data', wide20, '--as-of', AS_OF, '--csv');
    expect(csv.code, csv.err).toBe(0);
    const records = csvRecords(csv.out);
    expect(new Set(records.map((r) => r.probability_method))).toEqual(new Set(['exact']));
    for (const id of STAGES) {
      const rows = records.filter((r) => r.stage === id);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.p_stage_all_scenarios)).size).toBe(1);
      expectAgree(reference, { probability: Number(rows[0].p_admission_all_scenarios), stages: { ...reference.stages, [id]: Number(rows[0].p_stage_all_scenarios) } }, `CSV ${id}`);
    }

    const dataset = onlyWide(wide20);
    const site = join(root, 'site20');
    writeStaticSite({ dir: site, dataset, assets: await sharedAssets(), asOf: AS_OF });
    const exported = JSON.parse(readFileSync(join(site, 'case', 'XK', 'un.json'), 'utf8'));
    expectAgree(reference, fromJson(exported), 'static export');
    expect(exported.method).toEqual(doc.method);

    server = await serveDataset(dataset);
    const res = await fetch(`${server.url}/api/cases/XK/un?as=${AS_OF}`);
    expect(res.status).toBe(200);
    const api = await res.json();
    expectAgree(reference, fromJson(api), 'API');
    expect(api.method).toEqual(doc.method);

    const page = await fromPage(`${server.url}/case/XK/un?as=${AS_OF}`);
    expectAgree(reference, page.answer, 'page');
    expect(page.kind).toBe('exact');
    // The tables were computed in a worker (web/tables-worker.ts), the same numbers to 1e-12.
    expect(page.workers).toBeGreaterThan(0);
    expect(page.method).toMatch(/^exact/);
    expect(page.shown).not.toMatch(/≈/);
    expect(page.errors).toEqual([]);

    // A browser where no worker can start: the page computes the tables itself, the same numbers.
    const alone = await fromPage(`${server.url}/case/XK/un?as=${AS_OF}`, () => {
      (globalThis as { Worker: unknown }).Worker = function NoWorker() {
        throw new Error('workers are disabled here');
      };
    });
    expectAgree(reference, alone.answer, 'page without a worker');
    expect(alone.workers).toBe(0);
    expect(alone.errors).toEqual([]);
    await server.close();
    server = undefined;
  });
});

describe('the 30-driver generated case: a labelled estimate', () => {
  it('carries its method and standard error in the CLI and on the page', async () => {
    const run = await cli('evaluate', 'XK', 'un', '--data', wide30, '--as-of', AS_OF, '--json');
    expect(run.code, run.err).toBe(0);
    const doc = JSON.parse(run.out);
    expect(doc.method.kind).toBe('monte-carlo');
    expect(doc.method.drivers).toBe(30);
    expect(doc.method.standardError).toBeGreaterThan(0);
    expect(doc.method.standardError).toBeLessThan(0.01);
    for (const id of STAGES) expect(doc.method.stageStandardErrors[id]).toBeGreaterThan(0);

    const text = await cli('evaluate', 'XK', 'un', '--data', wide30, '--as-of', AS_OF);
    expect(text.out).toMatch(/P\(admission\) over all scenarios ≈ .* ± .* \(standard error\) — Monte Carlo estimate, not exact/);

    server = await serveDataset(onlyWide(wide30));
    const page = await fromPage(`${server.url}/case/XK/un?as=${AS_OF}`);
    expect(page.kind).toBe('monte-carlo');
    expect(page.workers).toBe(0);
    expect(page.method).toMatch(/Monte Carlo estimate, not exact.*standard error ±\d/);
    expect(page.shown).toMatch(/^≈/);
    // The page and the CLI run the same seeded estimate.
    expectAgree(fromJson(doc), page.answer, 'page (estimate)');
    expect(page.errors).toEqual([]);
  });

  it('paints an unlikely setting from its first samples, then refines to the complete estimate the engine gives', async () => {
    // Four drivers set: too few unset draws agree, so the setting gets a pool of its own, evaluated
    // a few samples at a time while the page is idle.
    const set = { d0: true, d1: false, d2: true, d4: false };
    server ??= await serveDataset(onlyWide(wide30));
    const page = await browser.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(`${server.url}/case/XK/un?as=${AS_OF}&on=d0~d2&off=d1~d4`);
      const method = page.locator('[data-testid="method"]');
      await method.waitFor({ timeout: 120_000 });
      await expect.poll(() => method.getAttribute('data-remaining'), { timeout: 120_000, interval: 250 }).toBe('0');
      expect(await method.textContent()).not.toMatch(/refining/);
      const ix = index(loadDataset(wide30));
      const engine = createSession(setupCase(ix, ix.case('XK', 'un')!, AS_OF)).analyze(set);
      expect(engine.method.kind).toBe('monte-carlo');
      const stages: Record<string, number> = {};
      for (const id of STAGES) stages[id] = Number(await page.locator(`.stage-summary li[data-stage="${id}"]`).getAttribute('data-p'));
      const prob = page.locator('[data-testid="probability"]');
      expectAgree({ probability: engine.probability, stages: engine.stageProbabilities }, { probability: Number(await prob.getAttribute('data-p')), stages }, 'refined page');
      expect(await method.textContent()).toContain(`${(engine.method as { samples: number }).samples} driver settings sampled`);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
