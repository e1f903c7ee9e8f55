/**
 * The HMAC secret that signs access tokens: `HAARD_SECRET` if set, otherwise one generated on first
 * start into `<dataDir>/secret` (mode 0600) and reused, so tokens survive restarts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIN_SECRET_LENGTH = 16;

/** `HAARD_SECRET` when set (throws when it is too short to be safe); undefined when unset or empty. */
function secretFromEnv(dataDir: string, env: NodeJS.ProcessEnv): string | undefined {
  const fromEnv = env.HAARD_SECRET;
  if (fromEnv === undefined || fromEnv === '') return undefined;
  if (fromEnv.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `HAARD_SECRET is ${fromEnv.length} characters; use at least ${MIN_SECRET_LENGTH} ` +
        `(e.g. \`openssl rand -base64 32\`), or unset it to let Haard keep a generated one in ${dataDir}/secret.`,
    );
  }
  return fromEnv;
}

/** The stored secret in `file`; throws when it is too short to be one. */
function readStoredSecret(file: string): string {
  const stored = readFileSync(file, 'utf8').trim();
  if (stored.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `${file} holds no usable secret (${stored.length} characters). Delete it to generate a new one ` +
        `(existing access tokens then stop working), or set HAARD_SECRET.`,
    );
  }
  return stored;
}

/** The server's secret: `HAARD_SECRET`, else `<dataDir>/secret`, generated there (and the folder) if absent. */
export function loadOrCreateSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = secretFromEnv(dataDir, env);
  if (fromEnv !== undefined) return fromEnv;

  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret');
  try {
    // 'wx': fails if the file exists, so two processes starting together never overwrite each other's secret.
    writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readStoredSecret(file);
}

/**
 * The secret a server on `dataDir` signs with, for a tool that makes tokens for it (`haard token`): as
 * loadOrCreateSecret, but it never creates one — a secret made up here would sign tokens no server accepts.
 * Null when `HAARD_SECRET` is unset and `<dataDir>/secret` does not exist; throws as loadOrCreateSecret for a
 * secret too short to use.
 */
export function loadExistingSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = secretFromEnv(dataDir, env);
  if (fromEnv !== undefined) return fromEnv;
  const file = join(dataDir, 'secret');
  return existsSync(file) ? readStoredSecret(file) : null;
}
