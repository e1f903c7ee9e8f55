/**
 * Which field a colleague is in, shown on the field itself: a document's screen publishes the focused field's
 * `data-path` in its presence location (`fieldOf`), and marks the fields colleagues are in (`markFieldPresence`)
 * with their colour, their name on a tag, and a description ("Bram is in this field") for assistive technology.
 * Two people typing in one short field then see each other before they collide; what they type is kept apart
 * by LiveText (the focused field is never overwritten while its person types).
 */
import { createEffect, onCleanup, type Accessor } from 'solid-js';
import type { PresenceEntry } from '../app/docs.ts';
import { locale, localeTag, tn } from '../i18n/index.ts';

/** The `data-path` of the field `target` is in (itself or an ancestor), or null when it is in none. */
export function fieldOf(target: EventTarget | null): string | null {
  return target instanceof Element
    ? (target.closest('[data-path]')?.getAttribute('data-path') ?? null)
    : null;
}

/**
 * Marks, under `root`, every field (`[data-path]`) a colleague in `peers` is in: the field gets
 * `data-peer` (names) and `--peer-color` (the first one's colour), its parent a `data-peer-tag` (names) for the
 * visible tag (styles.css), and the field a `title` saying who is in it. Marks are cleared when peers move or leave.
 * `peers`: colleagues (not self) whose location is this screen; entries without `location.field` are ignored.
 */
export function markFieldPresence(
  root: () => HTMLElement | undefined,
  peers: Accessor<PresenceEntry[]>,
): void {
  let marked: Array<{ field: HTMLElement; title: string | null; placed: boolean }> = [];
  const clear = () => {
    for (const { field, title, placed } of marked) {
      field.removeAttribute('data-peer');
      field.style.removeProperty('--peer-color');
      field.parentElement?.removeAttribute('data-peer-tag');
      field.parentElement?.style.removeProperty('--peer-color');
      if (placed) field.parentElement?.style.removeProperty('position');
      if (title === null) field.removeAttribute('title');
      else field.setAttribute('title', title);
    }
    marked = [];
  };
  createEffect(() => {
    const list = peers();
    const el = root();
    clear();
    if (!el) return;
    const byField = new Map<string, PresenceEntry[]>();
    for (const peer of list) {
      const path = peer.location?.field;
      if (!path) continue;
      byField.set(path, [...(byField.get(path) ?? []), peer]);
    }
    for (const [path, entries] of byField) {
      const field = el.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
      if (!field) continue;
      const names = new Intl.ListFormat(localeTag(locale()), { type: 'conjunction' }).format(
        entries.map((e) => e.user.name),
      );
      const parent = field.parentElement;
      // The tag is placed in the parent: a static one becomes relative; a sticky cell already places it.
      const placed = parent !== null && getComputedStyle(parent).position === 'static';
      marked.push({ field, title: field.getAttribute('title'), placed });
      field.setAttribute('data-peer', names);
      field.style.setProperty('--peer-color', entries[0]!.user.color);
      if (parent) {
        parent.setAttribute('data-peer-tag', names);
        parent.style.setProperty('--peer-color', entries[0]!.user.color);
        if (placed) parent.style.position = 'relative';
      }
      field.setAttribute('title', tn('presence.inField', entries.length, { names }));
    }
  });
  onCleanup(clear);
}
