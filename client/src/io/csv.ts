/**
 * Reading a CSV file: bytes → text (encoding and byte-order mark), text → header and rows with the line
 * number each row starts on (papaparse detects the delimiter and handles quotes, also newlines inside
 * quoted cells). Pure: runs in the browser and in Node.
 */
import Papa from 'papaparse';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** A byte-order mark was found (and removed). */
  bom: boolean;
}

/**
 * Decode a file's bytes. UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; bytes that are
 * not valid UTF-8 are read as Windows-1252, which is what Excel on Windows writes for "CSV" in Western
 * Europe (the UI says so, so the user can check accented names in the preview).
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', bom: false };
  }
}

export interface CsvRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  cells: string[];
}

export type CsvProblem =
  | { code: 'empty' }
  | { code: 'unclosedQuote'; line: number }
  | { code: 'extraCells'; line: number; expected: number; found: number };

export interface ParsedCsv {
  headers: string[];
  rows: CsvRow[];
  delimiter: string;
  problems: CsvProblem[];
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Parse CSV text. The first non-empty row is the header. Never throws. */
export function parseCsv(text: string): ParsedCsv {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let delimiter = ',';
  let scanned = 0; // offset up to which newlines were counted
  let line = 1;
  let prevCursor = 0;
  const lineAt = (offset: number) => {
    for (; scanned < offset; scanned++) if (source.charCodeAt(scanned) === 10) line++;
    return line;
  };
  Papa.parse<string[]>(source, {
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: 'greedy',
    step: (result) => {
      let start = prevCursor;
      while (start < source.length && (source[start] === '\n' || source[start] === '\r')) start++;
      const rowLine = lineAt(start);
      prevCursor = result.meta.cursor;
      delimiter = result.meta.delimiter || delimiter;
      if (result.errors.some((e) => e.type === 'Quotes'))
        problems.push({ code: 'unclosedQuote', line: rowLine });
      records.push({ line: rowLine, cells: result.data.map((c) => (typeof c === 'string' ? c : '')) });
    },
  });
  const [header, ...rows] = records;
  if (!header) return { headers: [], rows: [], delimiter, problems: [{ code: 'empty' }] };
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
  return { headers, rows, delimiter, problems };
}

/**
 * Cells a spreadsheet would run as a formula ("=HYPERLINK(…)") are written with a leading apostrophe
 * (CSV injection); so are cells that already start with apostrophes before such a character, so that
 * `unescapeCell` — which removes exactly one — gives back the original text.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
export const unescapeCell = (cell: string): string => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** CSV text from a header and rows (papaparse quotes what needs quoting). */
export function writeCsv(headers: readonly string[], rows: readonly string[][], delimiter: string): string {
  return Papa.unparse(
    { fields: [...headers], data: rows.map((r) => [...r]) },
    { delimiter, newline: '\r\n', escapeFormulae: FORMULA },
  );
}
