/**
 * Record ids, created by clients (never by the relay): 16 url-safe characters from
 * `crypto.getRandomValues` (96 bits), so two offline clients never collide in practice.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const ID_LENGTH = 16;

export function newId(length: number = ID_LENGTH): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  // 64 symbols: the low 6 bits of a byte pick one without bias.
  for (const b of bytes) id += ALPHABET[b & 63];
  return id;
}

export const isUrlSafeId = (s: string): boolean => /^[A-Za-z0-9_-]+$/.test(s);
