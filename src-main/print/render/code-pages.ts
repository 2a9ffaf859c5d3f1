import { MarqueeError } from '../../../src-shared/errors.ts';
import { codePageTables } from './code-page-tables.ts';

export type CodePageName = keyof typeof codePageTables;

/** Short names people type for the same tables. */
const aliases: Record<string, CodePageName> = {
  WPC1250: 'WPC1250_LATIN2',
  WPC1251: 'WPC1251_CYRILLIC',
  WPC1253: 'WPC1253_GREEK',
  WPC1254: 'WPC1254_TURKISH',
  WPC1257: 'WPC1257_BALTIC_RIM',
  SLOVENIA: 'PC852_LATIN2',
};

export interface CodePage {
  name: CodePageName;
  escT: number;
  encode: ReadonlyMap<string, number>;
  /** Bytes 0x80-0xFF back to characters; U+FFFD where the page has nothing. */
  upper: string;
}

const cache = new Map<CodePageName, CodePage>();

export const codePageNames = Object.keys(codePageTables) as CodePageName[];

function resolveCodePageName(characterSet: string): CodePageName {
  const upperName = characterSet.trim().toUpperCase();
  if (upperName in codePageTables) return upperName as CodePageName;
  const alias = aliases[upperName];
  if (alias) return alias;
  throw new MarqueeError(
    'BAD_INPUT',
    `The printer's character set '${characterSet}' is not one Marquee can print; use one of ${codePageNames.join(', ')}.`,
  );
}

export function codePage(characterSet: string): CodePage {
  const name = resolveCodePageName(characterSet);
  let page = cache.get(name);
  if (!page) {
    const table = codePageTables[name];
    const encode = new Map<string, number>();
    [...table.upper].forEach((ch, i) => {
      if (ch !== '\uFFFD' && !encode.has(ch)) encode.set(ch, 0x80 + i);
    });
    page = { name, escT: table.escT, encode, upper: table.upper };
    cache.set(name, page);
  }
  return page;
}

export function codePageByEscT(escT: number): CodePage | undefined {
  const name = codePageNames.find((n) => codePageTables[n].escT === escT);
  return name ? codePage(name) : undefined;
}

/** The bytes of `text` on this page, or null when some character is not on it. */
export function encodeOnPage(text: string, page: CodePage): Buffer | null {
  const bytes = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) bytes[n++] = code;
    else {
      const b = page.encode.get(ch);
      if (b === undefined) return null;
      bytes[n++] = b;
    }
  }
  return bytes.subarray(0, n);
}

export function decodeByte(byte: number, page: CodePage): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  return page.upper[byte - 0x80] ?? '\uFFFD';
}
