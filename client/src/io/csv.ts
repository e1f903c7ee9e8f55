/**
 * Reading a CSV file: bytes → text (encoding and byte-order mark), text → header and rows, each with the
 * line of the file it starts on — the number a person's editor shows, whatever the line ends (LF, CRLF,
 * old-Mac CR, or a mix), whichever rows are skipped, and with quoted cells that hold line breaks.
 * papaparse does the quote-aware parsing; the delimiter is guessed here (see `guessDelimiter`) and the
 * person can overrule the guess. Pure: runs in the browser and in Node.
 */
import Papa from 'papaparse';
import { parseNumber } from './numbers.ts';

export const ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** A byte-order mark was found (and removed). */
  bom: boolean;
}

/**
 * Decode a file's bytes. Without `encoding` it is guessed: UTF-16 with its BOM, UTF-8 (with or without
 * BOM) when the bytes are valid UTF-8, else Windows-1252 — what Excel on Windows writes for "CSV" in Western
 * Europe (the UI says so, so the user can check accented names in the preview). With `encoding` the bytes
 * are read that way (a BOM of that encoding is removed; bytes that do not fit become U+FFFD).
 */
export function decodeBytes(bytes: Uint8Array, encoding?: Encoding): DecodedText {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding) {
    const bom =
      (encoding === 'utf-16le' && le) || (encoding === 'utf-16be' && be) || (encoding === 'utf-8' && utf8Bom);
    const body = bom ? bytes.subarray(encoding === 'utf-8' ? 3 : 2) : bytes;
    return { text: new TextDecoder(encoding).decode(body), encoding, bom };
  }
  if (le)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (be)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  const body = utf8Bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom: utf8Bom };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', bom: false };
  }
}

export interface CsvRow {
  /** The line of the file the row starts on (the header's line is usually 1). */
  line: number;
  cells: string[];
}

export type CsvProblem =
  | { code: 'empty' }
  | { code: 'unclosedQuote'; line: number }
  | { code: 'extraCells'; line: number; expected: number; found: number };

export interface ParsedCsv {
  headers: string[];
  /** The header's line. */
  headerLine: number;
  rows: CsvRow[];
  /** The delimiter the rows were split on. */
  delimiter: Delimiter;
  /** What `guessDelimiter` made of the file (the same as `delimiter` unless the person chose another). */
  guessedDelimiter: Delimiter;
  problems: CsvProblem[];
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Every line break as one "\n": CRLF, CR and LF each end one line, as editors count them. Line breaks inside
 * quoted cells become "\n" too — what a text field in the browser holds.
 */
const normaliseLineEnds = (text: string): string => text.replace(/\r\n?/g, '\n');

/** A row the parser skips: nothing in it but spaces (a blank line, or only delimiters as in ";;"). */
const isBlank = (cells: readonly unknown[]) => cells.every((c) => typeof c !== 'string' || c.trim() === '');

/** Up to `limit` non-blank records of `text` split on `delimiter`. */
function sampleRows(text: string, delimiter: Delimiter, limit: number): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: '\n', preview: limit * 2 });
  return parsed.data.filter((r) => !isBlank(r)).slice(0, limit);
}

/** A cell that is one whole number as people write them, e.g. "12.500,50" or "1,234.56" (not "12" or "abc"). */
const isSeparatedNumber = (cell: string) => /[.,]/.test(cell) && parseNumber(cell, null).ok;

/** A cell with more opening than closing brackets or the reverse: a phrase cut in two ("Omzet (EUR"). */
const unbalanced = (cell: string) =>
  (cell.match(/\(/g)?.length ?? 0) !== (cell.match(/\)/g)?.length ?? 0) ||
  (cell.match(/\[/g)?.length ?? 0) !== (cell.match(/]/g)?.length ?? 0);

export interface DelimiterScore {
  delimiter: Delimiter;
  /** The most common number of cells per row (ties: the larger). A delimiter giving 1 is no delimiter. */
  columns: number;
  /** Share of the sampled rows with exactly `columns` cells. */
  consistency: number;
  /**
   * Evidence against it: numbers it would cut in two (cells that another candidate keeps whole as one
   * number and that contain this delimiter, like the "," of "12.500,50"), and cells it leaves with
   * unbalanced brackets ("Omzet (EUR" | " excl. btw)").
   */
  against: number;
}

/**
 * The delimiter of a CSV text, with the evidence per candidate. A candidate must split the rows into at
 * least two columns; among those, the one whose rows most often have the same number of cells wins, then
 * the one with the least evidence against it, then the most columns, then the order of DELIMITERS.
 * So `Bedrijf;Omzet (EUR, excl. btw)` and `A;12.500,50` are read as semicolon-separated: a comma that
 * sits inside decimal-comma numbers and bracketed phrases is not the delimiter. With no candidate giving
 * two columns, ",": a file of one column.
 */
export function guessDelimiter(
  text: string,
  sampleSize = 50,
): { delimiter: Delimiter; scores: DelimiterScore[] } {
  const source = normaliseLineEnds(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const samples = new Map(DELIMITERS.map((d) => [d, sampleRows(source, d, sampleSize)] as const));
  const scores: DelimiterScore[] = DELIMITERS.map((delimiter) => {
    const rows = samples.get(delimiter)!;
    const freq = new Map<number, number>();
    for (const r of rows) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
    let columns = 0;
    let best = 0;
    for (const [n, f] of freq) if (f > best || (f === best && n > columns)) [columns, best] = [n, f];
    return { delimiter, columns, consistency: rows.length ? best / rows.length : 0, against: 0 };
  });
  const viable = scores.filter((s) => s.columns >= 2);
  for (const s of viable) {
    let against = 0;
    for (const other of viable) {
      if (other === s) continue;
      for (const row of samples.get(other.delimiter)!)
        for (const cell of row) if (cell.includes(s.delimiter) && isSeparatedNumber(cell.trim())) against++;
    }
    for (const row of samples.get(s.delimiter)!) for (const cell of row) if (unbalanced(cell)) against++;
    s.against = against;
  }
  const ranked = [...viable].sort(
    (a, b) =>
      b.consistency - a.consistency ||
      a.against - b.against ||
      b.columns - a.columns ||
      DELIMITERS.indexOf(a.delimiter) - DELIMITERS.indexOf(b.delimiter),
  );
  return { delimiter: ranked[0]?.delimiter ?? ',', scores };
}

/**
 * Parse CSV text: the first row that is not blank is the header; blank rows (empty, spaces, or only
 * delimiters) are skipped and never shift a later row's line number. `delimiter` overrules the guess.
 * Never throws.
 */
export function parseCsv(text: string, opts: { delimiter?: Delimiter } = {}): ParsedCsv {
  const source = normaliseLineEnds(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const guessedDelimiter = guessDelimiter(source).delimiter;
  const delimiter = opts.delimiter ?? guessedDelimiter;
  const records: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let counted = 0; // offset up to which line breaks were counted
  let line = 1;
  let start = 0; // where the current record starts: papaparse's cursor after the previous one
  const lineAt = (offset: number) => {
    for (; counted < offset; counted++) if (source.charCodeAt(counted) === 10) line++;
    return line;
  };
  Papa.parse<string[]>(source, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      const rowLine = lineAt(start);
      start = result.meta.cursor;
      if (isBlank(result.data)) return;
      if (result.errors.some((e) => e.type === 'Quotes'))
        problems.push({ code: 'unclosedQuote', line: rowLine });
      records.push({ line: rowLine, cells: result.data.map((c) => (typeof c === 'string' ? c : '')) });
    },
  });
  const [header, ...rows] = records;
  if (!header)
    return {
      headers: [],
      headerLine: 1,
      rows: [],
      delimiter,
      guessedDelimiter,
      problems: [{ code: 'empty' }],
    };
  const headers = header.cells.map((h) => h.trim());
  for (const row of rows) {
    const extra = row.cells.slice(headers.length).filter((c) => c.trim() !== '');
    if (extra.length)
      problems.push({
        code: 'extraCells',
        line: row.line,
        expected: headers.length,
        found: row.cells.length,
      });
    while (row.cells.length < headers.length) row.cells.push('');
  }
  return { headers, headerLine: header.line, rows, delimiter, guessedDelimiter, problems };
}

/**
 * Cells a spreadsheet would run as a formula ("=HYPERLINK(…)") are written with a leading apostrophe
 * (CSV injection); so are cells that already start with apostrophes before such a character, so that
 * `unescapeCell` — which removes exactly one — gives back the original text.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
export const unescapeCell = (cell: string): string => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * CSV text from a header and rows (papaparse quotes what needs quoting). Every cell a spreadsheet would run
 * as a formula gets its apostrophe, except the cells `trusted` names (row and column index): formulas the
 * caller wrote on purpose and knows to be harmless (csvExport.ts: a phone number as `="…"`).
 */
export function writeCsv(
  headers: readonly string[],
  rows: readonly string[][],
  delimiter: string,
  trusted: (row: number, column: number) => boolean = () => false,
): string {
  const escape = (cell: string) => (FORMULA.test(cell) ? `'${cell}` : cell);
  return Papa.unparse(
    {
      fields: headers.map(escape),
      data: rows.map((r, i) => r.map((cell, j) => (trusted(i, j) ? cell : escape(cell)))),
    },
    { delimiter, newline: '\r\n', escapeFormulae: false },
  );
}
