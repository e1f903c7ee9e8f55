/**
 * Columns are linked by the names CRMs give them, in Dutch and English (client/src/io/headerNames.ts): a Dutch
 * Salesforce accounts export imports without touching the mapping (QA pass: every line failed "de relatie heeft
 * geen naam" because Accountnaam, Accounteigenaar, Jaarlijkse omzet and Omschrijving were not recognised).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkspaceDoc, readWorkspace } from '../../doc/index.ts';
import { decodeBytes, parseCsv } from '../../client/src/io/csv.ts';
import { planImport, previewRows } from '../../client/src/io/csvImport.ts';
import { suggestMapping, type Target } from '../../client/src/io/fields.ts';
import type { WorkspaceDoc } from '../../core/model/index.ts';
import { assertOk, seqIds } from '../fixtures/docs/sample.ts';

const fixture = (name: string) =>
  parseCsv(
    decodeBytes(new Uint8Array(readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url)))).text,
  );

function emptyWorkspace(): WorkspaceDoc {
  const doc = new Y.Doc();
  assertOk(createWorkspaceDoc(doc, { id: 'ws', name: 'Firma', locale: 'nl', now: '2026-03-01T09:00:00Z' }));
  return readWorkspace(doc) as WorkspaceDoc;
}

describe('a Dutch Salesforce accounts export', () => {
  it.each(['salesforce-accounts.csv', 'salesforce-cp1252.csv'])('%s maps by itself and imports', (file) => {
    const csv = fixture(file);
    const mapping = suggestMapping(csv.headers);
    expect(Object.fromEntries(csv.headers.map((h, i) => [h, mapping[i]]))).toEqual({
      Accountnaam: 'relation.name',
      Accounteigenaar: 'relation.owner',
      Type: 'relation.kind',
      Branche: 'relation.sector',
      'Jaarlijkse omzet': 'relation.revenue',
      'Laatste activiteit': 'log.lastActivity',
      Plaats: 'ignore', // Haard keeps no place
      Omschrijving: 'relation.notes',
    });
    const data = emptyWorkspace();
    const plan = planImport(
      csv,
      { ...data, memory: data.settings.importMemory },
      {
        mapping,
        numberFormat: 'auto',
        dateOrder: 'auto',
        duplicates: null,
        excluded: new Set(),
        newId: seqIds('n'),
        historyNote: 'Laatste activiteit in het CRM',
      },
    );
    expect(plan.issues).toEqual([]);
    expect(plan.counts).toMatchObject({ add: 6, history: 6, professionals: 4 });
    const jansen = plan.records!.addRelations!.find((r) => r.name === 'Jansen Installatietechniek B.V.')!;
    expect(jansen).toMatchObject({ revenue: 2_350_000, notes: 'Grootste klant; sinds 2015' });
    // The company on lines 2 and 7 is one relation: the preview says so, as the summary ("6 new") counts it.
    expect(previewRows(plan, 20).map((r) => [r.line, r.sameAs ?? r.action])).toEqual([
      [2, 'add'],
      [3, 'add'],
      [4, 'add'],
      [6, 'add'],
      [7, 2],
      [8, 'add'],
      [10, 'add'],
    ]);
  });
});

/** A CRM's header row, and what each column should be linked to (`-`: nothing in Haard). */
const CRM_EXPORTS: Array<[string, string, string]> = [
  [
    'Salesforce accounts (en)',
    'Account Name;Account Owner;Type;Industry;Annual Revenue;Billing City;Description;Phone',
    'relation.name relation.owner relation.kind relation.sector relation.revenue - relation.notes contact.phone',
  ],
  [
    'Salesforce contacts (nl)',
    'Voornaam;Achternaam;Titel;E-mail;Telefoon;Accountnaam;Contacteigenaar',
    'contact.name contact.name contact.title contact.email contact.phone relation.name contact.owner',
  ],
  [
    'HubSpot companies (en)',
    'Record ID;Company name;Company owner;Industry;Annual Revenue;City;Description;Phone Number',
    '- relation.name relation.owner relation.sector relation.revenue - relation.notes contact.phone',
  ],
  [
    'HubSpot companies (nl)',
    'Record-ID;Bedrijfsnaam;Bedrijfseigenaar;Branche;Jaarlijkse omzet;Plaats;Beschrijving;Telefoonnummer',
    '- relation.name relation.owner relation.sector relation.revenue - relation.notes contact.phone',
  ],
  [
    'HubSpot contacts (nl)',
    'Voornaam;Achternaam;E-mail;Functie;Eigenaar contactpersoon;Bijbehorend bedrijf',
    'contact.name contact.name contact.email contact.title contact.owner relation.name',
  ],
  [
    'Dynamics 365 accounts (en)',
    'Account Name;Owner;Relationship Type;Industry;Annual Revenue;Address 1: City;Description;Main Phone;Primary Contact',
    'relation.name relation.owner relation.kind relation.sector relation.revenue - relation.notes contact.phone contact.name',
  ],
  [
    'Dynamics 365 accounts (nl)',
    'Accountnaam;Eigenaar;Relatietype;Branche;Jaaromzet;Adres 1: plaats;Beschrijving;Hoofdtelefoon;Primaire contactpersoon',
    'relation.name relation.owner relation.kind relation.sector relation.revenue - relation.notes contact.phone contact.name',
  ],
  [
    'Dynamics 365 contacts (nl)',
    'Volledige naam;Functie;E-mail;Zakelijke telefoon;Bedrijfsnaam',
    'contact.name contact.title contact.email contact.phone relation.name',
  ],
  [
    'Pipedrive (en)',
    'Organization - Name;Organization - Owner;Organization - Industry;Person - Name;Person - Email - Work;Person - Phone - Work',
    'relation.name relation.owner relation.sector contact.name contact.email contact.phone',
  ],
  [
    'Pipedrive (nl)',
    'Organisatie - Naam;Organisatie - Eigenaar;Organisatie - Branche;Persoon - Naam;Persoon - E-mail - Werk;Persoon - Telefoon - Werk',
    'relation.name relation.owner relation.sector contact.name contact.email contact.phone',
  ],
  [
    'Exact Online relations',
    'Code;Naam;Plaats;Accountmanager;Branche;E-mail;Telefoon',
    '- relation.name - relation.owner relation.sector contact.email contact.phone',
  ],
];

describe('column names of CRM exports, Dutch and English', () => {
  it.each(CRM_EXPORTS)('%s', (_crm, headers, expected) => {
    const want = expected.split(' ').map((t) => (t === '-' ? 'ignore' : t)) as Target[];
    expect(suggestMapping(headers.split(';'))).toEqual(want);
  });
});
