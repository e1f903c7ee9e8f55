/**
 * Deleting an account plan, and bringing it back. A deleted plan keeps its document and its history
 * (`deletedAt`, doc/intents/plan.ts `setDeleted`); the plan list and the "A relations without a plan" warning
 * leave it out, and the plan list's "Deleted plans" shows it again. Deleting asks first, in place.
 */
import { createSignal, Show } from 'solid-js';
import type { AccountPlanDoc } from '../../../../core/model/index.ts';
import type { DocHandle } from '../../app/docs.ts';
import { formatDate, locale, t } from '../../i18n/index.ts';
import { createRefusal, RefusalMessage } from './sections.tsx';

type Intents = DocHandle<'plan'>['store']['intents'];

/** "Delete plan" for editors; a click asks "Delete …?" with Delete / Cancel in its place. */
export function DeletePlanButton(props: { plan: AccountPlanDoc; intents: Intents; readOnly: boolean }) {
  const [asking, setAsking] = createSignal(false);
  const refusal = createRefusal();
  return (
    <Show when={!props.readOnly && !props.plan.deletedAt}>
      <Show
        when={asking()}
        fallback={
          <button type="button" class="danger" onClick={() => setAsking(true)}>
            {t('plans.delete')}
          </button>
        }
      >
        <div class="plan-confirm" role="group" aria-label={t('plans.delete')}>
          <p>{t('plans.delete.ask', { title: props.plan.title || t('plans.untitled') })}</p>
          <button
            type="button"
            class="danger"
            ref={(el) => queueMicrotask(() => el.focus())}
            onClick={() => {
              if (refusal.check(props.intents.setDeleted(true))) setAsking(false);
            }}
          >
            {t('plans.delete.yes')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('plans.delete.no')}
          </button>
          <RefusalMessage message={refusal.message()} />
        </div>
      </Show>
    </Show>
  );
}

/** Above a deleted plan: when it was deleted, and "Restore plan" for editors. */
export function DeletedBanner(props: { plan: AccountPlanDoc; intents: Intents; readOnly: boolean }) {
  const refusal = createRefusal();
  return (
    <Show when={props.plan.deletedAt}>
      {(at) => (
        <div class="plan-deleted" role="status" data-testid="plan-deleted">
          <p>{t('plans.deleted.banner', { date: formatDate(locale(), at().slice(0, 10)) })}</p>
          <Show when={!props.readOnly}>
            <button type="button" onClick={() => refusal.check(props.intents.setDeleted(false))}>
              {t('plans.deleted.restore')}
            </button>
          </Show>
          <RefusalMessage message={refusal.message()} />
        </div>
      )}
    </Show>
  );
}
