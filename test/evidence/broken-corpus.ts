// A corpus of broken and awkward inputs, written to a directory at test time (binaries and a
// 5 MB file do not belong in the repository). Every text here is written for these tests.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const GOOD_TEXT = `Ministers met in a northern town on Tuesday.

"We will meet again next month," said Council Chair Irena Vask.

Vask said that a decision depends on the budget.
`;

/** file → what importing it should do: 'ok', 'ok-warning' or the ImportError reason */
export const EXPECTED: Record<string, string> = {
  'good.txt': 'ok',
  'good.md': 'ok',
  'good.html': 'ok',
  'crlf.txt': 'ok',
  'bom.txt': 'ok',
  'utf16.txt': 'ok',
  'marks.txt': 'ok',
  'latin1.txt': 'ok-warning',
  'invalid-utf8.txt': 'ok-warning',
  'broken.html': 'ok',
  'deep.html': 'ok',
  'sub/nested.txt': 'ok',
  'binary.txt': 'binary',
  'fake-pdf.txt': 'binary',
  'controls.txt': 'binary',
  'huge.txt': 'too-large',
  'empty.txt': 'empty',
  'scripts-only.html': 'empty',
  'notes.docx': 'unsupported',
  'outside.txt': 'escape',
};

export function writeBrokenCorpus(dir: string, outsideTarget: string): void {
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  const w = (name: string, data: string | Uint8Array) => writeFileSync(path.join(dir, name), data);
  w('good.txt', GOOD_TEXT);
  w('good.md', `---\ntitle: A markdown note\noutlet: Example Weekly\ndate: 2023-05-02\n---\n# Heading\n\n*Emphasis* and a [link](https://example.org).\n\n${GOOD_TEXT}`);
  w('good.html', `<!doctype html><html><head><title>An article</title><meta property="og:site_name" content="Example Daily"></head><body><nav>menu</nav><article><h1>An article</h1>${GOOD_TEXT.split('\n\n').map((p) => `<p>${p}</p>`).join('')}<p>More words so that the article reader has enough content to work with in this page.</p></article><script>document.write("x")</script></body></html>`);
  w('crlf.txt', GOOD_TEXT.replace(/\n/g, '\r\n'));
  w('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD_TEXT)]));
  w('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD_TEXT, 'utf16le')]));
  w('marks.txt', '„Ja,“ sagte sie. « Non » dit-il. “Unclosed, he said.\n\n\'single\' and "mixed” marks "" and “”.\n');
  // windows-1252: é = 0xE9, « = 0xAB, » = 0xBB, ’ = 0x92
  w('latin1.txt', Buffer.from([...Buffer.from('Caf'), 0xe9, 0x20, 0xab, ...Buffer.from(' Nous venons '), 0xbb, ...Buffer.from(', dit-il. It'), 0x92, ...Buffer.from('s fine.\n')]));
  w('invalid-utf8.txt', Buffer.from([...Buffer.from('Text with a broken byte '), 0xc3, 0x28, ...Buffer.from(' in it, and more words.\n')]));
  w('broken.html', '<html><body><p>Unclosed <b>bold <i>italic</p><div><<<>>> "quote" &amp; &bogus; <p>Another paragraph with text</div></tabl');
  w('deep.html', `<html><body>${'<div>'.repeat(20000)}Deep text at the bottom of many nested divs.${'</div>'.repeat(20000)}</body></html>`);
  w('sub/nested.txt', 'A file in a subdirectory. "It counts too," she said.\n');
  w('binary.txt', Buffer.from([0x41, 0x42, 0x00, 0x01, 0x02, 0x43, 0x00, 0x00]));
  w('fake-pdf.txt', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('stream of bytes')]));
  w('controls.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x07 : 0x41))));
  w('huge.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
  w('empty.txt', '');
  w('scripts-only.html', '<html><head><script>var a = 1;</script><style>p{}</style></head><body><script>alert(1)</script></body></html>');
  w('notes.docx', 'not really a docx');
  symlinkSync(outsideTarget, path.join(dir, 'outside.txt'));
}
