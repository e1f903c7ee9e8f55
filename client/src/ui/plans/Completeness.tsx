/** A plan's completeness (0–100, core/plan) as a labelled meter, on every plan card and the plan header. */
import { t } from '../../i18n/index.ts';

export function Completeness(props: { value: number | null; large?: boolean }) {
  const level = () =>
    props.value === null ? 'none' : props.value >= 80 ? 'high' : props.value >= 50 ? 'mid' : 'low';
  return (
    <span class="completeness" data-level={level()} data-large={props.large ? '' : undefined}>
      <meter
        min={0}
        max={100}
        low={50}
        high={80}
        optimum={100}
        value={props.value ?? 0}
        aria-label={t('plans.completeness')}
      />
      <span class="completeness-value">{props.value === null ? '—' : `${Math.round(props.value)}%`}</span>
    </span>
  );
}
