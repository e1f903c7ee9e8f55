/**
 * The board's own details, folded away: title, date, length, facilitator and participants (changed live,
 * validated by the board's intents; a date that cannot be a meeting's is refused beside its field, a past one is
 * taken with a remark — a firm may record a meeting after it was held), and the audience link — a viewer invite that opens this board, read-only,
 * following the facilitator.
 */
import { createMemo, createSignal, For, Show, untrack } from 'solid-js';
import { MEETING_DATES, meetingDateNotes, meetingDateProblem } from '../../../../core/meetingBoard.ts';
import { createInvite } from '../../app/api.ts';
import { todayIso } from '../../app/today.ts';
import { issuesText } from '../relations/common.tsx';
import { useWorkspace } from '../../app/context.tsx';
import { formatDate, locale, t } from '../../i18n/index.ts';
import { useBoard, useNames } from './board.tsx';
import { titleForNewDate } from './titles.ts';
import { defaultTitleIn, defaultTitles } from './defaultTitle.ts';
import { DateField } from '../DateField.tsx';

const AUDIENCE_DAYS = 7;

export function BoardDetails() {
  const ws = useWorkspace();
  const board = useBoard();
  const names = useNames();
  const intents = board.meeting.handle.store.intents;
  const doc = board.doc;
  const [link, setLink] = createSignal<string | null>(null);
  const [copied, setCopied] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);

  const audience = async () => {
    setLink(null);
    setCopied(false);
    const r = await createInvite(ws.session.invite.token, 'viewer', AUDIENCE_DAYS);
    if (!r.ok) return setProblem(r.message);
    setProblem(null);
    setLink(`${location.origin}/meetings/${doc().id}#invite=${r.value.token}`);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link() ?? '');
      setCopied(true);
    } catch {
      (document.getElementById('mt-audience-link') as HTMLInputElement | null)?.select();
    }
  };
  // Open on a board that is still empty (a new board's details come first); after that, as the person leaves it.
  const openAtFirst = untrack(
    () => Object.keys(doc().agenda).length === 0 && doc().live.status === 'notStarted',
  );
  // A title still a default for the old date (in either language) follows the new date, in the workspace's
  // language ("… 30 nov 2026" → "… 14 dec 2026").
  const wsLocale = () => ws.data()?.settings.locale ?? locale();
  // A date that cannot be a meeting's is refused beside the field, nothing written (meetingDateProblem); an
  // accepted one that is past, far ahead or before the previous meeting gets a remark (meetingDateNotes).
  const [dateError, setDateError] = createSignal<string | null>(null);
  const previousDate = () =>
    (doc().previousBoardId && ws.data()?.meetings?.[doc().previousBoardId!]?.date) || null;
  const notes = createMemo(() =>
    meetingDateNotes(doc().date, {
      today: todayIso(),
      previousDate: previousDate(),
      status: doc().live.status,
    }),
  );
  // A real date typed (DateField: an impossible or half-typed one never gets here, its reason is at the field);
  // refused with the reason when no meeting can have it, the typing kept.
  const changeDate = (typed: string | null): string | undefined => {
    const date = typed ?? '';
    if (meetingDateProblem(date) !== null) {
      const refused = intents.updateBoard({ date });
      const why = refused.ok ? '' : issuesText(refused.issues);
      const kept = t('mt.date.kept', { date: formatDate(locale(), doc().date) });
      return why ? `${why}${/[.!?]$/.test(why) ? '' : '.'} ${kept}` : kept;
    }
    const others = Object.values(ws.data()?.meetings ?? {})
      .filter((c) => c.id !== doc().id)
      .map((c) => c.title);
    const title = date
      ? titleForNewDate(doc().title, defaultTitles(doc().date), defaultTitleIn(wsLocale(), date), others)
      : null;
    board.check(intents.updateBoard(title ? { date, title } : { date }));
  };
  const participants = () => new Set(doc().participantIds);
  const toggle = (id: string, on: boolean) => {
    const next = doc().participantIds.filter((p) => p !== id);
    if (on) next.push(id);
    board.check(intents.updateBoard({ participantIds: next }));
  };

  return (
    <details class="panel mt-details" open={openAtFirst}>
      <summary>{t('mt.details')}</summary>
      <div class="mt-details-grid">
        <label class="field grow">
          <span>{t('mt.field.title')}</span>
          <input
            value={doc().title}
            maxLength={200}
            onChange={(e) => board.check(intents.updateBoard({ title: e.currentTarget.value.trim() }))}
          />
        </label>
        <div class="mt-date">
          <label class="field">
            <span>{t('mt.field.date')}</span>
            <DateField
              label={t('mt.field.date')}
              min={MEETING_DATES.first}
              max={MEETING_DATES.last}
              value={doc().date}
              describedBy={!dateError() && notes().length ? 'mt-date-notes' : undefined}
              onProblem={setDateError}
              onCommit={changeDate}
            />
          </label>
          <Show when={!dateError() && notes().length > 0}>
            <p id="mt-date-notes" class="mt-date-note" data-testid="date-notes">
              <For each={notes()}>
                {(note) => (
                  <span>
                    {t(`mt.date.${note}`, { date: formatDate(locale(), previousDate() ?? doc().date) })}{' '}
                  </span>
                )}
              </For>
            </p>
          </Show>
        </div>
        <label class="field">
          <span>{t('mt.field.length')}</span>
          <input
            type="number"
            min="5"
            max="600"
            value={doc().lengthMinutes ?? 90}
            onChange={(e) => {
              const input = e.currentTarget;
              // Refused (e.g. -10): the field shows the stored length again, the reason beside it.
              if (!board.check(intents.updateBoard({ lengthMinutes: Math.trunc(input.valueAsNumber) })))
                input.value = String(doc().lengthMinutes ?? 90);
            }}
          />
        </label>
        <label class="field">
          <span>{t('mt.field.facilitator')}</span>
          <select
            aria-label={t('mt.field.facilitator')}
            onChange={(e) =>
              board.check(intents.updateBoard({ facilitatorId: e.currentTarget.value || null }))
            }
          >
            <option value="" selected={!doc().facilitatorId}>
              {t('mt.nobody')}
            </option>
            <For each={names.professionals()}>
              {(p) => (
                <option value={p.id} selected={p.id === doc().facilitatorId}>
                  {p.name}
                </option>
              )}
            </For>
          </select>
        </label>
      </div>
      <fieldset class="mt-participants">
        <legend>{t('mt.field.participants')}</legend>
        <For each={names.professionals()}>
          {(p) => (
            <label class="mt-check">
              <input
                type="checkbox"
                checked={participants().has(p.id)}
                onChange={(e) => toggle(p.id, e.currentTarget.checked)}
              />
              {p.name}
            </label>
          )}
        </For>
      </fieldset>
      <div class="mt-audience">
        <button type="button" onClick={() => void audience()}>
          {t('mt.audience')}
        </button>
        <Show when={link()}>
          <label class="field grow" for="mt-audience-link">
            <span>{t('mt.audience.made', { days: AUDIENCE_DAYS })}</span>
          </label>
          <span class="mt-audience-row">
            <input id="mt-audience-link" readOnly value={link()!} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" onClick={() => void copy()}>
              {copied() ? t('mt.audience.copied') : t('mt.audience.copy')}
            </button>
          </span>
        </Show>
        <Show when={problem()}>
          <p class="field-error" role="alert">
            {problem()}
          </p>
        </Show>
      </div>
    </details>
  );
}
