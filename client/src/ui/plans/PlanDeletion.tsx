/**
 * Deleting an account plan, and bringing it back. A deleted plan keeps its document and its history
 * (`deletedAt`, doc/intents/plan.ts `setDeleted`); the plan list and the "A relations without a plan" warning
 * leave it out, and the plan list's "Deleted plans" shows it again. Deleting asks first, in place.
 */
import { Show } from 'solid-js';
import type { AccountPlanDoc } from '../../../../core/model/index.ts';
import type { DocHandle } from '../../app/docs.ts';
import { formatDate, locale, t } from '../../i18n/index.ts';
import { AskFirst } from '../AskFirst.tsx';
import { createRefusal, RefusalMessage } from './sections.tsx';

type Intents = DocHandle<'plan'>['store']['intents'];

/** "Delete plan" for editors; a click asks "Delete …?" with Delete / Cancel in its place. */
export function DeletePlanButton(props: { plan: AccountPlanDoc; intents: Intents; readOnly: boolean }) {
  const refusal = createRefusal();
  return (
    <Show when={!props.readOnly && !props.plan.deletedAt}>
      <AskFirst
        label={t('plans.delete')}
        question={t('plans.delete.ask', { title: props.plan.title || t('plans.untitled') })}
        yes={t('plans.delete.yes')}
        no={t('plans.delete.no')}
        buttonClass="danger"
        class="plan-confirm"
        onYes={() => refusal.check(props.intents.setDeleted(true))}
      >
        <RefusalMessage message={refusal.message()} />
      </AskFirst>
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
