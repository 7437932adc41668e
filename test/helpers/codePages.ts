import iconv from 'iconv-lite';

/*
 * Files as old Windows machines write them, for the import tests. Independent of the code
 * under test: iconv-lite's tables encode, the decomposition is Unicode's.
 */

// The tones Windows-1258 writes as combining marks after the vowel.
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

function encodeChecked(text: string, encoding: string): Buffer {
  const bytes = iconv.encode(text, encoding);
  const back = iconv.decode(bytes, encoding);
  if (back !== text) throw new Error(`${JSON.stringify(text)} does not fit ${encoding}`);
  return bytes;
}

/**
 * Vietnamese text as Windows-1258: a letter the code page holds whole (à, ê, ơ, Đ) is one byte;
 * any other toned letter is its base with circumflex, breve or horn (ê, ă, ơ…) followed by the
 * tone as a combining mark (ễ = ê + U+0303), the way Windows converts Unicode to 1258.
 */
export function windows1258(text: string): Buffer {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const whole = iconv.decode(iconv.encode(ch, 'windows1258'), 'windows1258');
    if (whole === ch) {
      out += ch;
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const tones = parts.filter((p) => TONES.has(p));
    const base = parts
      .filter((p) => !TONES.has(p))
      .join('')
      .normalize('NFC');
    out += base + tones.join('');
  }
  return encodeChecked(out, 'windows1258');
}

/** Text as Windows-1252; every character must be one the code page holds. */
export function windows1252(text: string): Buffer {
  return encodeChecked(text, 'windows1252');
}

/** UTF-16 in either byte order, with or without a byte order mark. */
export function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
}
