/**
 * Writes the golden fixtures: one encoded v1 document per kind (test/fixtures/docs/<kind>-v<version>.bin)
 * and its expected JSON (<kind>-v<version>.json). Run ONCE per schema version and commit the files; never
 * regenerate an existing version — the point is that documents saved by old clients keep loading.
 *
 *   npx tsx scripts/make-golden-fixtures.ts            # writes missing fixtures only
 *   npx tsx scripts/make-golden-fixtures.ts --force    # overwrite (only while a version is unreleased)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { KNOWN_VERSION, DOC_KINDS, readDocument } from '../doc/index.ts';
import { SAMPLES, docWithClient } from '../test/fixtures/docs/sample.ts';

const dir = fileURLToPath(new URL('../test/fixtures/docs/', import.meta.url));
const force = process.argv.includes('--force');

for (const kind of DOC_KINDS) {
  const base = `${dir}${kind}-v${KNOWN_VERSION[kind]}`;
  if (existsSync(`${base}.bin`) && !force) {
    console.log(`kept    ${base}.bin`);
    continue;
  }
  const doc = docWithClient(1);
  SAMPLES[kind](doc);
  writeFileSync(`${base}.bin`, Y.encodeStateAsUpdate(doc));
  writeFileSync(`${base}.json`, `${JSON.stringify(readDocument(kind, doc), null, 2)}\n`);
  console.log(`written ${base}.bin`);
}
