/**
 * The board's own details, folded away: title, date, length, facilitator and participants (changed live,
 * validated by the board's intents), and the audience link — a viewer invite that opens this board, read-only,
 * following the facilitator.
 */
import { createSignal, For, Show, untrack } from 'solid-js';
import { createInvite } from '../../app/api.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatDate, locale, t } from '../../i18n/index.ts';
import { useBoard, useNames } from './board.tsx';
import { titleForNewDate } from './titles.ts';

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
  // A title still the default for the old date follows the new date ("… 30 Nov 2026" → "… 14 Dec 2026").
  const defaultTitle = (date: string) =>
    t('mt.defaultTitle', { date: date ? formatDate(locale(), date) : '' });
  const changeDate = (date: string) => {
    const others = Object.values(ws.data()?.meetings ?? {})
      .filter((c) => c.id !== doc().id)
      .map((c) => c.title);
    const title = date
      ? titleForNewDate(doc().title, defaultTitle(doc().date), defaultTitle(date), others)
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
        <label class="field">
          <span>{t('mt.field.date')}</span>
          <input type="date" value={doc().date} onChange={(e) => changeDate(e.currentTarget.value)} />
        </label>
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
