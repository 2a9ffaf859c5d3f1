/** What a typed search can mean; each is null when the text cannot be that kind of key. */
export interface SearchTerms {
  /** Upper-cased text, compared with reservation references. */
  upper: string;
  /** A full ticket code (ticket id + 16-character MAC). */
  code: string | null;
  /** An order id prefix or reference (its last characters). */
  ref: string | null;
  /** Case-insensitive "contains" pattern for names, wildcards escaped. */
  like: string;
  /** The digits of a phone number, when the text is one. */
  digits: string | null;
}

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]+$/;
const PHONE = /^[\d\s()+.-]+$/;

export function searchTerms(query: string): SearchTerms {
  const text = query.trim();
  const upper = text.toUpperCase();
  const digits = text.replace(/\D/g, '');
  return {
    upper,
    code: upper.length === 42 && CROCKFORD.test(upper) ? upper : null,
    ref: upper.length >= 4 && upper.length <= 26 && CROCKFORD.test(upper) ? upper : null,
    like: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    digits: PHONE.test(text) && digits.length >= 3 ? digits : null,
  };
}
