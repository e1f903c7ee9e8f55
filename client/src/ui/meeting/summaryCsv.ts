/**
 * The commitments of a meeting as CSV (one row per commitment: what, who, when, why — the goal it serves, by
 * `names.why` (core/meetingBoard.ts commitmentWhy) — KPI and KPI target (two columns, as on the plan's action
 * table; empty for none), P, plan, presenter), for the
 * firm's own follow-up lists. Dutch files use `;` and English `,` (what Excel expects in each); dates stay
 * ISO `YYYY-MM-DD`, which every spreadsheet reads; cells a spreadsheet would run as a formula are escaped
 * (io/csv.ts `writeCsv`).
 */
import type { Commitment, Locale, MeetingBoardDoc } from '../../../../core/model/index.ts';
import { writeCsv } from '../../io/csv.ts';
import { formatDate, translate } from '../../i18n/index.ts';

export function commitmentsCsv(
  doc: Pick<MeetingBoardDoc, 'commitments' | 'agenda'>,
  names: {
    person: (id: string | null) => string;
    plan: (id: string) => string;
    /** The goal the commitment serves ('' for none). */
    why: (commitment: Commitment) => string;
  },
  lang: Locale,
): string {
  const headers = (
    [
      'mt.col.what',
      'mt.col.who',
      'mt.col.when',
      'mt.col.why',
      'plans.action.kpiName',
      'plans.action.kpiTarget',
      'mt.col.quadrant',
      'mt.col.plan',
      'mt.col.presenter',
    ] as const
  ).map((k) => translate(lang, k));
  const rows = Object.values(doc.commitments)
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id))
    .map((c) => [
      c.what,
      names.person(c.ownerId),
      c.due,
      names.why(c),
      c.kpi?.name ?? '',
      c.kpi?.target ?? '',
      // Commitments made before the form asked for a P land in Project (doc/commitments.ts).
      translate(lang, `plans.quadrant.${c.quadrant ?? 'project'}`),
      names.plan(c.planId),
      names.person(doc.agenda[c.agendaItemId]?.presenterId ?? null),
    ]);
  return writeCsv(headers, rows, lang === 'nl' ? ';' : ',');
}

/**
 * The CSV's file name: the board's title with one date. A title that already holds the board's date (the
 * default "Relationship meeting 30 Nov 2026", in either language, or as YYYY-MM-DD) is used as it is;
 * otherwise the ISO date is added. Characters file systems refuse become "-"; an empty title reads "meeting".
 */
export function commitmentsCsvName(doc: Pick<MeetingBoardDoc, 'title' | 'date'>): string {
  const title = doc.title.trim() || 'meeting';
  const dated = [doc.date, formatDate('en', doc.date), formatDate('nl', doc.date)].some((d) =>
    title.toLowerCase().includes(d.toLowerCase()),
  );
  return `${dated ? title : `${title} ${doc.date}`}.csv`.replace(/[\\/:*?"<>|]/g, '-');
}
