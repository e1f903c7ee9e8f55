/**
 * A co-edited text as a live editor: CodeMirror + y-codemirror.next bound to a Y.Text (a plan's situation, a
 * relation's notes …). Colleagues' typing appears as it happens without moving the caret; their carets show
 * with their name (awareness). The editor loads on demand; until it has — or while there is no Y.Text to
 * bind (`text` null: a plain value an older client wrote) — the current text shows read-only in the same
 * place, so nothing jumps. When `text` becomes another Y.Text (a peer's copy won, a record was restored), the
 * editor is bound to the new one.
 */
import { createEffect, on, onCleanup, onMount } from 'solid-js';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Undo } from '../../../doc/index.ts';
import { locale } from '../i18n/index.ts';
import type { TextEditor } from './plans/editor/textEditor.ts';
import type * as EditorModule from './plans/editor/textEditor.ts';

/** The schema's limit for a text (core/model/common.ts `Text`). */
export const MAX_TEXT = 100_000;

export function SharedText(props: {
  /** The Y.Text to edit; null while there is none (the `value` shows read-only). */
  text: Y.Text | null;
  /** The text as the store has it, shown until the editor is bound. */
  value: string;
  awareness: Awareness;
  undo: Undo;
  /** No typing (a viewer, a deleted plan): the editor shows the text and its colleagues' carets only. */
  readOnly: boolean;
  /** Accessible name of the textbox (the field's label). */
  label: string;
  placeholder: string;
  /** Stable key of this text for undo merging (`situation.text`, `relations.r1.notes`). */
  editorKey: string;
  /** Rows of height the empty editor takes. */
  rows?: number;
  /** Extra attributes on the editable element (e.g. data-path). */
  attributes?: Record<string, string>;
  /** After each local edit. */
  onLocalEdit?: () => void;
}) {
  let host: HTMLDivElement | undefined;
  let fallback: HTMLDivElement | undefined;
  let editor: TextEditor | null = null;
  /** The text the editor shows; undefined before the first bind. */
  let bound: Y.Text | null | undefined;
  let module: typeof EditorModule | null = null;
  let disposed = false;

  const bind = () => {
    const text = props.text;
    if (disposed || !module || !host || text === bound) return;
    editor?.destroy();
    editor = null;
    bound = text;
    if (!text) {
      fallback?.remove();
      fallback = plainView(props.value);
      host.append(fallback);
      return;
    }
    fallback?.remove();
    fallback = undefined;
    editor = module.createTextEditor({
      parent: host,
      ytext: text,
      awareness: props.awareness,
      undo: props.undo,
      label: props.label,
      placeholder: props.placeholder,
      readOnly: props.readOnly,
      maxLength: MAX_TEXT,
      key: props.editorKey,
      ...(props.attributes ? { attributes: props.attributes } : {}),
      onLocalEdit: () => props.onLocalEdit?.(),
    });
  };

  onMount(() => {
    if (!host) return;
    fallback = plainView(props.value);
    host.append(fallback);
    void import('./plans/editor/textEditor.ts').then((m) => {
      module = m;
      bind();
    });
  });
  // A new Y.Text: bind it outside whatever Yjs transaction announced it.
  createEffect(
    on(
      () => props.text,
      () => queueMicrotask(bind),
      { defer: true },
    ),
  );
  createEffect(() => {
    const value = props.value;
    if (fallback && !editor) fallback.textContent = value;
  });
  // Read before `editor?.` (which skips what follows while the editor loads): the effect must track it from
  // its first run, or a text that turns read-only while open would stay writable.
  createEffect(() => {
    const readOnly = props.readOnly;
    editor?.setReadOnly(readOnly);
  });
  createEffect(() => {
    locale();
    const label = props.label;
    const placeholder = props.placeholder;
    editor?.setLabel(label, placeholder);
  });
  onCleanup(() => {
    disposed = true;
    editor?.destroy();
  });

  return <div class="shared-text" style={{ '--rows': String(props.rows ?? 4) }} ref={(el) => (host = el)} />;
}

/** The text read-only, where the editor will be (also what a screen reader reads while it loads). */
function plainView(value: string): HTMLDivElement {
  const div = document.createElement('div');
  div.className = 'shared-text-loading';
  div.textContent = value;
  return div;
}
