/**
 * A list of changes grouped by day, newest first (core/history `groupChanges`): what was added, removed or
 * changed field by field ("target 8 → 9"), texts with insertions and deletions marked, and who made each.
 */
import { For, Match, Show, Switch } from 'solid-js';
import type { Attribution, Change, ChangeGroup, TextPart } from '../../../../core/history/index.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { fieldHeading, formatValue, groupHeading, recordLabel, type ValueLookups } from './format.ts';

export interface ChangeListProps {
  groups: ChangeGroup[];
  lookups: ValueLookups;
  nameOf(personId: string): string | null;
}

/** A text's change: unchanged context, <ins>inserted</ins> and <del>deleted</del> words, long stretches left out. */
function TextParts(props: { parts: readonly TextPart[] }) {
  return (
    <p class="hist-text">
      <For each={props.parts}>
        {(part) => (
          <Switch fallback={<span>{part.text}</span>}>
            <Match when={part.op === 'ins'}>
              <ins>{part.text}</ins>
            </Match>
            <Match when={part.op === 'del'}>
              <del>{part.text}</del>
            </Match>
            <Match when={part.op === 'gap'}>
              <span class="hist-gap" title={part.text}>
                {' '}
                {t('hist.gap')}{' '}
              </span>
            </Match>
          </Switch>
        )}
      </For>
    </p>
  );
}

export function ChangeList(props: ChangeListProps) {
  const namesOf = (ids: readonly string[]) =>
    ids
      .map((id) => props.nameOf(id))
      .filter((n): n is string => !!n)
      .join(', ');
  /** "by Bram", and for an action from a meeting "by Bram (committed in “…”, filed by Anna)". */
  const who = (a: Attribution) => {
    // The commitment's author may never have edited this document: the board's name for them then.
    const names = namesOf(a.by) || a.committed?.authorName || '';
    const by = names ? t('hist.by', { names }) : t('hist.by.unknown');
    if (!a.committed) return by;
    const board = a.committed.boardId ? props.lookups.meeting?.(a.committed.boardId) : undefined;
    const filers = namesOf(a.committed.filedBy);
    const where = board ? t('hist.committed', { meeting: board }) : t('hist.committed.unknown');
    return `${by} (${filers ? t('hist.committed.filed', { where, names: filers }) : where})`;
  };
  const what = (section: string) => t(`hist.what.${section}` as MessageKey);
  const value = (field: string, v: unknown) => formatValue(field, v, props.lookups);

  const Line = (p: { change: Change }) => (
    <li class="hist-change" data-type={p.change.type} data-section={p.change.section}>
      <Switch>
        <Match when={p.change.type === 'added' || p.change.type === 'removed' ? p.change : null}>
          {(c) => (
            <span>
              {t(c().type === 'added' ? 'hist.change.added' : 'hist.change.removed', {
                what: what(c().section),
                label: recordLabel(c().section, c().label) || t('hist.none'),
              })}
            </span>
          )}
        </Match>
        <Match when={p.change.type === 'changed' ? p.change : null}>
          {(c) => (
            <>
              <span>
                {t('hist.change.changed', {
                  what: what(c().section),
                  label: recordLabel(c().section, c().label),
                })}
              </span>
              <ul class="hist-fields">
                <For each={c().fields}>
                  {(f) => (
                    <li>
                      <Show
                        when={f.parts}
                        fallback={
                          <>
                            {fieldHeading(f.field)}: <del>{value(f.field, f.before)}</del> →{' '}
                            <ins>{value(f.field, f.after)}</ins>
                          </>
                        }
                      >
                        {(parts) => (
                          <>
                            {fieldHeading(f.field)}: <TextParts parts={parts()} />
                          </>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Match>
        <Match when={p.change.type === 'field' ? p.change : null}>
          {(c) => (
            <span>
              {fieldHeading(c().path)}: <del>{value(c().path, c().before)}</del> →{' '}
              <ins>{value(c().path, c().after)}</ins>
            </span>
          )}
        </Match>
        <Match when={p.change.type === 'text' ? p.change : null}>
          {(c) => (
            <>
              <span>{t(`hist.text.${c().path}` as MessageKey)}</span>
              <TextParts parts={c().parts} />
            </>
          )}
        </Match>
        <Match when={p.change.type === 'score' ? p.change : null}>
          {(c) => (
            <span>
              {t('hist.change.score', { relation: c().label, criterion: c().criterion })}:{' '}
              <del>{c().before ?? t('hist.none')}</del> → <ins>{c().after ?? t('hist.none')}</ins>
            </span>
          )}
        </Match>
      </Switch>{' '}
      <span class="hist-who muted">{who(p.change.who)}</span>
    </li>
  );

  return (
    <Show when={props.groups.length > 0} fallback={<p class="muted hist-nothing">{t('hist.nothing')}</p>}>
      <ol class="hist-groups">
        <For each={props.groups}>
          {(g) => (
            <li>
              <h4>{groupHeading(g.since)}</h4>
              <ul class="hist-changes">
                <For each={g.changes}>{(c) => <Line change={c} />}</For>
              </ul>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
