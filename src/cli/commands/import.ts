// accede import <file | dir | -> …: reads articles and documents (.txt, .md, .html), extracts
// quotes, speakers, mentions and conditional claims, and stores them in the workspace.
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { extract } from '../../evidence/extract.ts';
import { buildGazetteer, type Gazetteer } from '../../evidence/gazetteer.ts';
import { ImportError, importFile, importStdin, listImportable } from '../../evidence/importer.ts';
import type { Extraction, ImportedDocument } from '../../evidence/types.ts';
import { WorkspaceError, isUnwritable, type DocumentSummary, type Workspace } from '../../store/index.ts';
import { CliError, type CliContext } from '../context.ts';
import { DEFAULT_WORKSPACE, openFor, whoFrom, type WorkspaceOptions } from '../workspace.ts';

interface Options extends WorkspaceOptions {
  json?: boolean;
  data?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('import articles and documents (.txt, .md, .html, or - for stdin) into the workspace and extract their evidence')
    .argument('<inputs...>', 'files, directories, or - for standard input')
    .option('--json', 'print JSON')
    .option('--workspace <path>', `SQLite workspace (default: ${DEFAULT_WORKSPACE})`)
    .option('--data <dir>', 'data folder whose states and organizations are recognized (default: the bundled dataset)')
    .option('--who <name>', 'who is importing, for the audit log (default: $ACCEDE_USER or the login name)')
    .action(async (inputs: string[], o: Options) => {
      const gazetteer = buildGazetteer((await ctx.load(o.data)).data);
      const ws = openFor(o);
      try {
        ctx.exitCode = await run(inputs, o, ctx, ws, gazetteer);
      } finally {
        ws.close();
      }
    });
}

interface Outcome {
  document: DocumentSummary;
  created: boolean;
  extraction: Extraction;
  imported: ImportedDocument;
}

async function run(inputs: string[], o: Options, ctx: CliContext, ws: Workspace, gazetteer: Gazetteer): Promise<number> {
  const who = whoFrom(o);
  const outcomes: Outcome[] = [];
  const problems: ImportError[] = [];
  const skipped: ImportError[] = [];
  let sawDirectory = false;
  // a full disk or a read-only workspace stops the run: the rest could not be stored either
  let stopped: WorkspaceError | null = null;

  const store = (doc: ImportedDocument): Outcome => {
    const extraction = extract(doc.text, gazetteer);
    try {
      const r = ws.importDocument(doc, extraction, who);
      return { document: r.document, created: r.created, extraction, imported: doc };
    } catch (e) {
      if (isUnwritable(e)) throw e;
      if (e instanceof WorkspaceError) throw new CliError(`${doc.origin}: ${e.message}`, 1);
      throw e;
    }
  };
  const ack = (r: Outcome) => {
    if (o.json) return;
    const c = r.document.counts;
    ctx.out(`${r.created ? 'imported' : 'unchanged'} ${r.document.id} ${r.imported.origin}: ` +
      `${c.quotes} quotes, ${c.mentions} mentions, ${c.claims} claims` + (r.document.title ? ` — ${r.document.title}` : ''));
    for (const w of r.document.warnings) ctx.err(`warning: ${r.imported.origin}: ${w}`);
  };
  // One document: store it, or keep its problem and go on with the rest.
  const attempt = async (load: () => Promise<ImportedDocument>, announce: boolean) => {
    try {
      const r = store(await load());
      outcomes.push(r);
      if (announce) ack(r);
    } catch (e) {
      if (isUnwritable(e)) {
        stopped = e;
        return;
      }
      if (!(e instanceof ImportError)) throw e;
      problems.push(e);
    }
  };

  for (const input of inputs) {
    if (stopped) break;
    if (input === '-') {
      await attempt(() => importStdin(process.stdin), true);
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch {
      problems.push(new ImportError(input, `${input}: no such file or directory`, 'unreadable'));
      continue;
    }
    if (!isDir) {
      await attempt(() => importFile(input), true);
      continue;
    }
    sawDirectory = true;
    const { files, problems: listing } = await listImportable(input);
    for (const p of listing) (p.reason === 'unsupported' ? skipped : problems).push(withDir(p, input));
    const bar = progressBar(files.length, !!o.json);
    let n = 0;
    for (const f of files) {
      if (stopped) break;
      const origin = path.join(input, f.rel);
      await attempt(() => importFile(f.file, {}, origin), !bar);
      bar?.update(++n, { file: f.rel.slice(-40) });
    }
    bar?.stop();
  }

  const created = outcomes.filter((r) => r.created).length;
  if (o.json) {
    if (inputs.length === 1 && !sawDirectory && outcomes.length === 1 && problems.length === 0 && !stopped) {
      ctx.out(JSON.stringify(single(outcomes[0]), null, 2));
    } else {
      ctx.out(JSON.stringify({
        documents: outcomes.map((r) => ({ ...documentJson(r), counts: r.document.counts })),
        problems: problems.map((p) => ({ file: p.file, reason: p.reason, message: p.message })),
        skipped: skipped.map((p) => p.file),
        summary: { imported: created, unchanged: outcomes.length - created, failed: problems.length, skipped: skipped.length },
        ...(stopped ? { stopped: (stopped as WorkspaceError).message } : {}),
      }, null, 2));
    }
  } else {
    for (const p of problems) ctx.err(`error: ${p.message}`);
    if (sawDirectory || inputs.length > 1 || stopped) {
      ctx.out(`${stopped ? 'stopped: ' : ''}${created} imported, ${outcomes.length - created} unchanged, ${problems.length} failed` +
        (skipped.length ? `, ${skipped.length} skipped (not .txt, .md or .html)` : '') + ` — workspace ${ws.path}`);
    }
  }
  if (stopped) {
    ctx.err(`error: ${(stopped as WorkspaceError).message}`);
    return 3;
  }
  if (problems.length === 0) return 0;
  // a bad single input is bad input; failures among many files are a (partial) failure
  return outcomes.length === 0 && !sawDirectory ? 2 : 1;
}

function withDir(p: ImportError, dir: string): ImportError {
  const file = path.join(dir, p.file);
  return new ImportError(file, p.message.replace(p.file, file), p.reason);
}

function progressBar(total: number, json: boolean): cliProgress.SingleBar | null {
  if (json || !process.stderr.isTTY || total < 2) return null;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'importing [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return bar;
}

function documentJson(r: Outcome) {
  const d = r.document;
  return { id: d.id, title: d.title, outlet: d.outlet, date: d.date, url: d.url, origin: d.origin, created: r.created, warnings: d.warnings };
}

/** The documented shape for one document: {document, quotes, mentions, claims}. */
function single(r: Outcome) {
  return { document: documentJson(r), quotes: r.extraction.quotes, mentions: r.extraction.mentions, claims: r.extraction.claims };
}
