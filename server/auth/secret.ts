/**
 * The HMAC secret that signs access tokens: `HAARD_SECRET` if set, otherwise one generated on first
 * start into `<dataDir>/secret` (mode 0600) and reused, so tokens survive restarts.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIN_SECRET_LENGTH = 16;

export function loadOrCreateSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.HAARD_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `HAARD_SECRET is ${fromEnv.length} characters; use at least ${MIN_SECRET_LENGTH} ` +
          `(e.g. \`openssl rand -base64 32\`), or unset it to let Haard keep a generated one in ${dataDir}/secret.`,
      );
    }
    return fromEnv;
  }

  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret');
  try {
    // 'wx': fails if the file exists, so two processes starting together never overwrite each other's secret.
    writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = readFileSync(file, 'utf8').trim();
  if (stored.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `${file} holds no usable secret (${stored.length} characters). Delete it to generate a new one ` +
        `(existing access tokens then stop working), or set HAARD_SECRET.`,
    );
  }
  return stored;
}
