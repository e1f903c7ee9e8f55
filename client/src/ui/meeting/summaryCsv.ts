/**
 * The commitments of a meeting as CSV (one row per commitment: what, who, when, plan, presenter), for the
 * firm's own follow-up lists. Dutch files use `;` and English `,` (what Excel expects in each); dates stay
 * ISO `YYYY-MM-DD`, which every spreadsheet reads; cells a spreadsheet would run as a formula are escaped
 * (io/csv.ts `writeCsv`).
 */
import type { Locale, MeetingBoardDoc } from '../../../../core/model/index.ts';
import { writeCsv } from '../../io/csv.ts';
import { translate } from '../../i18n/index.ts';

export function commitmentsCsv(
  doc: Pick<MeetingBoardDoc, 'commitments' | 'agenda'>,
  names: { person: (id: string | null) => string; plan: (id: string) => string },
  lang: Locale,
): string {
  const headers = (
    ['mt.col.what', 'mt.col.who', 'mt.col.when', 'mt.col.plan', 'mt.col.presenter'] as const
  ).map((k) => translate(lang, k));
  const rows = Object.values(doc.commitments)
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id))
    .map((c) => [
      c.what,
      names.person(c.ownerId),
      c.due,
      names.plan(c.planId),
      names.person(doc.agenda[c.agendaItemId]?.presenterId ?? null),
    ]);
  return writeCsv(headers, rows, lang === 'nl' ? ';' : ',');
}
