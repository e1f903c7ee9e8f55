/**
 * "The meeting ‘Relatieoverleg 1 dec’ is running now — Join": on every screen but the board itself, while a
 * meeting board of the workspace is running, so a colleague who opens Haard mid-meeting (on Relations, say)
 * knows and is one click from following it (DOMAIN.md §7: the meeting is live, everyone follows).
 */
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { meetingsInUse, type MeetingCard } from '../../../core/model/index.ts';
import { t } from '../i18n/index.ts';

/** The running boards among `meetings` (deleted ones left out), oldest date first. */
export function runningMeetings(meetings: Record<string, MeetingCard> | undefined): MeetingCard[] {
  return meetingsInUse(meetings)
    .filter((c) => c.status === 'running')
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export function RunningMeeting(props: { meetings: Record<string, MeetingCard> | undefined; path: string }) {
  const running = createMemo(() =>
    runningMeetings(props.meetings).filter((c) => !props.path.startsWith(`/meetings/${c.id}`)),
  );
  return (
    <Show when={running().length > 0}>
      <div class="banner running-meeting" role="status">
        <For each={running()}>
          {(card) => (
            <p>
              <span class="live-dot" aria-hidden="true" />
              {t('mt.runningNow', { title: card.title })} <A href={`/meetings/${card.id}`}>{t('mt.join')}</A>
            </p>
          )}
        </For>
      </div>
    </Show>
  );
}
