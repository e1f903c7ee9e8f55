/** Names and values of KPIs in the user's language (the library names come from the planViews catalog). */
import { KPI_LIBRARY } from '../../../../../core/kpi.ts';
import type { Kpi, KpiKind } from '../../../../../core/model/index.ts';
import { formatNumber, formatPercent, locale, t } from '../../../i18n/index.ts';

/** The KPI's own name, or its library name when it has none. */
export const kpiName = (kpi: Pick<Kpi, 'kind' | 'name'>): string =>
  kpi.name.trim() || t(`pv.kpi.kind.${kpi.kind}`);

/** A value in the KPI's unit: percentages as "87%", scores with one decimal, other numbers up to two. */
export function formatKpiValue(kind: KpiKind, value: number): string {
  switch (KPI_LIBRARY[kind].unit) {
    case 'percent':
      return formatPercent(locale(), value / 100);
    case 'score':
    case 'count':
      return formatNumber(locale(), value, 1);
    default:
      return formatNumber(locale(), value, 2);
  }
}
