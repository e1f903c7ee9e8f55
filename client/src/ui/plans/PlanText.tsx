/**
 * One co-edited plan text (situation, developments, strategy, summary, closing …) as a live editor. The
 * editor (CodeMirror + y-codemirror.next) loads on demand; until it has, the current text shows read-only
 * in the same place, so nothing jumps.
 */
import { createEffect, onCleanup, onMount } from 'solid-js';
import type { DocHandle } from '../../app/docs.ts';
import type { PlanTextPath } from '../../../../doc/index.ts';
import { locale } from '../../i18n/index.ts';
import type { TextEditor } from './editor/textEditor.ts';

/** The schema's limit for a text (core/model/common.ts `Text`). */
const MAX_TEXT = 100_000;
/** `updatedAt` is touched at most this often while typing, ms. */
const TOUCH_EVERY_MS = 5_000;

export function PlanText(props: {
  handle: DocHandle<'plan'>;
  /** No typing (a viewer, a deleted plan): the editor shows the text and its colleagues' carets only. */
  readOnly: boolean;
  path: PlanTextPath;
  label: string;
  placeholder: string;
  /** Rows of height the empty editor takes. */
  rows?: number;
}) {
  let host: HTMLDivElement | undefined;
  let editor: TextEditor | null = null;
  let disposed = false;
  let lastTouch = 0;
  const initial = () => {
    const data = props.handle.store.state.data as Record<string, unknown> | null;
    const value = props.path
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], data);
    return typeof value === 'string' ? value : '';
  };

  onMount(() => {
    const fallback = document.createElement('div');
    fallback.className = 'plan-text-loading';
    fallback.textContent = initial();
    if (!host) return;
    const parent = host;
    parent.append(fallback);
    void import('./editor/textEditor.ts').then(({ createTextEditor }) => {
      if (disposed) return;
      fallback.remove();
      const { doc, awareness } = props.handle.binding;
      editor = createTextEditor({
        parent,
        ytext: doc.getText(props.path),
        awareness,
        undo: props.handle.store.undo,
        label: props.label,
        placeholder: props.placeholder,
        readOnly: props.readOnly,
        maxLength: MAX_TEXT,
        key: props.path,
        attributes: { 'data-path': props.path },
        onLocalEdit: () => {
          const now = Date.now();
          if (now - lastTouch < TOUCH_EVERY_MS) return;
          lastTouch = now;
          props.handle.store.intents.noteEdited();
        },
      });
    });
  });
  // Read before `editor?.` (which skips what follows while the editor loads): the effect must track it from
  // its first run, or a plan deleted while open would keep its editors writable.
  createEffect(() => {
    const readOnly = props.readOnly;
    editor?.setReadOnly(readOnly);
  });
  createEffect(() => {
    locale();
    editor?.setLabel(props.label, props.placeholder);
  });
  onCleanup(() => {
    disposed = true;
    editor?.destroy();
  });

  return <div class="plan-text" style={{ '--rows': String(props.rows ?? 4) }} ref={(el) => (host = el)} />;
}
