// Child process for the crash tests: imports generated documents one by one and prints
// "ack <document id> <items>" after each import has returned (i.e. committed).
//   node --import tsx import-worker.ts <workspace> <count> <seed>
import { extract } from '../../../src/evidence/extract.ts';
import { importBytes } from '../../../src/evidence/importer.ts';
import { openWorkspace } from '../../../src/store/workspace.ts';
import { syntheticArticle } from './synthetic.ts';

const [file, count, seed] = process.argv.slice(2);
const ws = openWorkspace(file);
for (let i = 0; i < Number(count); i++) {
  const doc = importBytes(Buffer.from(syntheticArticle(Number(seed) * 100_000 + i)), `gen-${seed}-${i}.txt`, 'txt');
  const extraction = extract(doc.text);
  const r = ws.importDocument(doc, extraction, `worker-${seed}`);
  const n = extraction.quotes.length + extraction.mentions.length + extraction.claims.length;
  process.stdout.write(`ack ${r.document.id} ${n}\n`);
}
ws.close();
