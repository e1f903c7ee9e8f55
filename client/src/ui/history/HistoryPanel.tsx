/**
 * The history of a plan or of the workspace (issue 9): "what changed since…" (a date, a version, or between
 * two versions), grouped newest first with who and when; the version list with "Save version"; a version
 * opened read-only; and — where the document allows — "Restore this version" after a confirmation.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { groupChanges, type Change } from '../../../../core/history/index.ts';
import { meetingBoardOf, type DocVersion } from '../../../../doc/history/index.ts';
import type { Result } from '../../../../doc/index.ts';
import { useHistory, type HistoryHandle } from '../../app/history.ts';
import { createSettled } from '../../app/settled.ts';
import type { Me } from '../../app/identity.ts';
import { todayIso } from '../../app/today.ts';
import { locale, t } from '../../i18n/index.ts';
import { ChangeList } from './ChangeList.tsx';
import { formatDay, formatWhen, localDay, type ValueLookups } from './format.ts';
import './history.css';
import { DateField } from '../DateField.tsx';

export interface HistoryPanelProps {
  handle: HistoryHandle;
  me: Me;
  /** Element id prefix (`hist-plan`, `hist-ws`). */
  id: string;
  lookups: ValueLookups;
  readOnly: boolean;
  /** Show a version's content (read-only). */
  renderVersion: (json: Record<string, unknown>) => JSX.Element;
  /** Bring a version back as new edits; absent: the document offers no restore here. */
  restore?: (versionId: string) => Result<undefined>;
}

type Mode = 'date' | 'version' | 'between';

const daysAgo = (n: number) => todayIso(new Date(Date.now() - n * 86_400_000));
const reasonOf = (r: { issues: { text: Record<'en' | 'nl', string> }[] }) =>
  r.issues.map((i) => i.text[locale()]).join('; ');

/**
 * A version's name in the reader's language. A meeting's version reads "Meeting: <the board's title>", the
 * title as the workspace's index has it now (`meeting` lookup), else as stored when it was made.
 */
export function versionName(v: DocVersion, lookups?: Pick<ValueLookups, 'meeting'>): string {
  if (v.auto === 'daily') return t('hist.auto.daily', { day: formatDay(v.at) });
  if (v.auto === 'meeting') {
    const board = meetingBoardOf(v.id);
    return t('hist.auto.meeting', { name: (board && lookups?.meeting?.(board)) || v.name });
  }
  return v.name;
}

export function HistoryPanel(props: HistoryPanelProps) {
  const history = useHistory(props.handle, () => props.me);
  const [mode, setMode] = createSignal<Mode>('date');
  const [day, setDay] = createSignal(daysAgo(7));
  const [fromId, setFromId] = createSignal('');
  const [toId, setToId] = createSignal('');
  const [openId, setOpenId] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const [name, setName] = createSignal('');
  const newestFirst = createMemo(() => [...history.versions()].reverse());
  const byId = (id: string) => history.versions().find((v) => v.id === id) ?? null;

  // Recompute once the document has been still for a moment, not on every keystroke (a year-old plan of 500
  // actions takes ~0.1 s: npm run bench:history) — the plan's derived views' timer (app/settled.ts): 400 ms of
  // quiet, and at least every 2 s while a colleague keeps typing.
  const settled = createSettled(() => props.handle.store.version(), { quietMs: 400 });

  const comparison = createMemo(() => {
    settled(); // recompute when the document changed
    const versions = history.versions();
    if (!versions.length) return null;
    let from: DocVersion;
    let to: DocVersion | null = null;
    let note = '';
    if (mode() === 'date') {
      const found = history.versionForDay(day());
      if (!found) return null;
      from = found.version;
      note = t(found.relation === 'after' ? 'hist.precision' : 'hist.precision.before', {
        when: formatWhen(from.at),
      });
    } else {
      from = byId(fromId()) ?? versions.at(-1)!;
      if (mode() === 'between') to = byId(toId());
    }
    const result = history.changes(from, to);
    return { note, result };
  });

  const save = (e: Event) => {
    e.preventDefault();
    const saved = history.save(name());
    if (saved.ok) {
      setName('');
      setFromId(saved.value.id); // "since a version" now counts from the one just saved
      setMessage(t('hist.saved', { name: saved.value.name }));
    } else setMessage(t('hist.error', { reason: reasonOf(saved) }));
  };
  const opened = createMemo(() => {
    const id = openId();
    const v = id ? byId(id) : null;
    if (!v) return null;
    const content = history.content(v);
    return { version: v, content };
  });
  const restore = () => {
    const o = opened();
    if (!o || !props.restore) return;
    const done = props.restore(o.version.id);
    setConfirming(false);
    if (done.ok) {
      setMessage(t('hist.restored', { name: versionName(o.version, props.lookups) }));
      setOpenId(null);
    } else setMessage(t('hist.error', { reason: reasonOf(done) }));
  };

  const VersionSelect = (p: { id: string; label: string; value: string; set: (v: string) => void }) => (
    <label class="field">
      <span>{p.label}</span>
      <select aria-label={p.label} id={p.id} value={p.value} onChange={(e) => p.set(e.currentTarget.value)}>
        <For each={newestFirst()}>
          {(v) => (
            <option value={v.id} selected={v.id === p.value}>
              {versionName(v, props.lookups)} — {formatWhen(v.at)}
            </option>
          )}
        </For>
      </select>
    </label>
  );

  return (
    <div class="hist">
      <h3 id={`${props.id}-changes`}>{t('hist.changes')}</h3>
      <div class="hist-controls" role="group" aria-labelledby={`${props.id}-changes`} data-filter>
        <label class="field">
          <span>{t('hist.mode')}</span>
          <select
            aria-label={t('hist.mode')}
            id={`${props.id}-mode`}
            value={mode()}
            onChange={(e) => {
              const next = e.currentTarget.value as Mode;
              const newest = newestFirst();
              // "Since a version": the newest (often the one just saved); "between": the two newest.
              if (!byId(fromId()))
                setFromId(newest[next === 'between' ? Math.min(1, newest.length - 1) : 0]?.id ?? '');
              if (!byId(toId())) setToId(newest[0]?.id ?? '');
              setMode(next);
            }}
          >
            <option value="date">{t('hist.mode.date')}</option>
            <option value="version">{t('hist.mode.version')}</option>
            <option value="between">{t('hist.mode.between')}</option>
          </select>
        </label>
        <Show when={mode() === 'date'}>
          <label class="field">
            <span>{t('hist.date')}</span>
            <DateField
              id={`${props.id}-date`}
              label={t('hist.date')}
              value={day()}
              max={todayIso()}
              onCommit={(d) => void (d && setDay(d))}
            />
          </label>
        </Show>
        <Show when={mode() !== 'date'}>
          <VersionSelect id={`${props.id}-from`} label={t('hist.from')} value={fromId()} set={setFromId} />
        </Show>
        <Show when={mode() === 'between'}>
          <VersionSelect id={`${props.id}-to`} label={t('hist.to')} value={toId()} set={setToId} />
        </Show>
      </div>
      <Show when={comparison()} fallback={<p class="muted">{t('hist.noVersions')}</p>}>
        {(c) => (
          <>
            <Show when={c().note}>
              <p class="muted hist-note">{c().note}</p>
            </Show>
            <Show
              when={c().result.ok ? c().result : null}
              fallback={<p role="alert">{t('hist.error', { reason: reasonOf(c().result as never) })}</p>}
            >
              {(r) => (
                <ChangeList
                  groups={groupChanges((r() as { value: Change[] }).value, localDay)}
                  lookups={props.lookups}
                  nameOf={history.nameOf}
                />
              )}
            </Show>
          </>
        )}
      </Show>

      <h3 id={`${props.id}-versions`}>{t('hist.versions')}</h3>
      <Show when={!props.readOnly}>
        <form class="hist-save" onSubmit={save}>
          <label class="field">
            <span>{t('hist.save.name')}</span>
            <input
              id={`${props.id}-name`}
              value={name()}
              maxLength={200}
              placeholder={t('hist.save.placeholder')}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="button" disabled={!name().trim()}>
            {t('hist.save')}
          </button>
        </form>
      </Show>
      <p role="status" class="hist-message">
        {message()}
      </p>
      <Show when={newestFirst().length > 0} fallback={<p class="muted">{t('hist.versions.none')}</p>}>
        <table class="hist-versions" aria-labelledby={`${props.id}-versions`}>
          <thead>
            <tr>
              <th scope="col">{t('hist.col.name')}</th>
              <th scope="col">{t('hist.col.by')}</th>
              <th scope="col">{t('hist.col.at')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            <For each={newestFirst()}>
              {(v) => (
                <tr data-version={v.id}>
                  <td>
                    {versionName(v, props.lookups)}
                    <Show when={v.auto}>
                      {(auto) => <span class="muted hist-auto"> ({t(`hist.auto.tag.${auto()}`)})</span>}
                    </Show>
                  </td>
                  <td>{(v.by && history.nameOf(v.by)) || v.byName || t('hist.none')}</td>
                  <td>{formatWhen(v.at)}</td>
                  <td>
                    <button
                      type="button"
                      class="button small"
                      aria-label={t('hist.open.label', { name: versionName(v, props.lookups) })}
                      onClick={() => {
                        setConfirming(false);
                        setOpenId(v.id);
                      }}
                    >
                      {t('hist.open')}
                    </button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>

      <Show when={opened()}>
        {(o) => (
          <section class="hist-view" aria-labelledby={`${props.id}-view-title`}>
            <h3 id={`${props.id}-view-title`}>
              {t('hist.view.title', {
                name: versionName(o().version, props.lookups),
                when: formatWhen(o().version.at),
              })}
            </h3>
            <div class="hist-view-actions">
              <Show when={props.restore && !props.readOnly && !confirming()}>
                <button type="button" class="button primary" onClick={() => setConfirming(true)}>
                  {t('hist.restore')}
                </button>
              </Show>
              <button type="button" class="button" onClick={() => setOpenId(null)}>
                {t('hist.view.close')}
              </button>
            </div>
            <Show when={confirming()}>
              <div class="hist-confirm" role="alertdialog" aria-labelledby={`${props.id}-confirm`}>
                <p id={`${props.id}-confirm`}>
                  {t('hist.restore.confirm', { name: versionName(o().version, props.lookups) })}
                </p>
                <button type="button" class="button primary" onClick={restore}>
                  {t('hist.restore.yes')}
                </button>{' '}
                <button type="button" class="button" onClick={() => setConfirming(false)}>
                  {t('hist.restore.cancel')}
                </button>
              </div>
            </Show>
            <Show
              when={o().content.ok ? o().content : null}
              fallback={<p role="alert">{t('hist.error', { reason: reasonOf(o().content as never) })}</p>}
            >
              {(c) => (
                <div class="hist-view-body">
                  {props.renderVersion((c() as { value: Record<string, unknown> }).value)}
                </div>
              )}
            </Show>
          </section>
        )}
      </Show>
    </div>
  );
}
