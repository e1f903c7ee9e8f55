/** One relation in the scoring grid: its scores per criterion, the total (0–100) and the class, live. */
import { For, Show, createMemo } from 'solid-js';
import type { Criterion, Relation } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatNumber, locale, t } from '../../i18n/index.ts';
import { ClassBadge } from './ClassBadge.tsx';

export function ScoreRow(props: {
  relation: Relation;
  index: number;
  /** Offset from the top of the body, in px. */
  top: number;
  criteria: Criterion[];
  /** The active column when this row holds the cursor, else -1. */
  activeCol: number;
  showKind: boolean;
  cellId: (row: number, col: number) => string;
  onCellPointer: (col: number) => void;
}) {
  const ws = useWorkspace();
  const classified = createMemo(() => ws.derived.classOf().get(props.relation.id));
  // Narrow memos: a new classification re-renders only what changed in this row.
  const score100 = createMemo(() => classified()?.score100 ?? null);
  const cls = createMemo(() => classified()?.class ?? null);
  const overridden = createMemo(() => Boolean(classified()?.override));
  const sheet = () => ws.data()?.scores[props.relation.id];
  const missingNames = createMemo(() => {
    const missing = classified()?.missing ?? [];
    if (missing.length === 0) return null;
    const names = new Map(props.criteria.map((c) => [c.id, c.name]));
    return missing.map((id) => names.get(id) ?? id).join(', ');
  });
  const kinds = () => ws.data()?.settings.classification.kinds ?? [];

  return (
    <div
      role="row"
      class="score-row"
      classList={{ incomplete: missingNames() !== null, current: props.activeCol >= 0 }}
      aria-rowindex={props.index + 2}
      data-relation={props.relation.name}
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <div role="rowheader" class="cell-name" aria-colindex={1}>
        <span class="rel-line">
          <span class="rel-title">{props.relation.name}</span>
          <Show when={props.showKind}>
            <span class="tag">{t(`kind.${props.relation.kind}`)}</span>
          </Show>
        </span>
        <Show when={missingNames()}>
          {(names) => (
            <span class="rel-missing" title={t('abc.scoring.missing', { list: names() })}>
              {t('abc.scoring.missing', { list: names() })}
            </span>
          )}
        </Show>
      </div>
      <For each={props.criteria}>
        {(c, j) => {
          const score = () => sheet()?.[c.id] ?? null;
          return (
            <div
              role="gridcell"
              id={props.cellId(props.index, j())}
              class="cell-score"
              classList={{ active: props.activeCol === j(), empty: score() === null }}
              data-score={score() ?? undefined}
              aria-colindex={j() + 2}
              aria-selected={props.activeCol === j()}
              aria-label={t('abc.scoring.cell', {
                relation: props.relation.name,
                criterion: c.name,
                score: score() === null ? t('abc.scoring.unscored') : String(score()),
              })}
              onMouseDown={() => props.onCellPointer(j())}
            >
              {score() ?? '·'}
            </div>
          );
        }}
      </For>
      <div role="gridcell" class="cell-total" aria-colindex={props.criteria.length + 2}>
        <Show when={score100() !== null} fallback={<span class="muted">–</span>}>
          <span class="total-bar" style={{ '--w': `${score100()}%` }} />
          <span class="total-num">{formatNumber(locale(), score100()!)}</span>
        </Show>
      </div>
      <div role="gridcell" class="cell-class" aria-colindex={props.criteria.length + 3}>
        <Show
          when={cls()}
          fallback={
            <span class="muted small">
              {missingNames() !== null
                ? t('abc.scoring.incomplete')
                : kinds().includes(props.relation.kind)
                  ? '–'
                  : t('abc.scoring.notClassified')}
            </span>
          }
        >
          {(c) => (
            <>
              <ClassBadge cls={c()} />
              <Show when={overridden()}>
                <span class="small muted">{t('abc.scoring.override')}</span>
              </Show>
            </>
          )}
        </Show>
      </div>
    </div>
  );
}
