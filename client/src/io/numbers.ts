/**
 * Numbers as people type them in Dutch ("1.234,56") and English ("1,234.56") CSV exports.
 *
 * How ambiguity is resolved:
 *  1. A value that holds both separators is unambiguous: the last one is the decimal separator.
 *  2. A separator that occurs more than once is a thousands separator ("1.234.567" → Dutch).
 *  3. A single separator is a decimal separator when it is not followed by exactly three digits
 *     ("12,5" → Dutch, "12.50" → English), or when the part before it cannot be a thousands group
 *     ("0.125", "1234.567").
 *  4. What is left — one separator, 1–3 digits before it (not starting with 0), exactly three after it
 *     ("1.234", "12,345") — is ambiguous on its own. Such a value takes the format the rest of the file
 *     shows (rule 1–3 evidence over every number column); when the file shows none, the separator is read
 *     as a thousands separator (money with three decimals is rare, thousands are common).
 *  5. When the file shows both formats, each value is read by its own evidence and an ambiguous value is
 *     an error: the user picks the format explicitly.
 * Currency signs (€, $, £, EUR, USD, GBP) and spaces as thousands separators are ignored.
 */

export type NumberFormat = 'nl' | 'en';
/** What a file shows: one format, none, or both (`conflict`). */
export type DetectedFormat = NumberFormat | null | 'conflict';

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: 'notANumber' | 'ambiguous' };

const CURRENCY = /^(?:€|\$|£|eur|usd|gbp)\s*|\s*(?:€|\$|£|eur|usd|gbp)$/gi;
const SPACES = /[\s\u00a0\u202f\u2009]/g;
const EXPONENT = /^\d+(?:\.\d+)?e[+-]?\d+$/i;

/** The number's body without sign, currency and spaces; null when empty. */
function clean(text: string): { negative: boolean; body: string } | null {
  let s = text.trim().replace(CURRENCY, '').trim();
  let negative = false;
  if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1).trim().replace(CURRENCY, '');
  }
  s = s.replace(SPACES, '');
  return s === '' ? null : { negative, body: s };
}

/** What one value says about the decimal separator; null when it says nothing (or is ambiguous). */
export function numberEvidence(text: string): NumberFormat | null {
  const c = clean(text);
  if (!c || !/^\d[\d.,]*$/.test(c.body)) return null;
  const { body } = c;
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots && commas) return body.lastIndexOf(',') > body.lastIndexOf('.') ? 'nl' : 'en';
  if (dots > 1) return 'nl';
  if (commas > 1) return 'en';
  if (dots + commas === 0) return null;
  const sep = dots ? '.' : ',';
  const [int, frac] = body.split(sep) as [string, string];
  const couldBeGroup = frac.length === 3 && /^[1-9]\d{0,2}$/.test(int);
  if (couldBeGroup) return null;
  return sep === ',' ? 'nl' : 'en';
}

/** The format a set of values shows (rule 1–3 evidence), `null` when none, `conflict` when both. */
export function detectNumberFormat(values: Iterable<string>): DetectedFormat {
  let found: NumberFormat | null = null;
  for (const v of values) {
    const e = numberEvidence(v);
    if (!e) continue;
    if (found && found !== e) return 'conflict';
    found = e;
  }
  return found;
}

function parseAs(body: string, format: NumberFormat): number | null {
  const decimal = format === 'nl' ? ',' : '.';
  const group = format === 'nl' ? '.' : ',';
  const parts = body.split(decimal);
  if (parts.length > 2) return null;
  const [int, frac] = parts as [string, string | undefined];
  if (frac !== undefined && !/^\d+$/.test(frac)) return null;
  const g = group === '.' ? '\\.' : ',';
  if (!new RegExp(`^(?:\\d+|\\d{1,3}(?:${g}\\d{3})+)$`).test(int)) return null;
  const n = Number(`${int.split(group).join('')}${frac === undefined ? '' : `.${frac}`}`);
  return Number.isFinite(n) ? n : null;
}

/**
 * Parse one value. `format` is the explicit choice, or the file's detected format (`null`: no evidence,
 * so an ambiguous value is read with a thousands separator; `conflict`: an ambiguous value is an error).
 * Empty text is not a number: callers treat empty cells before calling this.
 */
export function parseNumber(text: string, format: DetectedFormat): ParsedNumber {
  const c = clean(text);
  if (!c) return { ok: false, reason: 'notANumber' };
  const sign = c.negative ? -1 : 1;
  if (EXPONENT.test(c.body)) return { ok: true, value: sign * Number(c.body) };
  if (!/^\d[\d.,]*$/.test(c.body)) return { ok: false, reason: 'notANumber' };
  let use: NumberFormat;
  if (format === 'nl' || format === 'en') use = format;
  else {
    const own = numberEvidence(c.body);
    if (own) use = own;
    else if (!/[.,]/.test(c.body)) use = 'en';
    else if (format === 'conflict') return { ok: false, reason: 'ambiguous' };
    else use = c.body.includes('.') ? 'nl' : 'en'; // read the lone separator as thousands
  }
  const n = parseAs(c.body, use);
  return n === null ? { ok: false, reason: 'notANumber' } : { ok: true, value: sign * n };
}

/**
 * A number for a CSV cell that `parseNumber` reads back exactly, whatever else is in the file: shortest
 * round-trip digits, no thousands separator, the decimal separator of `format`.
 */
export function formatNumberCell(n: number, format: NumberFormat): string {
  let s = String(n);
  if (/e/i.test(s)) return s;
  // "123.456" alone would read as thousands (rule 4): a trailing zero makes it unambiguous.
  if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(s)) s += '0';
  return format === 'nl' ? s.replace('.', ',') : s;
}

/**
 * A small decimal a person types into a form field (a weight, a share, a threshold): either separator is
 * the decimal mark ("2,5" and "2.5" are 2.5), there are no thousands. Empty or unreadable text is NaN,
 * which the intents refuse with a message at the field.
 */
export function parseDecimal(text: string): number {
  const s = text.trim();
  return s === '' ? NaN : Number(s.replace(',', '.'));
}
