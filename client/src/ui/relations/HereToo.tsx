/**
 * Which colleagues have a relation open (presence: each client's current path, from awareness) — on the
 * relation page ("Bram is looking at this relation too") and as a dot beside its name in the table.
 */
import { For, Show } from 'solid-js';
import type { PresenceEntry } from '../../app/session.ts';
import { useWorkspace } from '../../app/context.tsx';
import { t, tn } from '../../i18n/index.ts';

const relationPath = (id: string) => `/relations/${encodeURIComponent(id)}`;

/** Colleagues (not this tab) whose current view is the relation `id`. */
export function colleaguesOn(entries: readonly PresenceEntry[], id: string): PresenceEntry[] {
  const path = relationPath(id);
  return entries.filter((p) => !p.self && p.location?.view === path);
}

export function HereToo(props: { relationId: string }) {
  const ws = useWorkspace();
  const here = () => colleaguesOn(ws.session.presence(), props.relationId);
  return (
    <Show when={here().length > 0}>
      <span class="here-too" data-testid="here-too">
        <For each={here()}>{(p) => <span class="here-dot" style={{ background: p.user.color }} />}</For>
        {tn('rel.hereToo', here().length, {
          names: here()
            .map((p) => p.user.name || '?')
            .join(', '),
        })}
      </span>
    </Show>
  );
}

/** A dot per colleague beside a relation's name in the table, their names in its label. */
export function HereDots(props: { entries: PresenceEntry[] }) {
  return (
    <Show when={props.entries.length > 0}>
      <span
        class="here-dots"
        role="img"
        aria-label={t('rel.openBy', { names: props.entries.map((p) => p.user.name || '?').join(', ') })}
        title={t('rel.openBy', { names: props.entries.map((p) => p.user.name || '?').join(', ') })}
      >
        <For each={props.entries}>
          {(p) => <span class="here-dot" style={{ background: p.user.color }} />}
        </For>
      </span>
    </Show>
  );
}
