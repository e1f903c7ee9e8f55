/**
 * The team's own refusals (QA item 11): an e-mail that is not one, and a name already on the team — nothing
 * is written, and the issue says why in both languages. A peer's data is not subject to them (the schema
 * is unchanged), so old documents with such data still load.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { looksLikeEmail, nameKey, readWorkspace, workspaceIntents } from '../../doc/index.ts';
import { SAMPLES, assertOk, clock, opts } from '../fixtures/docs/sample.ts';
import type { WorkspaceDoc } from '../../core/model/index.ts';

const read = (doc: Y.Doc) => readWorkspace(doc) as unknown as WorkspaceDoc;

function team() {
  const doc = new Y.Doc();
  SAMPLES.workspace(doc);
  const ws = workspaceIntents(doc, opts({ user: 'anna' }, clock()));
  const bram = assertOk(ws.addProfessional({ name: 'Bram Jansen', email: 'bram@vandijk.nl' }));
  const count = () => Object.keys(read(doc).professionals).length;
  return { doc, ws, bram, count };
}

describe('looksLikeEmail', () => {
  it.each([
    ['anna@vandijk.nl', true],
    ['anna.de.vries+crm@mail.van-dijk.co.uk', true],
    ['niet-een-email', false],
    ['anna@vandijk', false],
    ['anna@@vandijk.nl', false],
    ['anna @vandijk.nl', false],
    ['anna@.nl', false],
    ['anna@vandijk..nl', false],
    ['@vandijk.nl', false],
  ])('%s → %s', (email, ok) => expect(looksLikeEmail(email)).toBe(ok));
});

describe('nameKey', () => {
  it.each([
    ['Bram Jansen', 'bram jansen'],
    ['  bram   JANSEN ', 'bram jansen'],
    ['Brâm Jánsen', 'bram jansen'],
  ])('%j → %j', (name, key) => expect(nameKey(name)).toBe(key));
});

describe('the team refuses', () => {
  it('a bad e-mail, on add and on edit, writing nothing', () => {
    const { doc, ws, bram, count } = team();
    const before = count();
    const added = ws.addProfessional({ name: 'Eva Smit', email: 'niet-een-email' });
    expect(added.ok).toBe(false);
    if (!added.ok) {
      expect(added.issues[0]!.code).toBe('invalid_email');
      expect(added.issues[0]!.text.nl).toBe('“niet-een-email” is geen e-mailadres (naam@kantoor.nl)');
    }
    expect(count()).toBe(before);
    expect(ws.updateProfessional(bram, { email: 'bram@' }).ok).toBe(false);
    expect(read(doc).professionals[bram]!.email).toBe('bram@vandijk.nl');
    // No e-mail at all is fine: it is optional.
    assertOk(ws.updateProfessional(bram, { email: '' }));
  });

  it.each(['Bram Jansen', 'bram jansen', ' Bram  Jansen ', 'Brám Jansen'])(
    'a second %j, on add and on rename, writing nothing',
    (twin) => {
      const { doc, ws, bram, count } = team();
      const before = count();
      const added = ws.addProfessional({ name: twin });
      expect(added.ok).toBe(false);
      if (!added.ok) {
        expect(added.issues[0]!.code).toBe('duplicate_name');
        expect(added.issues[0]!.text.en).toMatch(/^Bram Jansen is already on the team/);
      }
      expect(count()).toBe(before);
      const eva = assertOk(ws.addProfessional({ name: 'Eva Smit' }));
      expect(ws.updateProfessional(eva, { name: twin }).ok).toBe(false);
      expect(read(doc).professionals[eva]!.name).toBe('Eva Smit');
      // Saving one's own name again (or another field) is no duplicate.
      assertOk(ws.updateProfessional(bram, { name: 'Bram Jansen', seniority: 'senior' }));
    },
  );
});
