// accede curate …: review extracted evidence in the workspace — list and show items, accept,
// reject, edit, link them to a case's stance, driver or tie, and read the audit log. Every write
// names the version it was based on; a stale one is refused (exit 1), never applied.
import { Command, InvalidArgumentError } from 'commander';
import type { Indexed } from '../../model/dataset.ts';
import { parseLink } from '../../model/grammar.ts';
import type { Item, ItemKind, ItemStatus } from '../../store/index.ts';
import { CliError, type CliContext } from '../context.ts';
import { parseCount } from '../options.ts';
import { DEFAULT_WORKSPACE, whoFrom, withWorkspace, type WorkspaceOptions } from '../workspace.ts';

interface Common extends WorkspaceOptions {
  json?: boolean;
  data?: string;
}

function version(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new InvalidArgumentError(`expected the item's version number (1, 2, …), got "${value}"`);
  return Number(value);
}

export function register(program: Command, ctx: CliContext): void {
  const curate = program
    .command('curate')
    .description('review extracted evidence in the workspace: list, show, accept, reject, edit, link, audit');
  const common = (c: Command) =>
    c.option('--workspace <path>', `SQLite workspace (default: ${DEFAULT_WORKSPACE})`).option('--json', 'print JSON');
  const writer = (c: Command) =>
    common(c)
      .requiredOption('--version <n>', 'the version of the item you are changing (shown by list and show)', version)
      .option('--who <name>', 'who is curating, for the audit log (default: $ACCEDE_USER or the login name)');

  common(curate.command('docs').description('list imported documents'))
    .action((o: Common) => withWorkspace(o, (ws) => {
      const docs = ws.listDocuments();
      if (o.json) return ctx.out(JSON.stringify({ documents: docs }, null, 2));
      if (!docs.length) return ctx.out('no documents yet: accede import <file | dir>');
      for (const d of docs) {
        const c = d.counts;
        ctx.out(`${d.id}  ${d.date ?? '----------'}  ${(d.outlet ?? '').padEnd(18).slice(0, 18)}  ${d.title ?? d.origin}`);
        ctx.out(`    ${c.quotes} quotes, ${c.mentions} mentions, ${c.claims} claims — ${c.pending} pending, ${c.accepted} accepted, ${c.rejected} rejected`);
      }
    }));

  common(curate.command('doc').description('show a document with its extracted items').argument('<document>', 'document id'))
    .action((id: string, o: Common) => withWorkspace(o, (ws) => {
      const d = ws.getDocument(id);
      if (!d) throw new CliError(`no document with id ${id}: see accede curate docs`);
      if (o.json) return ctx.out(JSON.stringify(d, null, 2));
      ctx.out(`${d.id}: ${d.title ?? '(untitled)'}${d.outlet ? ` — ${d.outlet}` : ''}${d.date ? `, ${d.date}` : ''}`);
      if (d.url) ctx.out(d.url);
      ctx.out('');
      ctx.out(d.text);
      ctx.out('');
      for (const item of d.items.filter((i) => i.kind !== 'mention')) ctx.out(itemLine(item));
      const codes = [...new Set(d.items.filter((i) => i.kind === 'mention').map((i) => (i.data as { code: string }).code))];
      if (codes.length) ctx.out(`mentions: ${codes.join(', ')}`);
    }));

  common(curate.command('list').description('list extracted items'))
    .option('--document <id>', 'only items of this document')
    .option('--status <status>', 'pending, accepted or rejected')
    .option('--kind <kind>', 'quote, mention or claim')
    .action((o: Common & { document?: string; status?: string; kind?: string }) => withWorkspace(o, (ws) => {
      if (o.status && !['pending', 'accepted', 'rejected'].includes(o.status)) {
        throw new CliError(`--status: expected pending, accepted or rejected, got "${o.status}"`);
      }
      if (o.kind && !['quote', 'mention', 'claim'].includes(o.kind)) {
        throw new CliError(`--kind: expected quote, mention or claim, got "${o.kind}"`);
      }
      const items = ws.listItems({ documentId: o.document, status: o.status as ItemStatus | undefined, kind: o.kind as ItemKind | undefined });
      if (o.json) return ctx.out(JSON.stringify({ items }, null, 2));
      if (!items.length) return ctx.out('no items');
      for (const i of items) ctx.out(itemLine(i));
    }));

  common(curate.command('show').description('show one item').argument('<item>', 'item id'))
    .action((id: string, o: Common) => withWorkspace(o, (ws) => {
      const item = ws.getItem(id);
      if (!item) throw new CliError(`no item with id ${id}: see accede curate list`);
      if (o.json) return ctx.out(JSON.stringify(item, null, 2));
      ctx.out(itemLine(item));
      ctx.out(`  offsets ${item.start}..${item.end}, updated ${item.updatedAt} by ${item.updatedBy}`);
      ctx.out(`  ${JSON.stringify(item.data)}`);
    }));

  for (const action of ['accept', 'reject', 'reset'] as const) {
    writer(curate.command(action).description(action === 'reset' ? 'set an item back to pending and drop its edits' : `${action} an item`)
      .argument('<item>', 'item id'))
      .action((id: string, o: Common & { version: number }) => withWorkspace(o, (ws) => {
        report(ctx, o, ws.curate(id, { action, expectedVersion: o.version, who: whoFrom(o) }), action);
      }));
  }

  writer(curate.command('edit').description('correct an item: its speaker, offsets, kind or (for a mention) code').argument('<item>', 'item id'))
    .option('--speaker <name>', "the speaker's name")
    .option('--role <role>', "the speaker's role")
    .option('--affiliation <org>', "the speaker's affiliation")
    .option('--start <offset>', 'new start offset in the document text', parseCount)
    .option('--end <offset>', 'new end offset in the document text', parseCount)
    .option('--quote-kind <kind>', 'direct or indirect')
    .option('--code <code>', "a mention's state code or organization id")
    .option('--note <text>', "the curator's note")
    .action((id: string, o: Common & { version: number; speaker?: string; role?: string; affiliation?: string; start?: number; end?: number; quoteKind?: string; code?: string; note?: string }) =>
      withWorkspace(o, (ws) => {
        const speaker = o.speaker !== undefined || o.role !== undefined || o.affiliation !== undefined
          ? { ...(o.speaker !== undefined ? { name: o.speaker } : {}), ...(o.role !== undefined ? { role: o.role } : {}), ...(o.affiliation !== undefined ? { affiliation: o.affiliation } : {}) }
          : undefined;
        const edit = {
          ...(speaker ? { speaker } : {}),
          ...(o.start !== undefined ? { start: o.start } : {}),
          ...(o.end !== undefined ? { end: o.end } : {}),
          ...(o.quoteKind !== undefined ? { kind: o.quoteKind } : {}),
          ...(o.code !== undefined ? { code: o.code } : {}),
          ...(o.note !== undefined ? { note: o.note } : {}),
        };
        if (Object.keys(edit).length === 0) throw new CliError('nothing to edit: give --speaker, --role, --affiliation, --start/--end, --quote-kind, --code or --note');
        report(ctx, o, ws.curate(id, { action: 'edit', expectedVersion: o.version, who: whoFrom(o), edit }), 'edit');
      }));

  for (const action of ['link', 'unlink'] as const) {
    writer(curate.command(action).description(action === 'link' ? "link an item to a case's stance, driver or tie" : 'remove a link')
      .argument('<item>', 'item id'))
      .requiredOption('--to <target>', 'CANDIDATE/org/stance:STATE, CANDIDATE/org/driver:id or CANDIDATE/org/tie:id, e.g. XK/nato/stance:ES')
      .option('--data <dir>', 'data folder the link must exist in (default: the bundled dataset)')
      .action(async (id: string, o: Common & { version: number; to: string }) => {
        // The dataset is read before the workspace is opened: a link must name something that exists.
        if (action === 'link') checkTarget(await ctx.load(o.data), o.to);
        withWorkspace(o, (ws) => report(ctx, o, ws.curate(id, { action, expectedVersion: o.version, who: whoFrom(o), link: o.to }), action));
      });
  }

  common(curate.command('audit').description('the audit log: who changed what, when'))
    .option('--item <id>', 'only entries about this item, document or scenario')
    .option('--limit <n>', 'at most this many entries (default 100)', (v: string) => {
      if (!/^\d{1,5}$/.test(v)) throw new InvalidArgumentError(`expected a number, got "${v}"`);
      return Number(v);
    })
    .action((o: Common & { item?: string; limit?: number }) => withWorkspace(o, (ws) => {
      const all = ws.listAudit({ entityId: o.item, limit: 10_000 });
      const entries = all.slice(-(o.limit ?? 100));
      if (o.json) return ctx.out(JSON.stringify({ entries }, null, 2));
      if (!entries.length) return ctx.out('the audit log is empty');
      for (const e of entries) ctx.out(`${e.seq}  ${e.at}  ${e.who}  ${e.action} ${e.entity} ${e.entityId}${e.version ? ` → v${e.version}` : ''}`);
    }));
}

/** A link must name a case of the dataset and, in it, a stance's state, a driver or a tie. */
function checkTarget(ix: Indexed, target: string): void {
  const link = parseLink(target);
  if (!link) throw new CliError(`--to: expected CANDIDATE/org/stance:STATE, …/driver:id or …/tie:id (e.g. XK/nato/stance:ES), got "${target}"`);
  const { candidate, organization: org, kind, id } = link;
  const c = ix.case(candidate, org);
  if (!c) throw new CliError(`--to: no case ${candidate} × ${org} in the dataset`);
  if (kind === 'stance' && !ix.state(id)) throw new CliError(`--to: unknown state ${id}`);
  if (kind === 'driver' && !c.drivers.some((d) => d.id === id)) {
    throw new CliError(`--to: no driver ${id} in ${candidate} × ${org}; drivers: ${c.drivers.map((d) => d.id).join(', ') || '(none)'}`);
  }
  if (kind === 'tie' && !c.ties.some((t) => t.id === id)) {
    throw new CliError(`--to: no tie ${id} in ${candidate} × ${org}; ties: ${c.ties.map((t) => t.id).join(', ') || '(none)'}`);
  }
}

function report(ctx: CliContext, o: Common, item: Item, action: string): void {
  if (o.json) return ctx.out(JSON.stringify(item, null, 2));
  ctx.out(`${action}: ${itemLine(item)}`);
}

function itemLine(i: Item): string {
  const d = i.data as { kind?: string; speaker?: { name: string | null } | null; code?: string; condition?: { text: string } };
  const what = i.kind === 'quote' ? `${d.kind} quote` : i.kind === 'mention' ? `mention ${d.code}` : 'claim';
  const who = d.speaker?.name ? ` — ${d.speaker.name}` : '';
  const text = i.text.replace(/\s+/g, ' ');
  const links = i.links.length ? ` → ${i.links.join(', ')}` : '';
  return `${i.id} v${i.version} [${i.status}] ${what}${who}: "${text.length > 90 ? `${text.slice(0, 87)}…` : text}"${links}`;
}
