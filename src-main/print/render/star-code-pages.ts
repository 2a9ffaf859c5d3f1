import { MarqueeError } from '../../../src-shared/errors.ts';
import { codePage, type CodePage, type CodePageName } from './code-pages.ts';

/**
 * Star Line Mode's numbers for `ESC GS t n`, for the code pages Marquee has tables for. Star numbers
 * its tables differently from Epson's ESC t (PC858 is 4, not 19); pages Star printers lack are left out.
 */
const starTableNumbers: Partial<Record<CodePageName, number>> = {
  PC437_USA: 1,
  PC858_EURO: 4,
  PC852_LATIN2: 5,
  PC860_PORTUGUESE: 6,
  PC861_ICELANDIC: 7,
  PC863_CANADIAN_FRENCH: 8,
  PC865_NORDIC: 9,
  PC866_CYRILLIC2: 10,
  PC855_CYRILLIC: 11,
  PC857_TURKISH: 12,
  PC737_GREEK: 15,
  WPC1252: 32,
  WPC1250_LATIN2: 33,
  WPC1251_CYRILLIC: 34,
};

export const starCodePageNames = Object.keys(starTableNumbers) as CodePageName[];

/** The `ESC GS t` number of a page, or a clear refusal when Star printers do not have it. */
export function starTableNumber(page: CodePage): number {
  const n = starTableNumbers[page.name];
  if (n === undefined) {
    throw new MarqueeError(
      'BAD_INPUT',
      `Star printers have no ${page.name} character set; set the printer to one of ${starCodePageNames.join(', ')}.`,
    );
  }
  return n;
}

/** The page a Star printer switches to on `ESC GS t n`; 0 ("normal") and 3 are its PC437 too. */
export function starCodePageByNumber(n: number): CodePage | undefined {
  if (n === 0 || n === 3) return codePage('PC437_USA');
  const name = starCodePageNames.find((k) => starTableNumbers[k] === n);
  return name ? codePage(name) : undefined;
}
