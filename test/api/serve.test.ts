// `accede serve` as a process: prints its URL, creates the workspace on first run, starts read-only off
// loopback without a token, stops cleanly on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from './helpers.ts';

const BIN = fileURLToPath(new URL('../../bin/accede.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'accede-serve-'));
/** Every server started here, stopped at the end even when a test fails half-way. */
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the server and resolves with its URL and what it printed, once it says where it listens. */
function serve(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; out: string[] }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', FIXTURE_DIR, ...args], {
    env: { ...process.env, ACCEDE_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const out: string[] = [];
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    let url = '';
    lines.on('line', (line) => {
      out.push(line);
      const m = /serving \d+ cases at (http:\/\/\S+?)\/ /.exec(line);
      if (m) url = m[1];
      // The last line it prints once started.
      if (/press Ctrl\+C to stop/.test(line)) resolve({ child, url, out });
    });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('accede serve', () => {
  it('serves on loopback, creates the workspace on first run, and stops on SIGTERM', async () => {
    const ws = join(dir, 'a', 'workspace.sqlite');
    const { child, url, out } = await serve(['--workspace', ws]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(ws)).toBe(true);
    expect(out.join('\n')).toMatch(/writable from this machine/);
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toEqual({ ok: true, cases: 2, writable: true });
    const page = await fetch(`${url}/case/XK/nato`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const js = await fetch(`${url}/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await js.text()).length).toBeGreaterThan(10_000);
    expect(await stop(child)).toBe(0);
  });

  it('starts read-only on a non-loopback address without a token, and says so', async () => {
    const { child, url, out } = await serve(['--host', '0.0.0.0', '--workspace', join(dir, 'b.sqlite')]);
    expect(out.join('\n')).toMatch(/read-only: listening on 0\.0\.0\.0 \(not loopback\) without a token/);
    const local = url.replace('0.0.0.0', '127.0.0.1');
    const res = await fetch(`${local}/api/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', candidate: 'XK', organization: 'nato' }),
    });
    expect(res.status).toBe(403);
    expect((await (await fetch(`${local}/api/health`)).json()).writable).toBe(false);
    expect(await stop(child)).toBe(0);
  });

  it('with a token off loopback, accepts writes that carry it', async () => {
    const token = 'a-long-enough-token-123';
    const { child, url } = await serve(['--host', '0.0.0.0', '--workspace', join(dir, 'c.sqlite')], { ACCEDE_TOKEN: token });
    const local = url.replace('0.0.0.0', '127.0.0.1');
    const post = (auth?: string) =>
      fetch(`${local}/api/scenarios`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        body: JSON.stringify({ name: 'x', candidate: 'XK', organization: 'nato' }),
      });
    expect((await post()).status).toBe(401);
    expect((await post(token)).status).toBe(201);
    expect(await stop(child)).toBe(0);
  });

  it('refuses a short token with exit code 2', async () => {
    await expect(serve(['--token', 'short', '--workspace', join(dir, 'd.sqlite')])).rejects.toThrow(/exited with 2: error: the token must be at least 16 characters/);
  });
});

describe('accede build --static', () => {
  it('writes the site, and refuses a folder that is not a previous export', async () => {
    const { cli } = await import('../cli.ts');
    const out = join(dir, 'site');
    const r = await cli('build', '--static', out, '--data', FIXTURE_DIR, '--as-of', '2025-01-01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^wrote \d+ files to /);
    expect(existsSync(join(out, 'case/XK/nato/index.html'))).toBe(true);
    // A rebuild over a previous export is fine; over anything else it is refused (exit 2).
    expect((await cli('build', '--static', out, '--data', FIXTURE_DIR)).code).toBe(0);
    const bad = await cli('build', '--static', join(dir, 'a'), '--data', FIXTURE_DIR);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/is not empty and is not a previous export/);
    expect((await cli('build')).code).toBe(2);
  });
});
