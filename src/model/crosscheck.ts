// Checks across files: dangling references, cycles among drivers and impossible rules.
import { parseFraction } from '../rules/fraction.ts';
import type { Dataset } from './dataset.ts';
import { joinedDay, overlaps } from './asof.ts';
import { endOf, isUrl, parseLink, startOf } from './grammar.ts';
import { topologicalOrder } from './drivers.ts';
import type { DataIssue, IssuePath } from './issues.ts';
import type { CaseData, DriverData, OrganizationData, RuleInput, SourceRefData } from './schema.ts';


export function crossCheck(data: Dataset, fileOf: (o: object) => string): DataIssue[] {
  const issues: DataIssue[] = [];
  // Items of list files (states, sources, backtests) are numbered within their own file, not across files.
  const localIndex = new Map<object, number>();
  for (const list of [data.states, data.sources, data.backtests] as object[][]) {
    const counts = new Map<string, number>();
    for (const o of list) {
      const n = counts.get(fileOf(o)) ?? 0;
      localIndex.set(o, n);
      counts.set(fileOf(o), n + 1);
    }
  }
  const push = (o: object, path: IssuePath, code: string, message: string) => {
    const local = localIndex.get(o);
    issues.push({ file: fileOf(o), code, path: local !== undefined && typeof path[0] === 'number' ? [local, ...path.slice(1)] : path, message });
  };

  const states = new Set<string>();
  data.states.forEach((s, i) => {
    if (states.has(s.code)) push(s, [i, 'code'], 'duplicate', `duplicate state code ${s.code}`);
    states.add(s.code);
  });
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const seenSources = new Set<string>();
  data.sources.forEach((s, i) => {
    if (seenSources.has(s.id)) push(s, [i, 'id'], 'duplicate', `duplicate source id ${s.id}`);
    seenSources.add(s.id);
    if (!s.url && !s.document) push(s, [i], 'missing', 'a source needs a url or a document id');
    const passages = new Set<string>();
    s.passages.forEach((p, j) => {
      if (passages.has(p.id)) push(s, [i, 'passages', j, 'id'], 'duplicate', `duplicate passage id ${p.id}`);
      passages.add(p.id);
    });
  });
  const checkRefs = (o: object, path: IssuePath, refs: SourceRefData[] | undefined) => {
    (refs ?? []).forEach((r, i) => {
      const id = typeof r === 'string' ? r : r.source;
      if (isUrl(id)) return;
      const src = sources.get(id);
      if (!src) {
        push(o, [...path, i], 'unknown_reference', `unknown source "${id}": expected a URL or the id of a source in sources/`);
        return;
      }
      if (typeof r !== 'string' && r.passage && !src.passages.some((p) => p.id === r.passage)) {
        push(o, [...path, i, 'passage'], 'unknown_reference', `unknown passage "${r.passage}" in source ${id}`);
      }
    });
  };
  const checkState = (o: object, path: IssuePath, code: string) => {
    if (!states.has(code)) push(o, path, 'unknown_reference', `unknown state "${code}": expected a code from states.yaml`);
  };

  data.states.forEach((s, i) => checkRefs(s, [i, 'sources'], s.sources));

  const orgs = new Map<string, OrganizationData>();
  for (const org of data.organizations) {
    if (orgs.has(org.id)) push(org, ['id'], 'duplicate', `duplicate organization id ${org.id}`);
    orgs.set(org.id, org);
    checkRefs(org, ['sources'], org.sources);
    const rows = new Map<string, number[]>();
    org.members.forEach((m, i) => {
      checkState(org, ['members', i, 'state'], m.state);
      checkRefs(org, ['members', i, 'sources'], m.sources);
      const joined = joinedDay(m);
      if (joined && m.left && startOf(m.left) < startOf(joined)) push(org, ['members', i, 'left'], 'impossible', 'left before joined');
      const earlier = rows.get(m.state) ?? [];
      const twin = earlier.find((j) => overlaps(period(org.members[j]), period(m)));
      rows.set(m.state, [...earlier, i]);
      if (twin !== undefined) push(org, ['members', i, 'state'], 'duplicate', `a second membership row for ${m.state} over the same period as members[${twin}]`);
    });
    const bodies = new Map(org.bodies.map((b) => [b.id, b]));
    org.bodies.forEach((b, i) => {
      checkRefs(org, ['bodies', i, 'sources'], b.sources);
      if (b.composition === 'terms' && !b.terms?.length) push(org, ['bodies', i, 'terms'], 'missing', 'missing: a body composed by terms needs terms');
      if (b.composition === 'unknown' && !b.size) push(org, ['bodies', i, 'size'], 'missing', 'missing: a body of unknown composition needs its size');
      b.terms?.forEach((t, j) => {
        checkState(org, ['bodies', i, 'terms', j, 'state'], t.state);
        checkRefs(org, ['bodies', i, 'terms', j, 'sources'], t.sources);
      });
      for (const code of Object.keys(b.seats ?? {})) {
        if (!org.members.some((m) => m.state === code)) push(org, ['bodies', i, 'seats', code], 'impossible', `seats for ${code}, which is not a member of ${org.id}`);
      }
    });
    const stageIds = new Set<string>();
    org.procedure.stages.forEach((s, i) => {
      if (stageIds.has(s.id)) push(org, ['procedure', 'stages', i, 'id'], 'duplicate', `duplicate stage id ${s.id}`);
      stageIds.add(s.id);
      checkRefs(org, ['procedure', 'stages', i, 'sources'], s.sources);
      const body = bodies.get(s.body);
      if (!body) push(org, ['procedure', 'stages', i, 'body'], 'unknown_reference', `unknown body "${s.body}": expected one of ${[...bodies.keys()].join(', ')}`);
      const size =
        body?.composition === 'unknown'
          ? body.size
          : body?.composition === 'terms'
            ? undefined
            : body?.composition === 'candidate'
              ? 1
              : org.members.filter((m) => !m.left).length;
      checkRule(s.rule, ['procedure', 'stages', i, 'rule'], size, (path, code, msg) => push(org, path, code, msg), checkState.bind(null, org));
    });
  }

  const recCandidates = new Set<string>();
  for (const rf of data.recognitions) {
    checkState(rf, ['candidate'], rf.candidate);
    if (recCandidates.has(rf.candidate)) push(rf, ['candidate'], 'duplicate', `a second recognitions file for ${rf.candidate}`);
    recCandidates.add(rf.candidate);
    const seen = new Set<string>();
    const statehood = data.states.find((st) => st.code === rf.candidate)?.statehood?.date;
    rf.recognitions.forEach((r, i) => {
      checkState(rf, ['recognitions', i, 'state'], r.state);
      if (r.date && statehood && endOf(r.date) < statehood) {
        push(rf, ['recognitions', i, 'date'], 'impossible', `recognized on ${r.date}, before ${rf.candidate} was a state (${statehood})`);
      }
      if (seen.has(r.state)) push(rf, ['recognitions', i, 'state'], 'duplicate', `duplicate recognition row for ${r.state}`);
      seen.add(r.state);
      checkRefs(rf, ['recognitions', i, 'sources'], r.sources);
      if (r.status === 'recognizes' && !r.date && r.verified !== false) push(rf, ['recognitions', i, 'date'], 'missing', 'missing: a recognition needs its date (or verified: false)');
    });
  }

  // Shared drivers: one file per candidate, named for it; `given` only among the file's own drivers
  // (a case-specific parent would be undefined in the candidate's other cases).
  const shared = new Map<string, SharedDrivers>();
  for (const cf of data.candidates ?? []) {
    checkState(cf, ['candidate'], cf.candidate);
    const file = fileOf(cf);
    const base = file.split('/').pop()?.replace(/\.ya?ml$/, '');
    if (base !== cf.candidate) push(cf, ['candidate'], 'impossible', `candidate ${cf.candidate} in a file named ${base}: expected candidates/${cf.candidate}.yaml`);
    if (shared.has(cf.candidate)) push(cf, ['candidate'], 'duplicate', `a second candidate file for ${cf.candidate} (the first is ${shared.get(cf.candidate)!.file})`);
    else shared.set(cf.candidate, { file, drivers: cf.drivers });
    const ids = new Set<string>();
    cf.drivers.forEach((d, i) => {
      if (ids.has(d.id)) push(cf, ['drivers', i, 'id'], 'duplicate', `duplicate driver id ${d.id}`);
      ids.add(d.id);
      checkRefs(cf, ['drivers', i, 'sources'], d.sources);
      const empty = emptyPeriod(d);
      if (empty) push(cf, ['drivers', i, 'until'], 'impossible', empty);
    });
    cf.drivers.forEach((d, i) =>
      d.given?.forEach((g, j) => {
        for (const id of Object.keys(g.when)) {
          if (!ids.has(id)) {
            push(cf, ['drivers', i, 'given', j, 'when', id], 'unknown_reference', `unknown driver "${id}": a shared driver may depend only on shared drivers (${[...ids].join(', ')})`);
          }
        }
      }),
    );
    const order = topologicalOrder(cf.drivers);
    if ('cycle' in order) push(cf, ['drivers'], 'cycle', `drivers form a cycle: ${order.cycle.join(' → ')}`);
  }

  const caseKeys = new Set<string>();
  for (const c of data.cases) {
    const key = `${c.candidate}/${c.organization}`;
    if (caseKeys.has(key)) push(c, [], 'duplicate', `a second case for ${key}`);
    caseKeys.add(key);
    checkState(c, ['candidate'], c.candidate);
    const org = orgs.get(c.organization);
    if (!org) {
      push(c, ['organization'], 'unknown_reference', `unknown organization "${c.organization}": expected one of ${[...orgs.keys()].join(', ')}`);
      continue;
    }
    const sh = shared.get(c.candidate);
    checkCase(c, org, sh, recCandidates.has(c.candidate), (path, code, msg) => push(c, path, code, msg), checkState.bind(null, c), (p, r) => checkRefs(c, p, r));
  }

  // Passages may claim support for a stance, driver or tie: the target must exist.
  data.sources.forEach((s, i) =>
    s.passages.forEach((p, j) =>
      (p.supports ?? []).forEach((ref, k) => {
        const link = parseLink(ref);
        const c = link && data.cases.find((x) => x.candidate === link.candidate && x.organization === link.organization);
        const { kind, id } = link ?? {};
        const sharedHere = !!link && (shared.get(link.candidate)?.drivers ?? []).some((x) => x.id === id);
        const found =
          c &&
          (kind === 'stance'
            ? c.stances.some((x) => x.state === id)
            : kind === 'driver'
              ? c.drivers.some((x) => x.id === id) || sharedHere
              : c.ties.some((x) => x.id === id));
        if (!found) push(s, [i, 'passages', j, 'supports', k], 'unknown_reference', `unknown target ${ref}`);
      }),
    ),
  );

  data.backtests.forEach((b, i) => {
    checkState(b, [i, 'candidate'], b.candidate);
    checkRefs(b, [i, 'sources'], b.sources);
    const org = orgs.get(b.organization);
    if (!org) {
      push(b, [i, 'organization'], 'unknown_reference', `unknown organization "${b.organization}"`);
      return;
    }
    if (!org.procedure.stages.some((s) => s.id === b.stage)) {
      push(b, [i, 'stage'], 'unknown_reference', `unknown stage "${b.stage}" of ${org.id}: expected one of ${org.procedure.stages.map((s) => s.id).join(', ')}`);
    }
    for (const code of Object.keys(b.votes ?? {})) checkState(b, [i, 'votes', code], code);
  });
  issues.push(...hindsightIssues(data, fileOf));
  return issues;
}

const period = (m: { joined?: string; left?: string }) => ({ since: joinedDay(m), until: m.left });

/** A stance, driver or tie whose `until` falls before its `since` never applies: a typo, refused. */
function emptyPeriod(x: { since?: string; until?: string }): string | undefined {
  if (x.since && x.until && endOf(x.until) < startOf(x.since)) return `until ${x.until} is before since ${x.since}: the period is empty`;
  return undefined;
}

/**
 * Two stances collide when both apply to every stage or both name a common stage; a stance naming
 * stages beside one without is an override (the engine prefers the named stages), not a duplicate.
 */
function sameStages(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.some((x) => b.includes(x));
}

type Push = (path: IssuePath, code: string, message: string) => void;

function checkRule(
  rule: RuleInput,
  path: IssuePath,
  size: number | undefined,
  push: Push,
  checkState: (path: IssuePath, code: string) => void,
): void {
  switch (rule.type) {
    case 'share':
    case 'weighted': {
      const f = parseFraction(rule.p);
      if (f.den === 0 || f.num > f.den || f.num <= 0) push([...path, 'p'], 'impossible', `impossible share ${rule.p}: expected a fraction in (0, 1]`);
      if (rule.type === 'weighted') for (const code of Object.keys(rule.weights)) checkState([...path, 'weights', code], code);
      break;
    }
    case 'count':
      if (size !== undefined && rule.n > size) push([...path, 'n'], 'impossible', `impossible quota: ${rule.n} votes in favour, but the body has ${size} members`);
      break;
    case 'noVeto':
      rule.players.forEach((p, i) => checkState([...path, 'players', i], p));
      break;
    case 'all':
    case 'any':
      rule.rules.forEach((r, i) => checkRule(r, [...path, 'rules', i], size, push, checkState));
      break;
    default:
  }
}

interface SharedDrivers {
  file: string;
  drivers: DriverData[];
}

function checkCase(
  c: CaseData,
  org: OrganizationData,
  shared: SharedDrivers | undefined,
  hasRecognitions: boolean,
  push: Push,
  checkState: (path: IssuePath, code: string) => void,
  checkRefs: (path: IssuePath, refs: SourceRefData[] | undefined) => void,
): void {
  checkRefs(['status', 'sources'], c.status.sources);
  const sharedIds = new Set((shared?.drivers ?? []).map((d) => d.id));
  const drivers = new Set<string>(sharedIds);
  const own = new Set<string>();
  c.drivers.forEach((d, i) => {
    if (sharedIds.has(d.id)) {
      push(['drivers', i, 'id'], 'duplicate', `driver ${d.id} is shared: it is defined in ${shared!.file}, and a case must not redefine it (remove it here, or rename one of them)`);
    } else if (own.has(d.id)) push(['drivers', i, 'id'], 'duplicate', `duplicate driver id ${d.id}`);
    drivers.add(d.id);
    own.add(d.id);
    checkRefs(['drivers', i, 'sources'], d.sources);
    const empty = emptyPeriod(d);
    if (empty) push(['drivers', i, 'until'], 'impossible', empty);
  });
  const checkCondition = (path: IssuePath, cond: Record<string, boolean>) => {
    for (const id of Object.keys(cond)) if (!drivers.has(id)) push([...path, id], 'unknown_reference', `unknown driver "${id}": expected one of ${[...drivers].join(', ') || '(none defined)'}`);
  };
  c.drivers.forEach((d, i) => d.given?.forEach((g, j) => checkCondition(['drivers', i, 'given', j, 'when'], g.when)));
  const order = topologicalOrder([...(shared?.drivers ?? []), ...c.drivers.filter((d) => !sharedIds.has(d.id))]);
  if ('cycle' in order) push(['drivers'], 'cycle', `drivers form a cycle: ${order.cycle.join(' → ')}`);

  const stageIds = new Set(org.procedure.stages.map((s) => s.id));
  c.timeline?.forEach((t, i) => {
    if (!stageIds.has(t.stage)) push(['timeline', i, 'stage'], 'unknown_reference', `unknown stage "${t.stage}": expected one of ${[...stageIds].join(', ')}`);
    checkRefs(['timeline', i, 'sources'], t.sources);
  });
  const checkStages = (path: IssuePath, stages: string[] | undefined) =>
    stages?.forEach((s, j) => {
      if (!stageIds.has(s)) push([...path, j], 'unknown_reference', `unknown stage "${s}": expected one of ${[...stageIds].join(', ')}`);
    });
  c.stances.forEach((s, i) => {
    checkState(['stances', i, 'state'], s.state);
    const twin = c.stances.findIndex((o, j) => j < i && o.state === s.state && overlaps(o, s) && sameStages(o.stages, s.stages));
    if (twin >= 0) push(['stances', i, 'state'], 'duplicate', `a second stance for ${s.state} over the same period and stages as stances[${twin}]`);
    checkStages(['stances', i, 'stages'], s.stages);
    checkRefs(['stances', i, 'sources'], s.sources);
    const empty = emptyPeriod(s);
    if (empty) push(['stances', i, 'until'], 'impossible', empty);
    if (s.confirmedBy) checkRefs(['stances', i, 'confirmedBy'], s.confirmedBy);
    s.when?.forEach((w, j) => {
      checkCondition(['stances', i, 'when', j, 'if'], w.if);
      checkRefs(['stances', i, 'when', j, 'sources'], w.sources);
    });
  });
  c.defaults.forEach((d, i) => {
    if (d.recognition !== 'any' && !hasRecognitions) push(['defaults', i, 'recognition'], 'impossible', `defaults by recognition need a recognitions file for ${c.candidate}`);
    checkStages(['defaults', i, 'stages'], d.stages);
    checkRefs(['defaults', i, 'sources'], d.sources);
    d.when?.forEach((w, j) => checkCondition(['defaults', i, 'when', j, 'if'], w.if));
  });
  c.estimates.forEach((e, i) => {
    const stage = org.procedure.stages.find((s) => s.id === e.stage);
    if (!stage) push(['estimates', i, 'stage'], 'unknown_reference', `unknown stage "${e.stage}"`);
    checkRefs(['estimates', i, 'sources'], e.sources);
  });
  const ties = new Set<string>();
  c.ties.forEach((t, i) => {
    if (ties.has(t.id)) push(['ties', i, 'id'], 'duplicate', `duplicate tie id ${t.id}`);
    ties.add(t.id);
    checkRefs(['ties', i, 'sources'], t.sources);
    const empty = emptyPeriod(t);
    if (empty) push(['ties', i, 'until'], 'impossible', empty);
  });
}

/**
 * No hindsight: a stance dated from `since` must rest on what was published by then; an evaluation on
 * the eve of a vote would otherwise use what was learnt later. A report published after `since` that
 * confirms the stance belongs in `confirmedBy` (shown only from its own date). Checked only when
 * certain: the source's date is known (not `dateVerified: false`) and its first possible day falls
 * after the last possible day of `since` ("2019" ends 2019-12-31); URLs carry no date.
 */
export function hindsightIssues(data: Dataset, fileOf: (o: object) => string): DataIssue[] {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const out: DataIssue[] = [];
  for (const c of data.cases) {
    c.stances.forEach((s, i) => {
      if (!s.since) return;
      const since = s.since;
      s.sources.forEach((r, k) => {
        const src = sources.get(typeof r === 'string' ? r : r.source);
        if (!src?.date || src.dateVerified === false || startOf(src.date) <= endOf(since)) return;
        out.push({
          file: fileOf(c),
          code: 'hindsight',
          path: ['stances', i, 'sources', k],
          message: `source ${src.id} is dated ${src.date}, after this stance's since (${since}): date the stance from when it was known, cite what was published by then, or move the later report to confirmedBy`,
        });
      });
    });
  }
  return out;
}
