/** The relation's class (computed and by hand, read-only here) and its fire against the cadence target. */
import { A } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { fireReport } from '../../../../core/fire.ts';
import type { ClassifiedRelation } from '../../../../core/abc/index.ts';
import type { AbcClass, Relation } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatDate, formatNumber, locale, t, tn } from '../../i18n/index.ts';
import { ClassBadge, FireBadge, sinceText } from './common.tsx';

export function ClassCard(props: { relation: Relation; classified: ClassifiedRelation | null }) {
  const ws = useWorkspace();
  const isClassifiedKind = () =>
    ws.data()?.settings.classification.kinds.includes(props.relation.kind) ?? false;
  return (
    <section class="panel class-card" aria-labelledby="rel-class-title">
      <h2 id="rel-class-title">{t('rel.class.title')}</h2>
      <div class="class-row">
        <Show
          when={props.classified?.class}
          fallback={<span class="cls-none">{t('rel.class.noClass')}</span>}
        >
          {(cls) => (
            <ClassBadge
              cls={cls()}
              computed={props.classified?.computedClass ?? null}
              overridden={props.relation.override !== null}
            />
          )}
        </Show>
        <Show when={props.classified?.score100 != null}>
          <span class="muted">
            {t('rel.class.score', { score: formatNumber(locale(), props.classified!.score100!, 0) })}
          </span>
        </Show>
      </div>
      <Show when={props.relation.override}>
        {(o) => (
          <>
            <div class="stat-line">
              <span class="label">{t('rel.class.computed')}</span>
              <span>{props.classified?.computedClass ?? t('rel.none')}</span>
            </div>
            <div class="stat-line">
              <span class="label">{t('rel.class.byHand')}</span>
              <span>{o().class}</span>
            </div>
            <p class="note-box">
              <strong>{t('rel.class.reason')}:</strong> {o().reason}
            </p>
          </>
        )}
      </Show>
      <Show when={!isClassifiedKind() && !props.relation.override}>
        <p class="muted">{t('rel.class.notClassified')}</p>
      </Show>
      <Show when={isClassifiedKind() && (props.classified?.missing.length ?? 0) > 0}>
        <p class="warn-text">{tn('rel.class.missing', props.classified!.missing.length)}</p>
      </Show>
      <A href="/abc">{t('rel.class.link')} →</A>
    </section>
  );
}

export function FireCard(props: { relation: Relation; cls: AbcClass | null; today: string }) {
  const ws = useWorkspace();
  const row = createMemo(() => {
    const d = ws.data()!;
    return fireReport({
      relations: [props.relation],
      classes: { [props.relation.id]: props.cls },
      log: d.contactLog,
      cadence: d.settings.cadence,
      today: props.today,
    })[0]!;
  });
  const min = () => ws.data()!.settings.cadence.minContactsPerYearA;
  return (
    <section class="panel fire-card" aria-labelledby="rel-fire-title">
      <h2 id="rel-fire-title">{t('rel.fire.title')}</h2>
      <Show when={row().fire} fallback={<p class="muted">{t('rel.fire.noTarget')}</p>}>
        {(fire) => (
          <p>
            <FireBadge fire={fire()} />
          </p>
        )}
      </Show>
      <div class="stat-line">
        <span class="label">{t('rel.fire.lastContact')}</span>
        <span data-testid="last-contact">
          {row().lastContact ? `${formatDate(locale(), row().lastContact!)} · ` : ''}
          {sinceText(row().daysSince)}
        </span>
      </div>
      <Show when={row().target !== null && row().class}>
        <div class="stat-line">
          <span class="label">{t('rel.fire.target', { cls: row().class!, days: row().target! })}</span>
          <span>
            <Show when={row().overdueBy !== null}>
              {row().overdueBy! > 0
                ? tn('rel.fire.overdue', row().overdueBy!)
                : tn('rel.fire.left', -row().overdueBy!)}
            </Show>
          </span>
        </div>
      </Show>
      <div class="stat-line">
        <span>{tn('rel.fire.year', row().contactsLastYear)}</span>
      </div>
      <Show when={row().belowYearlyMinimum}>
        <p class="warn-text">{t('rel.fire.belowMinimum', { min: min() })}</p>
      </Show>
    </section>
  );
}
