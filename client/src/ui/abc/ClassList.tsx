/** The relations of one class: computed class and override (with its reason) side by side, editable. */
import { For, Show, createMemo, createSignal } from 'solid-js';
import type { ClassifiedRelation } from '../../../../core/abc/index.ts';
import type { AbcClass } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatNumber, locale, t } from '../../i18n/index.ts';
import { ClassBadge } from './ClassBadge.tsx';
import { OverrideEditor } from './OverrideEditor.tsx';
import { issuesText } from './messages.ts';

const PAGE = 25;

export function ClassList(props: { cls: AbcClass; relations: ClassifiedRelation[] }) {
  const ws = useWorkspace();
  const [expanded, setExpanded] = createSignal(false);
  const [editing, setEditing] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const clearOverride = (relationId: string) => {
    const result = ws.session.store.intents.clearOverride(relationId);
    setError(result.ok ? null : issuesText(result.issues));
  };
  const shown = createMemo(() => (expanded() ? props.relations : props.relations.slice(0, PAGE)));
  const name = (id: string) => ws.data()?.relations[id]?.name ?? id;
  const titleId = `class-${props.cls}-title`;

  return (
    <section
      class="panel abc-section class-list"
      aria-labelledby={titleId}
      data-testid={`class-${props.cls}`}
    >
      <div class="panel-head">
        <ClassBadge cls={props.cls} />
        <h2 id={titleId}>{t('abc.classes.listTitle', { class: props.cls })}</h2>
        <span class="muted">{props.relations.length}</span>
      </div>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={props.relations.length > 0} fallback={<p class="empty muted">{t('abc.classes.none')}</p>}>
        <table class="abc-table">
          <colgroup>
            <col class="col-name" />
            <col class="col-score" />
            <col class="col-computed" />
            <col />
            <Show when={!ws.readOnly()}>
              <col class="col-actions" />
            </Show>
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('abc.classes.relation')}</th>
              <th scope="col" class="num">
                {t('abc.classes.score')}
              </th>
              <th scope="col">{t('abc.classes.computed')}</th>
              <th scope="col">{t('abc.classes.override')}</th>
              <Show when={!ws.readOnly()}>
                <th scope="col">
                  <span class="visually-hidden">{t('abc.classes.setOverride')}</span>
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(r) => (
                <>
                  <tr data-relation={name(r.id)} classList={{ overridden: r.override !== null }}>
                    <th scope="row" class="rel-cell">
                      {name(r.id)}
                    </th>
                    <td class="num">{r.score100 === null ? '–' : formatNumber(locale(), r.score100)}</td>
                    <td data-testid="computed">
                      <Show
                        when={r.computedClass}
                        fallback={
                          <span class="muted small">
                            {r.missing.length > 0 ? t('abc.scoring.incomplete') : '–'}
                          </span>
                        }
                      >
                        <ClassBadge cls={r.computedClass} />
                      </Show>
                    </td>
                    <td data-testid="override">
                      <Show
                        when={r.override}
                        fallback={<span class="muted">{t('abc.classes.noOverride')}</span>}
                      >
                        {(o) => (
                          <span class="override">
                            <ClassBadge cls={o().class} />
                            <span class="reason">{o().reason}</span>
                          </span>
                        )}
                      </Show>
                    </td>
                    <Show when={!ws.readOnly()}>
                      <td class="actions">
                        <Show when={editing() !== r.id}>
                          <button
                            type="button"
                            class="small-btn"
                            aria-label={t('abc.classes.setOverrideFor', { name: name(r.id) })}
                            onClick={() => setEditing(r.id)}
                          >
                            {t('abc.classes.setOverride')}
                          </button>
                        </Show>
                        <Show when={r.override}>
                          <button
                            type="button"
                            class="link small"
                            aria-label={t('abc.classes.clearOverrideFor', { name: name(r.id) })}
                            onClick={() => clearOverride(r.id)}
                          >
                            {t('abc.classes.clearOverride')}
                          </button>
                        </Show>
                      </td>
                    </Show>
                  </tr>
                  <Show when={editing() === r.id}>
                    <tr class="editing">
                      <td colSpan={5}>
                        <OverrideEditor
                          relationId={r.id}
                          name={name(r.id)}
                          initial={r.override?.class ?? (props.cls === 'A' ? 'B' : 'A')}
                          reason={r.override?.reason ?? ''}
                          onDone={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  </Show>
                </>
              )}
            </For>
          </tbody>
        </table>
        <Show when={!expanded() && props.relations.length > PAGE}>
          <button type="button" class="link" onClick={() => setExpanded(true)}>
            {t('abc.classes.showMore', { count: props.relations.length })}
          </button>
        </Show>
      </Show>
    </section>
  );
}
