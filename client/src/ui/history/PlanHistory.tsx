/** The History section of a plan page: its HistoryPanel with the plan's lookups, version view and restore. */
import type { AccountPlanDoc } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import type { PlanSession } from '../../app/plans.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import { PlanVersionView } from './PlanVersionView.tsx';
import type { ValueLookups } from './format.ts';
import { relationNameOf } from '../relations/relationNames.ts';

export function PlanHistory(props: { session: PlanSession; plan: AccountPlanDoc; readOnly: boolean }) {
  const ws = useWorkspace();
  const lookups: ValueLookups = {
    person: (id) => ws.data()?.professionals[id]?.name,
    relation: (id) => relationNameOf(ws.data()?.relations, id) || undefined,
    goal: (id) => props.plan.goals[id]?.title,
    meeting: (id) => ws.data()?.meetings?.[id]?.title || undefined,
    get currency() {
      return ws.data()?.settings.currency ?? 'EUR';
    },
  };
  const handle = props.session.handle;
  return (
    <HistoryPanel
      handle={handle}
      me={ws.me}
      id="hist-plan"
      lookups={lookups}
      readOnly={props.readOnly}
      renderVersion={(json) => <PlanVersionView plan={json} lookups={lookups} />}
      restore={(id) => handle.store.intents.restoreVersion(id)}
    />
  );
}
