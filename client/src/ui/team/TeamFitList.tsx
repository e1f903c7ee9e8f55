/** The team screen's panel of team-fit findings about owners (see TeamFitFindings.tsx). */
import { t } from '../../i18n/index.ts';
import { TeamFitFindings } from './TeamFitFindings.tsx';

export function TeamFitList() {
  return (
    <section class="panel" aria-labelledby="team-fit-title">
      <h2 id="team-fit-title">{t('team.fit.title')}</h2>
      <TeamFitFindings testId="team-fit" />
    </section>
  );
}
