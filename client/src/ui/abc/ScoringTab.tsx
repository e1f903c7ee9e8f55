/**
 * The scoring grid: relations × criteria, one focusable widget (role="grid" with aria-activedescendant),
 * built for scoring with the keyboard only (see gridModel.ts). Rows are virtualised, so 2,000 relations
 * render as a few dozen rows; a keypress writes one score through the intent and only that cell, its
 * row's total and class, and the summary re-render.
 */
import { useSearchParams } from '@solidjs/router';
import { createVirtualizer } from '@tanstack/solid-virtual';
import { For, Show, createEffect, createMemo, createSignal, on, onMount } from 'solid-js';
import type { Relation } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { locale, t, tn } from '../../i18n/index.ts';
import { ADVANCES, clampPos, gridKey, type Advance, type GridPos } from './gridModel.ts';
import { LevelHint } from './LevelHint.tsx';
import { ScoreRow } from './ScoreRow.tsx';
import { issuesText } from './messages.ts';

export const ROW_H = 48;
export const HEAD_H = 52;
const ADVANCE_KEY = 'haard.abc.advance';

export function ScoringTab() {
  const ws = useWorkspace();
  const [params] = useSearchParams<{ r?: string }>();
  const [showAll, setShowAll] = createSignal(false);
  const [filter, setFilter] = createSignal('');
  const stored = globalThis.localStorage?.getItem(ADVANCE_KEY) as Advance | null;
  const [advance, setAdvanceSignal] = createSignal<Advance>(
    stored && ADVANCES.includes(stored) ? stored : 'right',
  );
  const setAdvance = (a: Advance) => {
    globalThis.localStorage?.setItem(ADVANCE_KEY, a);
    setAdvanceSignal(a);
  };
  const [error, setError] = createSignal<string | null>(null);
  const [refused, setRefused] = createSignal(false);

  const criteria = ws.derived.criteria;
  const collator = createMemo(() => new Intl.Collator(locale(), { sensitivity: 'base', numeric: true }));
  const rows = createMemo<Relation[]>(() => {
    const d = ws.data();
    if (!d) return [];
    const kinds = new Set<string>(d.settings.classification.kinds);
    const all = showAll();
    const q = filter().trim().toLocaleLowerCase();
    const c = collator();
    return Object.values(d.relations)
      .filter((r) => (all || kinds.has(r.kind)) && (!q || r.name.toLocaleLowerCase().includes(q)))
      .sort((a, b) => c.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  });
  const rowIndex = createMemo(() => new Map(rows().map((r, i) => [r.id, i])));
  const colIndex = createMemo(() => new Map(criteria().map((c, i) => [c.id, i])));

  // The cursor is kept by ids, so a relation someone else adds above it never shifts what you score.
  const [cursor, setCursor] = createSignal<{ relationId: string | null; criterionId: string | null }>({
    relationId: params.r ?? null,
    criterionId: null,
  });
  const pos = createMemo<GridPos>(() => {
    const c = cursor();
    return clampPos(
      {
        row: (c.relationId && rowIndex().get(c.relationId)) || 0,
        col: (c.criterionId && colIndex().get(c.criterionId)) || 0,
      },
      { rows: rows().length, cols: criteria().length },
    );
  });
  const activeRelation = () => rows()[pos().row];
  const activeCriterion = () => criteria()[pos().col];

  let gridEl: HTMLDivElement | undefined;
  const virtualizer = createVirtualizer({
    get count() {
      return rows().length;
    },
    getScrollElement: () => gridEl ?? null,
    estimateSize: () => ROW_H,
    overscan: 10,
    scrollMargin: HEAD_H,
    scrollPaddingStart: HEAD_H,
  });

  const cellId = (row: number, col: number) => `abc-cell-${row}-${col}`;
  /** Is the row fully in view? From the virtualizer's cached offsets: no layout read in the key handler. */
  const rowVisible = (row: number) => {
    const offset = virtualizer.scrollOffset;
    const height = virtualizer.scrollRect?.height;
    if (offset === null || height === undefined) return false;
    const top = HEAD_H + row * ROW_H;
    return top >= offset + HEAD_H && top + ROW_H <= offset + height;
  };
  const goTo = (p: GridPos) => {
    setCursor({ relationId: rows()[p.row]?.id ?? null, criterionId: criteria()[p.col]?.id ?? null });
    if (!rowVisible(p.row)) virtualizer.scrollToIndex(p.row, { align: 'auto' });
    // The grid may reach below the window (a short screen): keep the active cell in the window's view too.
    requestAnimationFrame(() => {
      const cell = document.getElementById(cellId(p.row, p.col));
      if (!cell) return;
      const r = cell.getBoundingClientRect();
      if (r.bottom > window.innerHeight) window.scrollBy({ top: r.bottom - window.innerHeight + 8 });
      else if (r.top < 0) window.scrollBy({ top: r.top - 8 });
    });
  };
  const pageRows = () => Math.max(1, Math.floor(((gridEl?.clientHeight ?? 0) - HEAD_H) / ROW_H) - 1);

  const write = (p: GridPos, score: 1 | 2 | 3 | 4 | null) => {
    const rel = rows()[p.row];
    const crit = criteria()[p.col];
    if (!rel || !crit) return false;
    const result = ws.session.store.intents.scoreRelation(rel.id, crit.id, score);
    setError(result.ok ? null : issuesText(result.issues));
    return result.ok;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const action = gridKey(
      e,
      pos(),
      { rows: rows().length, cols: criteria().length, page: pageRows() },
      { advance: advance(), readOnly: ws.readOnly() },
    );
    if (action.type === 'ignore') return;
    e.preventDefault();
    switch (action.type) {
      case 'move':
        return goTo(action.to);
      case 'score':
        if (write(action.at, action.score)) goTo(action.then);
        return;
      case 'clear':
        write(action.at, null);
        return;
      case 'readOnly':
        setRefused(true);
        return;
    }
  };

  const activeId = () =>
    rows().length > 0 && criteria().length > 0 ? cellId(pos().row, pos().col) : undefined;

  // Arriving from "score now" (?r=id): show and focus that relation's first missing score.
  onMount(() => {
    const id = params.r;
    if (!id) return;
    const missing = ws.derived.classOf().get(id)?.missing[0] ?? null;
    setCursor({ relationId: id, criterionId: missing });
    const row = rowIndex().get(id);
    if (row !== undefined) {
      requestAnimationFrame(() => {
        virtualizer.scrollToIndex(row, { align: 'center' });
        gridEl?.focus({ preventScroll: true });
      });
    }
  });
  createEffect(on(filter, () => gridEl && (gridEl.scrollTop = 0), { defer: true }));

  const columns = () =>
    `minmax(12rem, 2.2fr) repeat(${criteria().length}, minmax(3.75rem, 1fr)) 4.5rem 8.5rem`;

  return (
    <div class="abc-tabpanel">
      <section class="panel abc-section" aria-labelledby="scoring-title">
        <div class="panel-head">
          <h2 id="scoring-title">{t('abc.scoring.title')}</h2>
          <span class="muted">{tn('abc.scoring.count', rows().length)}</span>
        </div>

        <div class="scoring-tools">
          <label class="field">
            <span>{t('abc.scoring.filter')}</span>
            <input type="search" value={filter()} onInput={(e) => setFilter(e.currentTarget.value)} />
          </label>
          <Show when={!ws.readOnly()}>
            <label class="field">
              <span>{t('abc.scoring.advance')}</span>
              <select
                aria-label={t('abc.scoring.advance')}
                value={advance()}
                onChange={(e) => setAdvance(e.currentTarget.value as Advance)}
              >
                <For each={ADVANCES}>{(a) => <option value={a}>{t(`abc.scoring.advance.${a}`)}</option>}</For>
              </select>
            </label>
          </Show>
          <label class="check">
            <input
              type="checkbox"
              checked={showAll()}
              onChange={(e) => setShowAll(e.currentTarget.checked)}
            />
            <span>{t('abc.scoring.showAll')}</span>
          </label>
        </div>

        <p class="scoring-hint" id="scoring-hint" classList={{ refused: refused() }}>
          <Show when={ws.readOnly()} fallback={t('abc.scoring.hint')}>
            {t('abc.scoring.readOnly')}
          </Show>
        </p>

        <Show
          when={criteria().length > 0}
          fallback={<p class="empty muted">{t('abc.scoring.noCriteria')}</p>}
        >
          <Show when={rows().length > 0} fallback={<p class="empty muted">{t('abc.scoring.empty')}</p>}>
            <LevelHint relation={activeRelation()} criterion={activeCriterion()} />
            <div
              ref={(el) => (gridEl = el)}
              class="score-grid"
              classList={{ readonly: ws.readOnly() }}
              role="grid"
              tabindex="0"
              aria-labelledby="scoring-title"
              aria-describedby="scoring-hint"
              aria-readonly={ws.readOnly() || undefined}
              aria-rowcount={rows().length + 1}
              aria-colcount={criteria().length + 3}
              aria-activedescendant={activeId()}
              data-testid="score-grid"
              style={{
                '--abc-cols': columns(),
                height: `${HEAD_H + virtualizer.getTotalSize() + 2}px`,
              }}
              onKeyDown={onKeyDown}
              onBlur={() => setRefused(false)}
            >
              <div role="rowgroup" class="score-head">
                <div role="row" class="score-row" aria-rowindex={1}>
                  <div role="columnheader" class="cell-name" aria-colindex={1}>
                    {t('abc.scoring.relation')}
                  </div>
                  <For each={criteria()}>
                    {(c, j) => (
                      <div
                        role="columnheader"
                        class="cell-crit"
                        aria-colindex={j() + 2}
                        title={c.name}
                        classList={{ current: j() === pos().col }}
                      >
                        <span class="crit-name">{c.name}</span>
                        <span class="crit-cat">{t(`abc.category.${c.category}`)}</span>
                      </div>
                    )}
                  </For>
                  <div role="columnheader" class="cell-total" aria-colindex={criteria().length + 2}>
                    {t('abc.scoring.total')}
                  </div>
                  <div role="columnheader" class="cell-class" aria-colindex={criteria().length + 3}>
                    {t('abc.scoring.class')}
                  </div>
                </div>
              </div>
              <div role="rowgroup" class="score-body" style={{ height: `${virtualizer.getTotalSize()}px` }}>
                <For each={virtualizer.getVirtualItems()}>
                  {(item) => (
                    <Show when={rows()[item.index]}>
                      {(rel) => (
                        <ScoreRow
                          relation={rel()}
                          index={item.index}
                          top={item.start - HEAD_H}
                          criteria={criteria()}
                          activeCol={pos().row === item.index ? pos().col : -1}
                          showKind={showAll()}
                          cellId={cellId}
                          onCellPointer={(col) => goTo({ row: item.index, col })}
                        />
                      )}
                    </Show>
                  )}
                </For>
              </div>
            </div>
          </Show>
        </Show>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
      </section>
    </div>
  );
}
