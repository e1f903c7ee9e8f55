/**
 * Deleting an account plan, and bringing it back (ui/Deletion.tsx, shared with meeting boards). A deleted plan
 * keeps its document and its history (`deletedAt`, doc/intents/plan.ts `setDeleted`); the plan list and the
 * "A relations without a plan" warning leave it out, and the plan list's "Deleted plans" shows it again.
 */
import type { AccountPlanDoc } from '../../../../core/model/index.ts';
import type { DocHandle } from '../../app/docs.ts';
import { t } from '../../i18n/index.ts';
import { DeleteButton, DeletedBanner as DocDeletedBanner } from '../Deletion.tsx';

type Intents = DocHandle<'plan'>['store']['intents'];

/** "Delete plan" for editors; a click asks "Delete …?" with Delete / Cancel in its place. */
export function DeletePlanButton(props: { plan: AccountPlanDoc; intents: Intents; readOnly: boolean }) {
  return (
    <DeleteButton
      deletedAt={props.plan.deletedAt}
      readOnly={props.readOnly}
      setDeleted={(deleted) => props.intents.setDeleted(deleted)}
      label={t('plans.delete')}
      question={t('plans.delete.ask', { title: props.plan.title || t('plans.untitled') })}
      yes={t('plans.delete.yes')}
      no={t('plans.delete.no')}
      class="plan-confirm"
    />
  );
}

/** Above a deleted plan: when it was deleted, and "Restore plan" for editors. */
export function DeletedBanner(props: { plan: AccountPlanDoc; intents: Intents; readOnly: boolean }) {
  return (
    <DocDeletedBanner
      deletedAt={props.plan.deletedAt}
      readOnly={props.readOnly}
      setDeleted={(deleted) => props.intents.setDeleted(deleted)}
      text={(date) => t('plans.deleted.banner', { date })}
      restore={t('plans.deleted.restore')}
      testid="plan-deleted"
    />
  );
}
