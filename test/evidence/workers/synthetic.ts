// Generated news-like articles (about 5 KB) with fictional people and places, for crash tests and
// the import benchmark. Deterministic for a seed; no real text is copied.

const FIRST = ['Anna', 'Tomas', 'Ilse', 'Marta', 'Jonas', 'Petra', 'Ravi', 'Lena', 'Karla', 'Dan', 'Rosa', 'Omar'];
const LAST = ['Verhoeven', 'Brandl', 'Karvonen', 'Olsen', 'Reiter', 'Lind', 'Anand', 'Hart', 'Wendt', 'Akers', 'Pinter', 'Haddad'];
const ROLES = ['Foreign Minister', 'Mayor', 'spokeswoman', 'analyst', 'Council Chair', 'Ambassador', 'economist'];
const ORGS = ['the Northbridge Policy Institute', 'the Eastgate Institute', 'the Regional Council', 'the Harbour Trust'];
const TOPICS = ['the border agreement', 'the new budget', 'the trade talks', 'the water treaty', 'the rail link'];
const VERBS = ['said', 'told reporters', 'added', 'warned', 'noted', 'stressed'];

function rng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function syntheticArticle(seed: number, targetBytes = 5000): string {
  const r = rng(seed + 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const paras: string[] = [`Talks on ${pick(TOPICS)} resumed on Monday`];
  let size = paras[0].length;
  while (size < targetBytes) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const surname = name.split(' ')[1];
    const topic = pick(TOPICS);
    const kind = Math.floor(r() * 5);
    let p: string;
    if (kind === 0) p = `"The decision on ${topic} depends on the neighbours," ${pick(ROLES)} ${name} said.`;
    else if (kind === 1) p = `${name} from ${pick(ORGS)} ${pick(VERBS)} that ${topic} would only pass if the council agreed. "We are not there yet," ${surname} said.`;
    else if (kind === 2) p = `According to ${pick(ORGS)}, ${topic} is subject to a vote in the spring.`;
    else if (kind === 3) p = `The delegations met again in the afternoon to discuss ${topic}, ${name} told the Example Wire.`;
    else p = `${pick(ROLES).replace(/^\w/, (c) => c.toUpperCase())} ${name} called ${topic} "a step in the right direction" and said she would travel to the capital.`;
    paras.push(p);
    size += p.length + 2;
  }
  return `${paras.join('\n\n')}\n`;
}
