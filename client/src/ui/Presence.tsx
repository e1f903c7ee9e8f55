import { For } from 'solid-js';
import type { PresenceEntry } from '../app/session.ts';
import { t } from '../i18n/index.ts';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?';

/** Presence avatars from awareness: who is here (and, in the tooltip, where). */
export function Presence(props: { entries: PresenceEntry[] }) {
  return (
    <ul class="presence" aria-label={t('presence.here', { count: props.entries.length })}>
      <For each={props.entries}>
        {(p) => (
          <li
            class="avatar"
            style={{ background: p.user.color }}
            title={`${p.user.name || '?'}${p.self ? ` (${t('presence.you')})` : ''}`}
            data-self={p.self ? 'true' : undefined}
          >
            {initials(p.user.name)}
          </li>
        )}
      </For>
    </ul>
  );
}
