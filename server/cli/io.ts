/** Reading the CLI's JSON input from a file or standard input; failures are values with one-line reasons. */
import { readFile } from 'node:fs/promises';
import type { Locale } from '../../core/model/index.ts';
import { jsonErrorText } from './jsonError.ts';
import type { CliMessages } from './messages.ts';

export type ReadResult = { ok: true; value: unknown } | { ok: false; error: string };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON from `file` (`-` or none: standard input); a failure says why in `t`'s language, with the place. */
export async function readJsonInput(
  file: string | undefined,
  t: CliMessages,
  lang: Locale,
): Promise<ReadResult> {
  let text: string;
  const where = file ?? t.stdin;
  try {
    if (file !== undefined && file !== '-') text = await readFile(file, 'utf8');
    else if (process.stdin.isTTY) return { ok: false, error: t.noInput };
    else text = await readStdin();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return {
      ok: false,
      error: t.readFailed(where, e.code === 'ENOENT' ? 'no such file' : (e.code ?? e.message)),
    };
  }
  if (text.trim() === '') return { ok: false, error: t.noInput };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: t.notJson(where, jsonErrorText(text, lang)) };
  }
}
