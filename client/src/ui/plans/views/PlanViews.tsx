/**
 * Derived views of a plan, mounted by the plan page as one section: the 4P matrix, benefits by level, the
 * trust pyramid and the timeline strip. Read-only views of the live plan (`session.settled()`: 300 ms after typing stops), recomputed on
 * every change — a colleague's edit shows at once. They write nothing, so viewers see the same.
 */
import { Show } from 'solid-js';
import type { WorkspaceDoc } from '../../../../../core/model/index.ts';
import { localToday, type PlanSession } from '../../../app/plans.ts';
import { t } from '../../../i18n/index.ts';
import { BenefitLevels } from './BenefitLevels.tsx';
import { QuadrantMatrix } from './QuadrantMatrix.tsx';
import { TimelineStrip } from './TimelineStrip.tsx';
import { TrustPyramid } from './TrustPyramid.tsx';
import './views.css';

export { TimelineStrip } from './TimelineStrip.tsx';

/** Mounted by the plan page; its element id is `sec-views`. */
export function PlanViews(props: { session: PlanSession; workspace: WorkspaceDoc | null }) {
  const today = localToday();
  const id = () => 'sec-views';
  return (
    <Show when={props.session.settled()}>
      {(plan) => (
        <section
          class="panel plan-section plan-views"
          id={id()}
          aria-labelledby={`${id()}-title`}
          data-testid="plan-views"
        >
          <h2 id={`${id()}-title`}>{t('pv.views.title')}</h2>
          <p class="muted section-intro pv-lead">{t('pv.views.lead')}</p>
          <div class="pv-grid">
            <section class="pv-view pv-wide" aria-labelledby={`${id()}-tl`}>
              <h3 id={`${id()}-tl`}>{t('pv.tl.title')}</h3>
              <TimelineStrip plan={plan()} today={today} professionals={props.workspace?.professionals} />
            </section>
            <section class="pv-view pv-wide" aria-labelledby={`${id()}-p4`}>
              <h3 id={`${id()}-p4`}>{t('pv.p4.title')}</h3>
              <QuadrantMatrix plan={plan()} currency={props.workspace?.settings.currency ?? 'EUR'} />
            </section>
            <section class="pv-view" aria-labelledby={`${id()}-benefits`}>
              <h3 id={`${id()}-benefits`}>{t('pv.benefit.title')}</h3>
              <BenefitLevels plan={plan()} />
            </section>
            <section class="pv-view" aria-labelledby={`${id()}-pyramid`}>
              <h3 id={`${id()}-pyramid`}>{t('pv.pyramid.title')}</h3>
              <TrustPyramid plan={plan()} workspace={props.workspace} today={today} />
            </section>
          </div>
        </section>
      )}
    </Show>
  );
}
