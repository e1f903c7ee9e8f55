/**
 * A commitment's KPI (Commitment.kpi, the plan action's `kpi` shape: name and target) as people read it on the
 * board and in the meeting summary, and the form's rule for a half-typed one.
 */
import type { ActionKpi, Locale } from '../../../../core/model/index.ts';
import { translate, type MessageKey } from '../../i18n/index.ts';

/**
 * One phrase for a KPI in `lang`: "satisfaction score, target 9" ("…, streefwaarde 9"); the name alone when it has
 * no target, "target 9" when it has no name; '' for none (null, absent — boards from before KPIs — or blank).
 */
export function kpiPhrase(kpi: ActionKpi | null | undefined, lang: Locale): string {
  const name = kpi?.name.trim() ?? '';
  const target = kpi?.target.trim() ?? '';
  if (name && target) return translate(lang, 'mt.commit.kpiPhrase', { name, target });
  if (target) return translate(lang, 'mt.commit.kpiTargetOnly', { target });
  return name;
}

/**
 * What the commitment form says about the KPI fields as typed, or null when they can be filed: both empty (no
 * KPI — the plan then shows `action.noKpi`, as for any action without one) or both filled. Half a KPI is asked
 * to be completed rather than filed, since the plan would report it as an error at once.
 */
export function kpiProblem(name: string, target: string): { key: MessageKey; target?: string } | null {
  const n = name.trim();
  const tg = target.trim();
  if (n && !tg) return { key: 'mt.commit.kpiNoTarget' };
  if (!n && tg) return { key: 'mt.commit.kpiNoName', target: tg };
  return null;
}
