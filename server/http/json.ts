/** JSON bodies and error replies of the HTTP API: errors are values `{ error: { reason, message } }`. */
import type { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 16 * 1024;

export type Reply = { status: number; body: unknown };

export const error = (status: number, reason: string, message: string): Reply => ({
  status,
  body: { error: { reason, message } },
});

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request body as JSON (an empty body is `{}`); at most 16 KiB. */
export async function readJson(
  request: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; reply: Reply }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      return { ok: false, reply: error(413, 'tooLarge', 'the request body is too large') };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') };
  } catch {
    return { ok: false, reply: error(400, 'badJson', 'the request body is not JSON') };
  }
}
