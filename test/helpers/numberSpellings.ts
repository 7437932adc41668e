/**
 * One number, +84393537138, as agents and customers say and type it: the old 11-digit number
 * (0169 → 039 in 2018), with +84 / 84 / 0084 / +84 (0), dots, spaces, dashes, no-break spaces,
 * full-width digits, and the new number in the same forms.
 */
export const NUMBER_SPELLINGS = [
  '01693537138',
  '0169.353.7138',
  '0169 353 7138',
  '0169-353-7138',
  '0169\u00a0353\u00a07138',
  '+84 169 353 7138',
  '+841693537138',
  '841693537138',
  '0084 169 353 7138',
  '+84 (0) 169 353 7138',
  '１６９３５３７１３８',
  '０１６９３５３７１３８',
  '＋８４ １６９ ３５３ ７１３８',
  '0393537138',
  '0393.537.138',
  '+84 393 537 138',
  '84393537138',
  '0084393537138',
  '393537138',
  '０３９３５３７１３８',
];
