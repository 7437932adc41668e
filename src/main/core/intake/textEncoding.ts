import iconv from 'iconv-lite';
import type { TextEncoding } from '../../../shared/importTypes';

/*
 * Which text encoding a lead list is in, from its first bytes. Marketing's files come as
 * UTF-8 (with or without a BOM), as Excel's "Unicode text" (UTF-16, usually LE with a BOM, but
 * other tools write BE or no BOM), and from old Windows machines as Windows-1258 (Vietnamese)
 * or Windows-1252 (Western). Everything is decoded to Unicode before parsing; a sample that is
 * none of these, or mostly control characters, is not a lead list at all.
 */

export interface SniffedText {
  encoding: TextEncoding;
  /** The text of the sample (a character cut at its end left out), byte order mark removed. */
  text: string;
  /** UTF-8 with a few bytes that are not (shown as U+FFFD). */
  lossy: boolean;
}

const BOMS: { bytes: number[]; encoding: TextEncoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf8' },
  { bytes: [0xff, 0xfe], encoding: 'utf16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf16be' },
];

/**
 * UTF-16 without a BOM: a lead list is mostly ASCII (digits, separators, unaccented letters),
 * whose high byte is 0, so one byte of every pair is zero far more often than the other.
 * Random bytes and 8-bit text have (nearly) no zero bytes at all.
 */
function utf16ByZeros(head: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) even++;
    if (head[2 * i + 1] === 0) odd++;
  }
  if (odd >= pairs * 0.25 && even <= pairs * 0.02) return 'utf16le';
  if (even >= pairs * 0.25 && odd <= pairs * 0.02) return 'utf16be';
  return null;
}

const WHATWG_NAMES: Record<'utf8' | 'utf16le' | 'utf16be', string> = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
};

/** Strict decoding; null when the bytes are not valid in the encoding. */
function decodeStrict(
  bytes: Uint8Array,
  encoding: 'utf8' | 'utf16le' | 'utf16be',
  complete: boolean,
): string | null {
  try {
    // `stream` while more of the file follows: a character (or UTF-16 pair) cut at the end
    // of the sample waits, unjudged and left out.
    return new TextDecoder(WHATWG_NAMES[encoding], { fatal: true, ignoreBOM: true }).decode(bytes, {
      stream: !complete,
    });
  } catch {
    return null;
  }
}

/**
 * UTF-8 with a stray byte or two (a note pasted from elsewhere) stays UTF-8: its many valid
 * accented letters would turn to mojibake if the whole file were read as a Windows code page.
 */
function mostlyUtf8(bytes: Uint8Array, complete: boolean): string | null {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes, { stream: !complete });
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c > 0x7f) valid++;
  }
  return valid >= invalid * 20 ? text : null;
}

// Windows-1258 writes most tones as combining marks after the (unaccented or â/ê/ô/ă/ơ/ư) vowel.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const BARE_VOWELS = /[aăâeêioôơuưyAĂÂEÊIOÔƠUƯY]/;

/**
 * Windows-1258 or Windows-1252: the two share every byte but a few, and those few in a
 * Vietnamese file are the tone marks. A 1258 reading whose marks sit on vowels is Vietnamese;
 * anything else (marks after consonants, digits, or none at all) reads as 1252, where the same
 * bytes are Ì, ì, Ò, ò, Þ.
 */
function windowsCodePage(bytes: Uint8Array): TextEncoding {
  const text = iconv.decode(bytes, 'windows1258');
  let onVowel = 0;
  let elsewhere = 0;
  for (let i = 0; i < text.length; i++) {
    if (!TONE_MARKS.test(text[i]!)) continue;
    if (i > 0 && BARE_VOWELS.test(text[i - 1]!)) onVowel++;
    else elsewhere++;
  }
  return onVowel > 0 && onVowel >= elsewhere * 4 ? 'windows1258' : 'windows1252';
}

/** The encoding of a file from its first bytes (`complete`: they are the whole file). */
export function sniffText(head: Uint8Array, complete: boolean): SniffedText | null {
  for (const bom of BOMS) {
    if (!bom.bytes.every((b, i) => head[i] === b)) continue;
    const rest = head.subarray(bom.bytes.length);
    if (bom.encoding === 'utf8') {
      const text = decodeStrict(rest, 'utf8', complete);
      if (text !== null) return { encoding: 'utf8', text, lossy: false };
      const lossy = mostlyUtf8(rest, complete);
      return lossy === null ? null : { encoding: 'utf8', text: lossy, lossy: true };
    }
    const text = decodeStrict(rest, bom.encoding as 'utf16le' | 'utf16be', complete);
    return text === null ? null : { encoding: bom.encoding, text, lossy: false };
  }
  const utf16 = utf16ByZeros(head);
  if (utf16) {
    const text = decodeStrict(head, utf16 as 'utf16le' | 'utf16be', complete);
    return text === null ? null : { encoding: utf16, text, lossy: false };
  }
  const utf8 = decodeStrict(head, 'utf8', complete);
  if (utf8 !== null) return { encoding: 'utf8', text: utf8, lossy: false };
  const lossy = mostlyUtf8(head, complete);
  if (lossy !== null) return { encoding: 'utf8', text: lossy, lossy: true };
  const encoding = windowsCodePage(head);
  return { encoding, text: decodeText(head, encoding), lossy: false };
}

/** Bytes in `encoding` as text (a code page's combining tones left as they are). */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  return iconv.decode(bytes, encoding, { stripBOM: false });
}

/**
 * The share of characters no text file holds: control characters but tab and line breaks,
 * and U+FFFD (bytes the encoding does not define). Random bytes read as Windows-1252 give
 * ~13 %; a real lead list, none or a handful.
 */
export function nonTextShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) bad++;
    else if (c === 0xfffd) bad++;
  }
  return bad / text.length;
}

/** Above this share of non-text characters a sample is not a lead list. */
export const MAX_NON_TEXT_SHARE = 0.05;

/** A streaming decoder: a character cut between two chunks comes out whole with the next one. */
export function textDecoder(encoding: TextEncoding): {
  write(chunk: Buffer): string;
  end(): string;
} {
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}

/** How many bytes of the file `text` came from (for the progress bar: close enough). */
export function encodedLength(text: string, encoding: TextEncoding): number {
  switch (encoding) {
    case 'utf8':
      return Buffer.byteLength(text, 'utf8');
    case 'utf16le':
    case 'utf16be':
      return text.length * 2;
    default:
      return text.length;
  }
}
