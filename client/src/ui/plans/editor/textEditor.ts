/**
 * A live plan text: a CodeMirror 6 editor bound to the plan's Y.Text by y-codemirror.next (loaded on
 * demand, so the first screen stays small). Local typing reaches the Y.Text as deltas; remote edits arrive
 * as deltas and keep the local caret where it was; colleagues' carets and selections show in their colour
 * with their name (awareness `cursor`, as relative positions, and `user`).
 *
 * Why y-codemirror.next and not y-prosemirror: Haard's plan texts are plain Y.Text root types (see
 * doc/kinds/plan.ts), which CodeMirror binds directly; y-prosemirror binds a Y.XmlFragment, which would change
 * the document layout and schema for rich text nobody asked for.
 *
 * Undo: the binding's own undo manager is off; its edits join the user's per-document undo (doc/undo.ts
 * `trackOrigin`), so Ctrl+Z here, and the Undo button, undo this user's steps only.
 */
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import { defaultKeymap } from '@codemirror/commands';
import { yCollab, ySyncFacet } from 'y-codemirror.next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Undo } from '../../../../../doc/index.ts';

export interface TextEditorOptions {
  parent: HTMLElement;
  ytext: Y.Text;
  awareness: Awareness;
  undo: Undo;
  /** Accessible name of the textbox ("Situation"). */
  label: string;
  placeholder: string;
  readOnly: boolean;
  /** Longest text the schema accepts (core/model Text): longer input is refused, never stored. */
  maxLength: number;
  /** Called after each local edit (the plan's `updatedAt` is touched from it). */
  onLocalEdit: () => void;
  /** Stable key of this text for undo merging. */
  key: string;
  /** Extra attributes on the editable element (e.g. data-path for "focus this field"). */
  attributes?: Record<string, string>;
}

export interface TextEditor {
  setReadOnly(readOnly: boolean): void;
  setLabel(label: string, placeholder: string): void;
  focus(): void;
  destroy(): void;
}

export function createTextEditor(opts: TextEditorOptions): TextEditor {
  const labels = new Compartment();
  const editable = new Compartment();
  const labelling = (label: string, placeholder: string): Extension => [
    EditorView.contentAttributes.of({
      'aria-label': label,
      'aria-multiline': 'true',
      role: 'textbox',
      ...(opts.attributes ?? {}),
    }),
    placeholderExt(placeholder),
  ];
  // aria-readonly: a screen reader (and a test) hears a read-only textbox, not merely one it cannot type in.
  const editability = (readOnly: boolean): Extension => [
    EditorView.editable.of(!readOnly),
    EditorState.readOnly.of(readOnly),
    EditorView.contentAttributes.of({ 'aria-readonly': String(readOnly) }),
  ];
  const view = new EditorView({
    parent: opts.parent,
    state: EditorState.create({
      doc: opts.ytext.toString(),
      extensions: [
        yCollab(opts.ytext, opts.awareness, { undoManager: false }),
        keymap.of([
          { key: 'Mod-z', run: () => opts.undo.undo(), preventDefault: true },
          { key: 'Mod-y', run: () => opts.undo.redo(), preventDefault: true },
          { key: 'Mod-Shift-z', run: () => opts.undo.redo(), preventDefault: true },
          ...defaultKeymap,
        ]),
        EditorView.lineWrapping,
        labels.of(labelling(opts.label, opts.placeholder)),
        editable.of(editability(opts.readOnly)),
        // Refuse local input past the schema's limit (remote edits are never filtered: they are the truth).
        EditorState.changeFilter.of(
          (tr) =>
            !tr.isUserEvent('input') ||
            tr.newDoc.length <= opts.maxLength ||
            tr.newDoc.length <= tr.startState.doc.length,
        ),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          const local = update.transactions.some(
            (tr) => tr.isUserEvent('input') || tr.isUserEvent('delete') || tr.isUserEvent('move'),
          );
          if (local) opts.onLocalEdit();
        }),
      ],
    }),
  });
  const untrack = opts.undo.trackOrigin(view.state.facet(ySyncFacet), opts.key);
  let readOnlyNow = opts.readOnly;
  let destroyed = false;
  return {
    // Only a change reconfigures, and outside whatever update is under way: a Solid effect can run inside
    // CodeMirror's own update (a keystroke → Yjs → the store's signals), where a dispatch throws and takes
    // y-codemirror's sync plugin down with it — later keystrokes would stay on the screen only.
    setReadOnly(readOnly) {
      if (readOnly === readOnlyNow) return;
      readOnlyNow = readOnly;
      queueMicrotask(() => {
        if (!destroyed) view.dispatch({ effects: editable.reconfigure(editability(readOnlyNow)) });
      });
    },
    // As setReadOnly: never inside an update under way (a locale switch can come from any effect).
    setLabel(label, placeholder) {
      queueMicrotask(() => {
        if (!destroyed) view.dispatch({ effects: labels.reconfigure(labelling(label, placeholder)) });
      });
    },
    focus: () => view.focus(),
    destroy() {
      destroyed = true;
      untrack();
      view.destroy();
    },
  };
}
