/**
 * Vietnamese text folding, so a search typed without diacritics finds text written with them
 * (`nguyen van a` finds `Nguyễn Văn A`) and headers match whatever way a sheet spells them.
 *
 * Lowercase, strip every combining mark (Vietnamese letters carry up to two: ễ = e + ^ + ~),
 * and fold đ/Đ to d: đ is a letter of its own in Unicode, not d plus a mark, so no
 * decomposition removes its stroke.
 */
export function foldText(text: string): string {
  // Plain ASCII (most phone numbers, English headers) needs no decomposition.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** Folded, with runs of anything that is not a letter or digit turned into one space. */
export function foldWords(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
