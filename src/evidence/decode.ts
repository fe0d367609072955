// Bytes of an untrusted file → text. Refuses binaries; decodes UTF-8 (strictly), UTF-16 with a
// byte-order mark, a declared charset, or falls back to Windows-1252 with a warning.

export class ImportError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly reason: 'too-large' | 'binary' | 'unsupported' | 'escape' | 'unreadable' | 'empty' | 'malformed',
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a DOCX/ODT document)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document'],
];

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

/** Why these bytes are not text, or null when they are. */
export function binaryReason(bytes: Uint8Array): string | null {
  for (const [magic, what] of MAGIC) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return `${what}, not text`;
  }
  if (hasUtf16Bom(bytes)) return null;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'a binary file (it contains NUL bytes)';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (n > 0 && control / n > 0.05) return 'a binary file (too many control characters)';
  return null;
}

function hasUtf16Bom(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

/** Decodes text bytes; `declared` is a charset named by the document itself (an HTML meta tag). */
export function decode(bytes: Uint8Array, declared?: string): Decoded {
  const warnings: string[] = [];
  let text: string;
  let encoding: string;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    ({ text, encoding } = tryDecode(bytes.subarray(3), 'utf-8', warnings));
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    ({ text, encoding } = tryDecode(bytes, declared, warnings));
  }
  return { text: normalizeText(text), encoding, warnings };
}

function tryDecode(bytes: Uint8Array, declared: string | undefined, warnings: string[]): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: the document's own declaration, else the usual suspect for Western news pages
  }
  const declaredOk = declared && isKnownEncoding(declared) && !/^(utf-?8|iso-8859-1|latin-?1|us-ascii|ascii|windows-1252|cp1252)$/i.test(declared);
  const label = declaredOk ? declared : 'windows-1252';
  warnings.push(`not valid UTF-8; decoded as ${label}`);
  return { text: declaredOk ? new TextDecoder(label).decode(bytes) : decodeWindows1252(bytes), encoding: label };
}

// The bytes 0x80–0x9F of Windows-1252 (curly quotes, dashes, €); Node's decoder may map them to
// C1 controls instead, as ISO-8859-1 does.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  }
  return out;
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Line breaks to \n, control characters (but tabs and newlines) and NULs removed, NFC. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .normalize('NFC');
}

/** The charset an HTML document declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}
