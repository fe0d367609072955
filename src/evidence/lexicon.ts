// Word lists the extraction rules lean on. They describe English news prose in general
// (reporting verbs, titles, role nouns), not any particular text.

/** How a reporting verb can introduce what someone said. */
export type CueClass =
  /** a speech act that can take a reported clause: said, told, announced, noted */
  | 'speech'
  /** a belief or thought: introduces a quotation, but "X believes that P" is not reported speech */
  | 'belief'
  /** names or characterizes with a quoted phrase: called it "…", described as "…" */
  | 'naming';

export interface Cue {
  lemma: string;
  cls: CueClass;
  /** takes an addressee before the reported clause: told reporters that… */
  addressee: boolean;
  /** -ing form, whose subject is that of the main clause: "…, adding that…" */
  participle: boolean;
  /** the word is also a common noun (states, claims, reports): needs a clearly speaker-like subject */
  nounLike: boolean;
}

// lemma, class, irregular past forms (when not lemma+ed), flags
const VERBS: Array<[string, CueClass, string?, string?]> = [
  ['say', 'speech', 'said'],
  ['tell', 'speech', 'told', 'addressee'],
  ['add', 'speech'],
  ['state', 'speech', undefined, 'noun'],
  ['announce', 'speech'],
  ['claim', 'speech', undefined, 'noun'],
  ['report', 'speech', undefined, 'noun'],
  ['note', 'speech', undefined, 'noun'],
  ['argue', 'speech'],
  ['explain', 'speech'],
  ['elaborate', 'speech'],
  ['warn', 'speech', undefined, 'addressee-optional'],
  ['insist', 'speech'],
  ['deny', 'speech', 'denied'],
  ['confirm', 'speech'],
  ['emphasize', 'speech'],
  ['emphasise', 'speech'],
  ['stress', 'speech'],
  ['underline', 'speech'],
  ['underscore', 'speech'],
  ['reaffirm', 'speech'],
  ['affirm', 'speech'],
  ['reiterate', 'speech'],
  ['reveal', 'speech'],
  ['indicate', 'speech'],
  ['conclude', 'speech'],
  ['rule', 'speech', undefined, 'noun'],
  ['find', 'speech', 'found'],
  ['deem', 'speech'],
  ['caution', 'speech'],
  ['allege', 'speech'],
  ['acknowledge', 'speech'],
  ['admit', 'speech', 'admitted'],
  ['write', 'speech', 'wrote'],
  ['tweet', 'speech', undefined, 'noun'],
  ['post', 'speech', undefined, 'noun'],
  ['declare', 'speech'],
  ['continue', 'speech'],
  ['comment', 'speech', undefined, 'noun'],
  ['assert', 'speech'],
  ['maintain', 'speech'],
  ['suggest', 'speech'],
  ['predict', 'speech'],
  ['promise', 'speech', undefined, 'addressee-optional'],
  ['pledge', 'speech'],
  ['vow', 'speech'],
  ['threaten', 'speech'],
  ['reply', 'speech', 'replied'],
  ['respond', 'speech'],
  ['answer', 'speech', undefined, 'noun'],
  ['agree', 'speech', 'agreed'],
  ['recall', 'speech', undefined, 'noun'],
  ['observe', 'speech'],
  ['assess', 'speech'],
  ['estimate', 'speech', undefined, 'noun'],
  ['mention', 'speech'],
  ['complain', 'speech'],
  ['concede', 'speech'],
  ['contend', 'speech'],
  ['disclose', 'speech'],
  ['inform', 'speech', undefined, 'addressee'],
  ['assure', 'speech', undefined, 'addressee'],
  ['remind', 'speech', undefined, 'addressee'],
  ['advise', 'speech', undefined, 'addressee-optional'],
  ['testify', 'speech', 'testified'],
  ['remark', 'speech', undefined, 'noun'],
  ['declare', 'speech'],
  ['proclaim', 'speech'],
  ['speculate', 'speech'],
  ['hint', 'speech'],
  ['signal', 'speech', 'signalled'],
  ['decide', 'speech'],
  ['hold', 'speech', 'held'],
  ['determine', 'speech'],
  ['judge', 'speech', undefined, 'noun'],
  ['accuse', 'speech'],
  ['urge', 'speech'],
  ['demand', 'speech', undefined, 'noun'],
  ['ask', 'speech', 'asked'],
  ['shout', 'speech'],
  ['exclaim', 'speech'],
  ['chant', 'speech'],
  ['speak', 'speech', 'spoke'],
  ['read', 'speech', 'read'],
  ['propose', 'speech'],
  ['recommend', 'speech'],
  ['express', 'speech'],
  ['joke', 'speech'],
  ['quip', 'speech', 'quipped'],
  ['boast', 'speech'],
  ['plead', 'speech'],
  ['counter', 'speech', 'countered'],
  ['retort', 'speech'],
  ['protest', 'speech', undefined, 'noun'],
  ['acknowledge', 'speech'],
  ['point', 'speech', undefined, 'noun'], // only as "pointed out", see below
  ['believe', 'belief'],
  ['think', 'belief', 'thought'],
  ['wonder', 'belief'],
  ['feel', 'belief', 'felt'],
  ['hope', 'belief', undefined, 'noun'],
  ['fear', 'belief', undefined, 'noun'],
  ['expect', 'belief'],
  ['envision', 'belief'],
  ['call', 'naming', undefined, 'noun'],
  ['term', 'naming', undefined, 'noun'],
  ['describe', 'naming'],
  ['label', 'naming', 'labelled'],
  ['dub', 'naming', 'dubbed'],
  ['brand', 'naming', undefined, 'noun'],
  ['characterize', 'naming'],
  ['characterise', 'naming'],
  ['criticize', 'naming'],
  ['criticise', 'naming'],
  ['condemn', 'naming'],
  ['denounce', 'naming'],
  ['decry', 'naming', 'decried'],
  ['praise', 'naming'],
  ['welcome', 'naming'],
  ['defend', 'naming'],
  ['justify', 'naming', 'justified'],
  ['cite', 'naming'],
  ['blame', 'naming'],
  // "he referred to the team as "…"", "Baker reacted on Twitter, "…"": they introduce a quotation,
  // never a reported clause
  ['refer', 'naming', 'referred'],
  ['react', 'naming'],
];

/** Irregular or spelling-changing forms not produced by the simple rules below. */
const EXTRA_FORMS: Record<string, string[]> = {
  say: ['says', 'saying', 'said'],
  tell: ['tells', 'telling', 'told'],
  write: ['writes', 'writing', 'wrote', 'written'],
  find: ['finds', 'finding', 'found'],
  think: ['thinks', 'thinking', 'thought'],
  speak: ['speaks', 'speaking', 'spoke', 'spoken'],
  read: ['reads', 'reading', 'read'],
  hold: ['holds', 'holding', 'held'],
  feel: ['feels', 'feeling', 'felt'],
  admit: ['admits', 'admitting', 'admitted'],
  signal: ['signals', 'signalling', 'signaling', 'signalled', 'signaled'],
  label: ['labels', 'labelling', 'labeling', 'labelled', 'labeled'],
  dub: ['dubs', 'dubbing', 'dubbed'],
  quip: ['quips', 'quipping', 'quipped'],
  plead: ['pleads', 'pleading', 'pleaded', 'pled'],
  refer: ['refers', 'referring', 'referred'],
};

function forms(lemma: string): string[] {
  const extra = EXTRA_FORMS[lemma];
  if (extra) return extra;
  const out: string[] = [];
  const consonantY = /[^aeiou]y$/.test(lemma);
  out.push(consonantY ? lemma.slice(0, -1) + 'ies' : /(s|sh|ch|x|z)$/.test(lemma) ? lemma + 'es' : lemma + 's');
  out.push(lemma.endsWith('e') && !lemma.endsWith('ee') ? lemma.slice(0, -1) + 'ing' : lemma + 'ing');
  out.push(consonantY ? lemma.slice(0, -1) + 'ied' : lemma.endsWith('e') ? lemma + 'd' : lemma + 'ed');
  return out;
}

const CUES = new Map<string, Cue>();
for (const [lemma, cls, past, flag] of VERBS) {
  const all = new Set([...forms(lemma), ...(past ? [past] : [])]);
  // the bare lemma is a cue only in the present ("they say"), which is rarely a noun
  all.add(lemma);
  for (const form of all) {
    if (CUES.has(form)) continue;
    CUES.set(form, {
      lemma,
      cls,
      addressee: flag === 'addressee',
      participle: form.endsWith('ing'),
      nounLike: flag === 'noun' && !/ed$/.test(form) && form !== past && !form.endsWith('ing'),
    });
  }
}
// bare lemmas that are too often something else
for (const w of ['state', 'claim', 'report', 'note', 'rule', 'post', 'comment', 'answer', 'recall', 'estimate',
  'judge', 'demand', 'hope', 'fear', 'call', 'term', 'brand', 'remark', 'protest', 'reading', 'point', 'points',
  'pointing', 'pointed', 'hold', 'holds', 'holding', 'held', 'find', 'finds', 'ruling', 'rules',
  'continuing', 'counter', 'express', 'expressing', 'welcome', 'welcoming', 'cite', 'blame', 'stress', 'tweet',
  'signal', 'label', 'decide', 'deciding', 'expect', 'expecting', 'feeling', 'hoping', 'fearing', 'thinking',
  'believing', 'wondering', 'state', 'add', 'answering', 'post', 'posting', 'posts', 'posted', 'speak', 'report']) {
  CUES.delete(w);
}
// the past participle of these is common as an adjective or passive ("the held hostages", "the posted notice");
// "held" survives only with a clearly speech-like subject, which nounLike enforces
CUES.set('held', { lemma: 'hold', cls: 'speech', addressee: false, participle: false, nounLike: true });
CUES.set('found', { lemma: 'find', cls: 'speech', addressee: false, participle: false, nounLike: true });
CUES.set('posted', { lemma: 'post', cls: 'speech', addressee: false, participle: false, nounLike: true });
CUES.set('read', { lemma: 'read', cls: 'speech', addressee: false, participle: false, nounLike: true });
CUES.set('reads', { lemma: 'read', cls: 'speech', addressee: false, participle: false, nounLike: true });
CUES.set('reported', { lemma: 'report', cls: 'speech', addressee: false, participle: false, nounLike: false });

export function cueOf(lowerWord: string): Cue | undefined {
  return CUES.get(lowerWord);
}

/** Verbs after which a quotation is the words of the object, not of the subject (X asked Y to be "…"). */
export const ASKING = new Set(['asking', 'asked', 'urging', 'urged', 'calling', 'called']);

export const PRONOUNS = new Map<string, { gender: 'm' | 'f' | 'n' | 'p' | 'x'; person: 1 | 2 | 3 }>([
  ['he', { gender: 'm', person: 3 }],
  ['she', { gender: 'f', person: 3 }],
  ['they', { gender: 'p', person: 3 }],
  ['it', { gender: 'n', person: 3 }],
  ['we', { gender: 'p', person: 1 }],
  ['i', { gender: 'x', person: 1 }],
  ['him', { gender: 'm', person: 3 }],
  ['her', { gender: 'f', person: 3 }],
  ['them', { gender: 'p', person: 3 }],
]);
export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'our', 'his', 'her', 'their', 'its', 'my', 'your',
  'some', 'several', 'one', 'two', 'three', 'many', 'most', 'all', 'both', 'each', 'another', 'other',
  'any', 'no', 'few', 'various', 'numerous', 'senior', 'top',
]);

/** Words that may sit between a subject and its verb without breaking the link. */
export const VERB_ADJUNCTS = new Set([
  'also', 'later', 'then', 'further', 'previously', 'earlier', 'had', 'has', 'have', 'was', 'is', 'were', 'are',
  'did', 'does', 'do', 'would', 'will', 'could', 'may', 'might', 'can', 'should', 'must', 'shall', 'again', 'once',
  'even', 'just', 'still', 'already', 'now', 'often', 'never', 'always', 'first', 'last', 'too', 'yet',
  'recently', 'reportedly', 'allegedly', 'publicly', 'repeatedly', 'initially', 'subsequently', 'separately',
  'similarly', 'meanwhile', 'however', 'not', 'himself', 'herself', 'themselves', 'itself', 'alone', 'in', 'turn',
  'been', 'being',
]);

export const LINKING_PREPOSITIONS = new Set(['of', 'for', 'from', 'at']);
export const PREPOSITIONS = new Set([
  'in', 'on', 'at', 'by', 'with', 'to', 'from', 'for', 'of', 'about', 'after', 'before', 'during', 'via', 'through',
  'over', 'under', 'into', 'onto', 'upon', 'against', 'among', 'between', 'within', 'without', 'toward', 'towards',
  'across', 'since', 'until', 'despite', 'following', 'amid', 'per', 'than', 'regarding', 'like',
]);
export const CONJUNCTIONS = new Set([
  'and', 'or', 'but', 'nor', 'so', 'yet', 'because', 'although', 'though', 'while', 'whereas', 'when', 'where',
  'whether', 'if', 'unless', 'as', 'since', 'that', 'which', 'who', 'whom', 'whose', 'than', 'before', 'after',
]);

/** Capitalized words that start sentences or name times, never a person or an organization. */
export const NON_NAME_CAPS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'after', 'before', 'when', 'while', 'but', 'and', 'or', 'however', 'also',
  'according', 'regarding', 'as', 'if', 'although', 'though', 'despite', 'since', 'during', 'following',
  'meanwhile', 'then', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her',
  'their', 'our', 'its', 'my', 'your', 'there', 'here', 'some', 'many', 'most', 'all', 'both', 'each', 'one', 'two',
  'another', 'other', 'such', 'last', 'next', 'earlier', 'later', 'late', 'today', 'yesterday', 'tomorrow',
  'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'for', 'with', 'by', 'from', 'to', 'of',
  'not', 'no', 'yes', 'so', 'because', 'what', 'who', 'why', 'how', 'where', 'which', 'speaking', 'asked',
  'source', 'sources', 'photo', 'image', 'read', 'more', 'update', 'updated', 'unlike', 'like', 'even', 'only',
  'just', 'still', 'now', 'instead', 'thus', 'therefore', 'furthermore', 'moreover', 'indeed', 'again', 'once',
  'several', 'few', 'any', 'every', 'almost', 'nearly', 'about', 'around', 'over', 'under', 'into', 'upon',
  'whether', 'unless', 'until', 'once', 'amid', 'among', 'between', 'within', 'without', 'through', 'toward',
  'towards', 'against', 'across', 'beyond', 'behind', 'nevertheless', 'nonetheless', 'overall', 'currently',
  'previously', 'recently', 'initially', 'finally', 'first', 'second', 'third', 'additionally', 'separately',
  'similarly', 'likewise', 'altogether', 'otherwise', 'hence', 'meanwhile', 'elsewhere',
]);

/** Titles and offices written before a name (US President Donald Trump, NATO Secretary-General Jens Stoltenberg). */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'secretary-general', 'general', 'gen', 'sen', 'senator',
  'rep', 'representative', 'gov', 'governor', 'mayor', 'chancellor', 'king', 'queen', 'prince', 'princess',
  'crown', 'pope', 'ambassador', 'commissioner', 'chairman', 'chairwoman', 'chair', 'chief', 'judge', 'justice',
  'lord', 'lady', 'sir', 'dame', 'dr', 'mr', 'mrs', 'ms', 'miss', 'professor', 'prof', 'foreign', 'defense',
  'defence', 'interior', 'deputy', 'former', 'speaker', 'leader', 'spokesperson', 'spokesman', 'spokeswoman',
  'director', 'director-general', 'envoy', 'special', 'presidential', 'adviser', 'advisor', 'colonel', 'col', 'lt',
  'lieutenant', 'captain', 'capt', 'admiral', 'adm', 'marshal', 'sheikh', 'emir', 'ayatollah', 'supreme',
  'premier', 'executive', 'ceo', 'head', 'officer', 'attorney', 'sergeant', 'sgt', 'major', 'maj', 'cardinal',
  'bishop', 'archbishop', 'rev', 'reverend', 'father', 'rabbi', 'imam', 'mp', 'mep', 'congressman',
  'congresswoman', 'councillor', 'councilor', 'commander', 'rapporteur', 'correspondent', 'editor', 'analyst',
  'economist', 'lawyer', 'coach', 'founder', 'co-founder', 'owner', 'chancellor', 'state', 'health', 'finance',
  'trade', 'energy', 'economy', 'justice', 'labour', 'labor', 'education', 'culture', 'agriculture', 'transport',
  'duke', 'duchess', 'baroness', 'baron', 'count', 'countess', 'senior', 'acting', 'interim', 'caretaker',
  'high', 'representative', 'coordinator', 'negotiator', 'mediator', 'inspector', 'commissar', 'delegate',
  'spokesperson', 'secretary-of-state', 'superintendent', 'magistrate', 'prosecutor', 'investigator',
]);

export const MALE_TITLES = new Set(['mr', 'king', 'prince', 'sir', 'lord', 'duke', 'baron', 'count', 'father',
  'spokesman', 'chairman', 'congressman', 'emir', 'sheikh', 'pope', 'cardinal', 'archbishop', 'bishop', 'imam']);
export const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'queen', 'princess', 'lady', 'dame', 'duchess',
  'baroness', 'countess', 'spokeswoman', 'chairwoman', 'congresswoman']);

/** Words that make a capitalized run an organization (or a document, or a medium) rather than a person. */
export const ORG_HEADS = new Set([
  'institute', 'university', 'college', 'school', 'academy', 'ministry', 'council', 'party', 'agency', 'commission',
  'committee', 'court', 'department', 'office', 'organization', 'organisation', 'union', 'forces', 'force', 'army',
  'navy', 'police', 'times', 'post', 'news', 'press', 'online', 'media', 'journal', 'herald', 'guardian',
  'telegraph', 'insider', 'mail', 'tribune', 'gazette', 'review', 'radio', 'television', 'tv', 'network',
  'channel', 'broadcasting', 'corporation', 'company', 'group', 'bank', 'fund', 'foundation', 'association',
  'federation', 'alliance', 'coalition', 'movement', 'front', 'government', 'administration', 'parliament',
  'assembly', 'congress', 'senate', 'house', 'library', 'center', 'centre', 'service', 'services', 'authority',
  'board', 'bureau', 'agency', 'embassy', 'consulate', 'mission', 'secretariat', 'cabinet', 'presidency',
  'kremlin', 'inc', 'ltd', 'llc', 'plc', 'co', 'corp', 'society', 'church', 'club', 'league', 'program',
  'programme', 'project', 'initiative', 'report', 'statement', 'treaty', 'agreement', 'convention', 'charter',
  'republic', 'kingdom', 'states', 'nations', 'guard', 'corps', 'brigade', 'unit', 'units', 'command', 'tribunal',
  'watch', 'international', 'monitor', 'observatory', 'daily', 'weekly', 'magazine', 'times', 'wire', 'reuters',
  'afp', 'bbc', 'cnn', 'npr', 'pbs', 'nbc', 'abc', 'cbs', 'tass', 'xinhua', 'ap',
]);

/** Head nouns of common noun phrases that can be a source of speech. */
/** a person familiar with the matter, a source close to the talks: adjectives that post-modify a speaker noun */
export const SPEAKER_POSTMODIFIERS = new Set(['familiar', 'close', 'aware', 'involved', 'knowledgeable', 'briefed',
  'speaking']);
export const SPEAKER_NOUNS = new Set([
  'person', 'official', 'officials', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'minister', 'ministers',
  'analyst', 'analysts', 'critic', 'critics', 'protester', 'protesters', 'protestor', 'protestors', 'interlocutor',
  'court', 'agency', 'media', 'statement', 'statements', 'report', 'reports', 'ministry', 'government', 'police',
  'embassy', 'department', 'office', 'source', 'sources', 'expert', 'experts', 'diplomat', 'diplomats', 'leader',
  'leaders', 'member', 'members', 'mp', 'mps', 'president', 'commission', 'committee', 'group', 'party', 'lawyer',
  'lawyers', 'witness', 'witnesses', 'resident', 'residents', 'people', 'observers', 'researchers', 'scientists',
  'investigators', 'prosecutor', 'prosecutors', 'judge', 'judges', 'ruling', 'summary', 'comments', 'complaint',
  'study', 'survey', 'poll', 'document', 'letter', 'interviewee', 'interviewees', 'guest', 'author', 'authors',
  'chairman', 'chairwoman', 'chair', 'director', 'head', 'chief', 'commissioner', 'ambassador', 'envoy',
  'secretary', 'general', 'officer', 'officers', 'commander', 'commanders', 'adviser', 'advisers', 'advisor',
  'advisors', 'aide', 'aides', 'activist', 'activists', 'campaigners', 'campaigner', 'organizers', 'organisers',
  'authorities', 'administration', 'presidency', 'palace', 'kremlin', 'military', 'army', 'navy', 'spokespersons',
  'premier', 'chancellor', 'mayor', 'governor', 'senator', 'senators', 'lawmaker', 'lawmakers', 'legislator',
  'legislators', 'representative', 'representatives', 'delegation', 'delegate', 'delegates', 'negotiator',
  'negotiators', 'doctor', 'doctors', 'teacher', 'teachers', 'student', 'students', 'worker', 'workers', 'union',
  'unions', 'company', 'firm', 'bank', 'newspaper', 'paper', 'broadcaster', 'channel', 'outlet', 'website',
  'journalist', 'journalists', 'reporter', 'reporters', 'correspondent', 'editor', 'user', 'users', 'voters',
  'supporters', 'opponents', 'figures', 'data', 'council', 'parliament', 'assembly', 'cabinet', 'opposition',
  'ruling', 'verdict', 'judgment', 'judgement', 'decision', 'resolution', 'declaration', 'communique', 'release',
  'ministers', 'premier', 'economist', 'economists', 'professor', 'scholar', 'scholars', 'historian', 'historians',
  'monitor', 'monitors', 'mission', 'observer', 'inspectors', 'inspector', 'counterpart', 'counterparts',
  'interviewer', 'one', 'several', 'others', 'many', 'some', 'few', 'both', 'all', 'residents', 'citizens',
  'families', 'family', 'mother', 'father', 'wife', 'husband', 'son', 'daughter', 'friend', 'friends', 'colleague',
  'colleagues', 'neighbour', 'neighbor', 'neighbours', 'neighbors', 'victim', 'victims', 'survivor', 'survivors',
  'manager', 'owner', 'founder', 'ceo', 'chiefs', 'staff', 'team', 'coach', 'player', 'players', 'fans', 'rebels',
  'militants', 'fighters', 'soldiers', 'troops', 'forces', 'leadership', 'regime', 'state', 'states', 'country',
  'countries', 'nation', 'nations', 'capital', 'service', 'services', 'administration', 'institute', 'university',
  'sources', 'insiders', 'participants', 'attendees', 'speaker', 'speakers', 'organizer', 'organiser', 'host',
  'hosts', 'parties', 'side', 'sides', 'organization', 'organisation', 'organizations', 'organisations',
  'man', 'men', 'woman', 'women', 'boy', 'boys', 'girl', 'girls', 'brother', 'sister', 'uncle', 'aunt', 'cousin',
  'grandmother', 'grandfather', 'widow', 'widower', 'fiancé', 'fiancée', 'partner', 'nephew', 'niece', 'relatives',
]);

/** Role nouns that refer back to the interviewee or main source of an interview-style article. */
export const INTERVIEWEE_NOUNS = new Set(['interlocutor', 'interviewee', 'guest', 'analyst', 'expert', 'professor',
  'author', 'researcher', 'scholar', 'historian', 'economist', 'commentator', 'observer']);

/** Abbreviations whose final period does not end a sentence. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'prof', 'jr', 'sr', 'inc',
  'ltd', 'co', 'corp', 'vs', 'v', 'no', 'nos', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'mt', 'ft', 'ave', 'approx', 'est', 'dept', 'univ', 'adm', 'maj', 'cmdr', 'rev', 'hon',
  'pres', 'gov', 'supt', 'det', 'insp', 'fig', 'al', 'cf', 'ca', 'op', 'vol', 'pp', 'p', 'art', 'sec',
]);

// ---------------------------------------------------------------- reporting verbs and clauses (src/evidence/attribution/)

/** Reporting verbs that take a clause without "that": said he would, told reporters they had. */
export const BARE_CLAUSE_LEMMAS = new Set(['say', 'tell', 'announce', 'claim', 'report', 'state', 'add', 'note', 'argue',
  'insist', 'warn', 'explain', 'confirm', 'reveal', 'indicate', 'acknowledge', 'admit', 'write', 'tweet', 'declare',
  'concede', 'assert', 'predict', 'conclude', 'rule', 'estimate', 'suggest', 'allege', 'deny', 'caution',
  'assure', 'inform', 'remind', 'underline', 'stress', 'emphasize', 'emphasise', 'reiterate', 'reaffirm',
  'maintain', 'contend', 'hint', 'signal', 'assess', 'observe', 'disclose', 'recall', 'mention', 'reply',
  'respond', 'recommend', 'continue', 'comment', 'underscore', 'agree']);
/** Verbs that take an object before "that" (warned Iran that …); for others "X that" is a noun complement. */
export const OBJECT_THEN_THAT = new Set(['warn', 'promise', 'advise', 'assure', 'remind', 'inform', 'tell', 'convince',
  'persuade', 'notify', 'caution', 'reassure', 'urge']);
/** Head nouns of organizations that speak: the court ruled, the ministry said. */
export const ORG_NOUNS = new Set(['court', 'agency', 'embassy', 'ministry', 'department', 'government', 'office',
  'company', 'party', 'police', 'paper', 'newspaper', 'broadcaster', 'commission', 'committee', 'council',
  'institute', 'organization', 'organisation', 'union', 'alliance', 'group', 'bank', 'fund', 'firm', 'network',
  'channel', 'parliament', 'assembly', 'administration', 'presidency', 'cabinet', 'military', 'army', 'service']);
/** Singular nouns that, before "states"/"claims"/"reports", usually form a compound ("member states"). */
export const COMPOUND_MODIFIERS = new Set(['member', 'nation', 'city', 'press', 'news', 'border', 'security', 'trade',
  'police', 'rights', 'union', 'island', 'client', 'partner', 'candidate', 'transit', 'buffer', 'satellite', 'vassal']);
/** Adverbs that may sit between a reporting verb and what was said: said earlier, also told. */
export const TEMPORAL_WORDS = new Set(['yesterday', 'today', 'tonight', 'earlier', 'later', 'recently', 'again', 'also',
  'previously', 'repeatedly', 'publicly', 'separately', 'then', 'once', 'now', 'too']);
/** Words opening a prepositional or time phrase after a reporting verb: said in a statement on Monday that. */
export const PP_STARTS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'over', 'after', 'before', 'with', 'to',
  'from', 'late', 'last', 'this', 'when', 'while', 'following', 'amid', 'under', 'earlier']);

// ---------------------------------------------------------------- noun phrases (src/evidence/phrases.ts)

export const AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may',
  'might', 'must', 'should', 'shall', 'did', 'does', 'do', "won't", "can't", "didn't", "wasn't", "isn't", "hasn't",
  "haven't", "hadn't", "wouldn't", "couldn't", "doesn't", "don't", "aren't", "weren't"]);
export const PASSIVE_AUX = new Set(['been', 'was', 'were', 'is', 'are', 'be', 'being']);
export const IRREGULAR_PAST = new Set(['left', 'made', 'took', 'gave', 'came', 'went', 'got', 'saw', 'found', 'told', 'said',
  'became', 'began', 'held', 'kept', 'met', 'paid', 'put', 'ran', 'sent', 'set', 'stood', 'won', 'lost', 'led', 'fell',
  'felt', 'brought', 'bought', 'built', 'caught', 'chose', 'drew', 'drove', 'fought', 'flew', 'grew', 'hit', 'knew',
  'meant', 'rose', 'sold', 'shot', 'spent', 'struck', 'thought', 'threw', 'understood', 'wrote', 'broke', 'forgot',
  'spoke', 'sought', 'taught', 'swore', 'withdrew', 'overtook', 'upheld', 'became', 'ate', 'hid', 'let', 'cut', 'quit']);
export const DOC_NOUNS = new Set(['tweet', 'statement', 'report', 'post', 'letter', 'release', 'poll', 'survey', 'study',
  'interview', 'message', 'communique', 'communiqué', 'document', 'video', 'recording', 'memo', 'note', 'summary',
  'ruling', 'judgment', 'judgement', 'decision', 'declaration', 'email', 'e-mail', 'speech', 'broadcast', 'article',
  'op-ed', 'editorial', 'filing', 'complaint', 'transcript', 'account', 'announcement', 'comments', 'remarks',
  'description', 'opinion', 'proclamation', 'decree', 'website']);
/** Words that open a sentence before its subject: "But", "However,", "Meanwhile". */
export const OPENERS = new Set(['but', 'and', 'however', 'also', 'meanwhile', 'then', 'yet', 'so', 'still', 'now',
  'instead', 'moreover', 'furthermore', 'separately', 'later', 'earlier', 'nevertheless', 'nonetheless', 'thus']);
export const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
export const QUANTIFIER_PAIRS = new Set(['at least', 'at most', 'more than', 'less than', 'fewer than', 'up to', 'as many']);
export const AGENT_SUFFIX = /(er|or|ist|ian|ee|ent|ant|ive|man|woman|person)s?$/;
/** Common nouns with an agent-like ending that name things, not people who could speak (the floodwater, the incident). */
export const NOT_AGENTS = new Set(['water', 'floodwater', 'waters', 'order', 'orders', 'number', 'numbers', 'matter', 'power',
  'border', 'borders', 'river', 'summer', 'winter', 'center', 'computer', 'weather', 'disaster', 'corner', 'dinner', 'sector',
  'factor', 'factors', 'error', 'errors', 'mirror', 'color', 'motor', 'tractor', 'interior', 'corridor', 'harbor', 'event',
  'events', 'incident', 'incidents', 'accident', 'moment', 'payment', 'treatment', 'investment', 'equipment', 'environment',
  'development', 'developments', 'settlement', 'element', 'content', 'percent', 'plant', 'restaurant', 'explosive',
  'explosives', 'initiative', 'objective', 'alternative', 'incentive', 'archive', 'drive', 'motive', 'offensive',
  'narrative', 'perspective', 'fee', 'fees', 'coffee', 'degree', 'guarantee', 'tree', 'knee', 'spree', 'chapter', 'quarter',
  'answer', 'offer', 'shelter', 'theater', 'filter', 'cancer', 'fever', 'tower', 'flower', 'silver', 'rubber', 'finger',
  'layer', 'meter', 'liver', 'disorder', 'register', 'cluster', 'trailer', 'container', 'poster', 'banner', 'helicopter',
  'manner', 'pattern', 'weekend', 'trend', 'amendment', 'punishment', 'sentiment', 'argument', 'arguments',
  'indictment', 'segment', 'shipment', 'basement', 'pavement', 'apartment', 'compartment', 'fragment', 'instrument',
  'ornament', 'supplement', 'experiment', 'improvement', 'employment', 'unemployment', 'enforcement', 'achievement',
  'assessment', 'commitment', 'engagement', 'involvement', 'requirement', 'replacement', 'retirement', 'recruitment',
  'deployment', 'equivalent', 'extent', 'intent', 'consent', 'talent', 'patent', 'accent', 'descent', 'torrent', 'current',
  'constant', 'instant', 'variant', 'pollutant', 'implant', 'remnant', 'warrant', 'covenant', 'pageant', 'elephant']);
/** Links from a name to its organization: Kamberi from the … Institute. */
export const NAME_AFFILIATION_LINKS = new Set(['from', 'of', 'at']);
/** Links between a person and an organization, or a head and its complement: a spokesman for the ministry. */
export const PERSON_ORG_LINKS = new Set(['from', 'of', 'at', 'for']);
export const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whose', 'whom']);
export const INDEFINITE_ARTICLES = new Set(['a', 'an']);
/** using the pseudonym X, under the name X */
export const PSEUDONYM_NOUNS = new Set(['pseudonym', 'name', 'alias', 'nickname']);
/** Words that open an adverbial clause or phrase before a sentence's subject (with OPENERS). */
export const CLAUSE_OPENERS = new Set(['in', 'on', 'at', 'after', 'before', 'when', 'while', 'during', 'following',
  'despite', 'although', 'though', 'since', 'as', 'if', 'regarding', 'late', 'early', 'earlier', 'later', 'last', 'this',
  'that', 'speaking', 'according', 'with', 'without', 'for', 'from', 'by', 'under', 'over', 'to', 'once', 'because',
  'unlike', 'amid', 'given', 'asked', 'ahead', 'until', 'within']);

// ---------------------------------------------------------------- names (src/evidence/people.ts)

export const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'da', 'di', 'del', 'della', 'der', 'den', 'van',
  'von', 'le', 'la', 'du', 'dos', 'das', 'do', 'y', 'abu', 'ben', 'ter', 'zu', 'mac', 'st']);
export const ORG_LINKS = new Set(['of', 'for', 'on', 'and', '&', 'de', 'du', 'des', 'in']);
export const ACRONYM_NOT_ORG = new Set(['MP', 'MEP', 'CEO', 'PM', 'US', 'UK', 'EU']);

// ---------------------------------------------------------------- sentences (src/evidence/sentences.ts)

/** Punctuation that ends a sentence. */
export const TERMINAL_PUNCT = new Set(['.', '!', '?', '…', '...']);
export const FINITE_HINTS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may',
  'might', 'must', 'should', 'did', 'does']);

// ---------------------------------------------------------------- quotation marks that are not quotations (src/evidence/nonquotes.ts)

export const MENTION_NOUNS = new Set(['word', 'words', 'term', 'terms', 'phrase', 'phrases', 'slogan', 'slogans', 'hashtag',
  'expression', 'label', 'title', 'name', 'motto', 'headline', 'song', 'book', 'film', 'movie', 'album', 'series',
  'operation', 'case', 'codename', 'code-name', 'nickname', 'acronym', 'abbreviation', 'brand', 'show', 'programme',
  'program', 'campaign', 'project', 'category', 'tag', 'keyword', 'article', 'essay', 'report', 'documentary',
  'podcast', 'play', 'novel', 'poem', 'painting', 'exhibition', 'festival', 'game', 'app', 'website', 'blog',
  'designation', 'question']);
export const SIGN_NOUNS = new Set(['sign', 'signs', 'placard', 'placards', 'banner', 'banners', 'poster', 'posters',
  'shirt', 'shirts', 't-shirt', 't-shirts', 'graffiti', 'sticker', 'stickers']);
export const GLOSS_CUES = new Set(['meaning', 'means', 'literally', 'translated', 'translates', 'aka', 'a.k.a.', 'or']);
export const TITLE_FUNCTION_WORDS = new Set(['of', 'and', 'the', 'for', 'vs', 'vs.', 'v', 'v.', 'de', 'on', 'in', 'at',
  'to', 'a', 'an', 'la', 'le', 'der', 'die', 'das', 'von', 'van', '&', '-', '–', ':']);
/** the so-called "…", nicknamed "…" */
export const NAMING_PARTICIPLES = new Set(['nicknamed', 'codenamed', 'code-named']);
/** they are called "U.S. nationals": a naming verb in the passive names, it does not quote */
export const PASSIVE_NAMING = new Set(['called', 'named', 'dubbed', 'nicknamed', 'labelled', 'labeled', 'termed', 'titled',
  'entitled', 'branded']);
export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
/** Articles before a quoted phrase used as a modifier: the "one country, two systems" model (a possessive —
 * their "fringe country" status — makes it someone's characterisation, a quotation). */
export const NAME_DETERMINERS = new Set(['the', 'a', 'an']);
/** Nouns that classify the quoted phrase before them as the name of a thing: the "X" model. */
export const NAME_HEADS = new Set(['model', 'policy', 'policies', 'doctrine', 'principle', 'formula', 'framework',
  'strategy', 'plan', 'initiative', 'movement', 'agenda', 'approach', 'system', 'law', 'act', 'bill', 'rule', 'rules',
  'regime', 'deal', 'agreement', 'accord', 'treaty', 'protocol', 'format', 'mechanism', 'scheme', 'era',
  'zone', 'option', 'scenario', 'concept', 'theory', 'package', 'coalition', 'alliance', 'bloc', 'faction', 'group',
  'party', 'caucus', 'network', 'summit', 'rally', 'protest', 'protests', 'march', 'clause', 'provision', 'resolution',
  'amendment', 'declaration', 'mission', 'order', 'programme', 'program', 'project', 'campaign', 'tour', 'slogan']);
/** "road load", a measurement of …: the article opening an apposition that defines a quoted term. */
export const INDEFINITE_GLOSS = new Set(['a', 'an']);
/** Prepositions before a quoted technical term: the calculation of "road load". */
export const PREPOSITIONS_BEFORE_TERMS = new Set(['of', 'for', 'on', 'about', 'in']);
/** Quantifiers that make a part of a group the speaker: one of the children, some of them. */
export const PARTITIVE_SPEAKERS = new Set(['one', 'some', 'many', 'several', 'two', 'three', 'most', 'none', 'each',
  'another']);
/** Object pronouns of a group of people after "one of": one of them. */
export const PEOPLE_PRONOUNS = new Set(['them', 'us', 'those']);
/** Verbs whose object is then quoted: Politico quoted Tim Manning as saying "…". */
export const QUOTING_VERBS = new Set(['quoted', 'quotes', 'quoting', 'quote', 'cited', 'cites', 'citing', 'cite']);
/** the phrase known as "…", a song titled "…" (after a MENTION_NOUNS word) */
export const MENTION_INTRODUCERS = new Set(['as', 'called', 'named', 'titled', 'entitled', 'dubbed', 'codenamed']);

// ---------------------------------------------------------------- conditional claims (src/evidence/claims.ts)

/** A conditional trigger: "depends on", "only if", "unless". */
export interface Trigger {
  /** lowercase words, with '*' for an optional adverb slot */
  words: string[];
  rule: string;
  confidence: number;
  /** the condition runs to the end of the clause even after a comma ("depends on X, Y and Z") */
  nominal: boolean;
}
export const TRIGGERS: Trigger[] = [
  ...['depends', 'depend', 'depended', 'depending', 'hinges', 'hinge', 'hinged', 'rests', 'rest'].flatMap((w) => [
    { words: [w, '*', 'on'], rule: 'depends-on', confidence: 0.85, nominal: true },
    { words: [w, '*', 'upon'], rule: 'depends-on', confidence: 0.85, nominal: true },
  ]),
  ...['dependent', 'contingent', 'conditional', 'conditioned'].flatMap((w) => [
    { words: [w, '*', 'on'], rule: 'contingent-on', confidence: 0.8, nominal: true },
    { words: [w, '*', 'upon'], rule: 'contingent-on', confidence: 0.8, nominal: true },
  ]),
  { words: ['subject', 'to'], rule: 'subject-to', confidence: 0.7, nominal: true },
  { words: ['provided', 'that'], rule: 'provided-that', confidence: 0.8, nominal: false },
  { words: ['providing', 'that'], rule: 'provided-that', confidence: 0.8, nominal: false },
  { words: ['on', 'condition', 'that'], rule: 'provided-that', confidence: 0.8, nominal: false },
  { words: ['as', 'long', 'as'], rule: 'as-long-as', confidence: 0.7, nominal: false },
  { words: ['so', 'long', 'as'], rule: 'as-long-as', confidence: 0.7, nominal: false },
  { words: ['only', 'if'], rule: 'only-if', confidence: 0.8, nominal: false },
  { words: ['unless'], rule: 'unless', confidence: 0.7, nominal: false },
  { words: ['if'], rule: 'if', confidence: 0.6, nominal: false },
  { words: ['provided'], rule: 'provided', confidence: 0.7, nominal: false },
];
export const NOT_CONDITIONAL_BEFORE_IF = new Set(['even', 'as', 'what', 'ask', 'asked', 'asking', 'asks', 'wonder',
  'wondered', 'wonders', 'know', 'knew', 'see', 'check', 'decide', 'determine', 'doubt', 'unclear', 'clear',
  'sure', 'whether', 'only']);
export const NOT_CONDITIONAL_AFTER_IF = new Set(['any', 'so', 'not', 'necessary', 'possible', 'needed', 'ever', 'only',
  'anything', 'anyone']);
export const CONDITION_SUBJECTS = new Set(['they', 'he', 'she', 'it', 'we', 'you', 'i', 'there', 'the', 'all', 'both']);
export const CLAUSE_BREAKS = new Set(['because', 'but', 'while', 'although', 'though', 'whereas', 'since', 'so', 'yet']);
/** "the subject to" is a noun phrase, not a condition */
export const SUBJECT_TO_DETERMINERS = new Set(['the', 'a', 'this', 'that']);

// ---------------------------------------------------------------- attribution (src/evidence/attribution/)

/** Links from a registered name to its affiliation: Kamberi from / of / at / with the … */
export const AFFILIATION_LINKS = new Set(['from', 'of', 'at', 'with']);
/** Articles stripped from the front of a role ("the foreign minister" → "foreign minister"). */
export const ARTICLES = ['the', 'a', 'an'];
export const LEADING_ARTICLE_RE = new RegExp(`^(${ARTICLES.join('|')})\\s+`, 'i');
/** Titles that say something about gender, not about a role: Mr., Ms. */
export const GENDER_ONLY_TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx'];
export const GENDER_ONLY_TITLE_RE = new RegExp(`^(${GENDER_ONLY_TITLES.join('|')})\\.?$`, 'i');
/** Words in a role that tell a person's gender. */
export const FEMININE_ROLE_WORDS = ['spokeswoman', 'chairwoman', 'congresswoman', 'businesswoman', 'queen', 'princess',
  'wife', 'mother', 'daughter', 'sister', 'fiancée', 'widow', 'mrs', 'ms'];
export const MASCULINE_ROLE_WORDS = ['spokesman', 'chairman', 'congressman', 'businessman', 'king', 'prince', 'husband',
  'father', 'son', 'brother', 'fiancé', 'widower', 'mr'];
export const FEMININE_ROLE_RE = new RegExp(`\\b(${FEMININE_ROLE_WORDS.join('|')})\\b`, 'i');
export const MASCULINE_ROLE_RE = new RegExp(`\\b(${MASCULINE_ROLE_WORDS.join('|')})\\b`, 'i');
/** What may stand between two quotations that share a speaker: "…" and "…". */
export const QUOTE_COORDINATORS = new Set(['and', 'or', 'but', ',', ';', 'then', 'also', 'as', 'well']);
/** What may follow the speaker of "…," said SPEAKER: said the minister in / on / who … */
export const INVERTED_SPEAKER_FOLLOWERS = new Set(['in', 'on', 'at', 'during', 'via', 'who', 'after', 'before', 'when',
  'while']);
/** Before a participle cue, words that make it a subordinate clause: by saying, while adding. */
export const PARTICIPLE_LEADS = new Set(['by', 'while', 'when', 'before', 'after', 'in']);
/** Before a cue, words that make it a coordinated verb whose subject is further back: and said. */
export const COORDINATING_LEADS = new Set(['and', 'but', 'or', 'then', 'before', 'after']);
/** Prepositions between a subject's head and the cue: critics from across Britain have claimed. */
export const SUBJECT_HEAD_PREPOSITIONS = new Set(['from', 'across', 'of', 'in', 'at', 'within', 'inside', 'outside',
  'around', 'for']);
/** Indefinite pronouns that may speak: someone said. */
export const INDEFINITE_SPEAKERS = new Set(['someone', 'somebody', 'everyone', 'nobody', 'anyone']);
/** Words that may open a reported clause without "that", like a subject pronoun: said there was. */
export const CLAUSE_OPENING_DEICTICS = new Set(['there', 'this', 'these', 'those']);
/** Adverbs between a subject and its finite verb: also said, still hopes. */
export const FINITE_ADVERBS = new Set(['also', 'still', 'already', 'never', 'not', 'just', 'now', 'then', 'even']);
/** A quantity, not a prepositional phrase, after a reporting verb: said at least ten … */
export const QUANTIFIER_START_RE = /^(at least|at most|over \d)/;

/**
 * Predicates that introduce a turn to speak without a verb of saying — "Orr disagreed.", "The union
 * was unimpressed.", "The office released a statement.", "Others hit back." — so that a quotation
 * standing alone right after is the subject's (attribution/unmarked.ts).
 */
export const STANCE_VERBS = new Set(['disagreed', 'disagrees', 'agreed', 'agrees', 'objected', 'objects', 'concurred',
  'responded', 'responds', 'reacted', 'reacts', 'countered', 'counters', 'retorted', 'dissented', 'demurred', 'differed',
  'differs', 'replied', 'replies']);
/** Linking verbs before an adjective of manner: "was more blunt", "remained defiant". */
export const STANCE_LINKING = new Set(['was', 'were', 'is', 'are', 'remained', 'remains', 'seemed', 'seems', 'sounded', 'sounds',
  'appeared', 'appears']);
export const STANCE_ADJECTIVES = new Set(['blunt', 'blunter', 'cautious', 'optimistic', 'pessimistic', 'defiant', 'adamant',
  'emphatic', 'unimpressed', 'unrepentant', 'upbeat', 'confident', 'skeptical', 'sceptical', 'critical', 'scathing',
  'furious', 'angry', 'dismissive', 'unconvinced', 'unmoved', 'unapologetic', 'candid', 'frank', 'forthright', 'outspoken',
  'circumspect', 'guarded', 'measured', 'incredulous', 'indignant', 'defensive', 'effusive', 'combative', 'conciliatory',
  'impressed', 'convinced', 'enthusiastic', 'philosophical', 'hopeful', 'gloomy', 'bullish', 'bearish', 'terse', 'succinct', 'direct', 'blunt-spoken']);
/** Degree words between the linking verb and the adjective. */
export const STANCE_DEGREE = new Set(['more', 'less', 'even', 'far', 'much', 'rather', 'quite', 'also', 'equally',
  'similarly', 'just', 'as', 'so', 'somewhat', 'no', 'still', 'later', 'then', 'again', 'soon', 'earlier', 'too']);
/** Verbs whose object makes a turn to speak: released a statement, struck a cautious tone, took a different view. */
export const STANCE_OBJECT_VERBS = new Set(['struck', 'strikes', 'took', 'takes', 'had', 'has', 'offered', 'offers', 'gave',
  'gives', 'released', 'issued', 'sounded', 'sounds', 'put', 'posted', 'sent']);
export const STANCE_OBJECTS = new Set(['statement', 'tone', 'note', 'view', 'take', 'message', 'response', 'reply',
  'assessment', 'warning', 'line', 'stance', 'verdict', 'tack']);
/** Phrasal verbs of reply: hit back, weighed in, chimed in, went further. */
export const STANCE_PHRASAL = new Set(['hit back', 'hits back', 'fired back', 'shot back', 'pushed back', 'weighed in',
  'chimed in', 'went further', 'goes further', 'spoke out', 'piped up']);
