/**
 * Deleting a document and bringing it back — an account plan or a meeting board, alike. A deleted document
 * keeps its content and its history: its `deletedAt` is set (the kind's `setDeleted` intent), the workspace's
 * card of it says `deleted`, and the lists leave it out (core/model/workspace.ts `inUse`) but for their
 * "Deleted … (n)" filter. Deleting asks first, in place (AskFirst); a deleted document shows a banner with when
 * it was deleted and, for editors, a button that restores it.
 */
import { Show } from 'solid-js';
import type { Result } from '../../../doc/index.ts';
import { formatDate, locale } from '../i18n/index.ts';
import { AskFirst } from './AskFirst.tsx';
import { createRefusal, RefusalMessage } from './plans/sections.tsx';

interface Deletable {
  /** The document's `deletedAt` (ISO date-time), null or absent while in use. */
  deletedAt: string | null | undefined;
  readOnly: boolean;
  /** The kind's intent: true deletes, false restores. */
  setDeleted: (deleted: boolean) => Result<unknown>;
}

/** "Delete …" for editors of a document in use; a click asks `question` with `yes` / `no` in its place. */
export function DeleteButton(
  props: Deletable & { label: string; question: string; yes: string; no: string; class?: string },
) {
  const refusal = createRefusal();
  return (
    <Show when={!props.readOnly && !props.deletedAt}>
      <AskFirst
        label={props.label}
        question={props.question}
        yes={props.yes}
        no={props.no}
        buttonClass="danger"
        class={`doc-confirm ${props.class ?? ''}`}
        onYes={() => refusal.check(props.setDeleted(true))}
      >
        <RefusalMessage message={refusal.message()} />
      </AskFirst>
    </Show>
  );
}

/** Above a deleted document: `text(date)` (the day it was deleted, in the reader's language) and `restore`. */
export function DeletedBanner(
  props: Deletable & { text: (date: string) => string; restore: string; testid: string },
) {
  const refusal = createRefusal();
  return (
    <Show when={props.deletedAt}>
      {(at) => (
        <div class="doc-deleted" role="status" data-testid={props.testid}>
          <p>{props.text(formatDate(locale(), at().slice(0, 10)))}</p>
          <Show when={!props.readOnly}>
            <button type="button" onClick={() => refusal.check(props.setDeleted(false))}>
              {props.restore}
            </button>
          </Show>
          <RefusalMessage message={refusal.message()} />
        </div>
      )}
    </Show>
  );
}
