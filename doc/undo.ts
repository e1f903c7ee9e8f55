/**
 * Per-user undo/redo: a Y.UndoManager over the kind's root types that tracks only this user's origin, so
 * undo never reverts a collaborator's edit (and, by Yjs' default, never overwrites a remote change to the
 * same key). Seeding and migrations use their own origins and are never undone. `meta` is out of scope:
 * undoing an edit does not rewind the plan's updatedAt (the plan did change).
 *
 * After an undo/redo, fields that Yjs' conflict rule left without any value are restored (repair.ts), so
 * undo never turns a valid document invalid.
 *
 * Each discrete intent is its own undo step; consecutive `setText` edits within `captureTimeout` merge into
 * one step (typing a sentence undoes as a whole).
 */
import * as Y from 'yjs';
import { rootTypes, type DocKind } from './layout.ts';
import { INTENT_META, TARGET_META } from './intents/common.ts';
import { readDocument } from './read.ts';
import { restoreDroppedFields } from './repair.ts';
import type { DeleteSet } from './intents/common.ts';
import { planDeletion } from './intents/plan.ts';
import { meetingDeletion } from './intents/meeting.ts';

/**
 * Per kind, whether the next undo or redo step may run now (given what it made: a stack item's `insertions`):
 * a deleted plan or meeting board takes back only its deletion (the deleter's own undo restores it), as its
 * intents refuse every other edit (doc/intents/plan.ts, doc/intents/meeting.ts).
 */
const STEP_ALLOWED: Partial<Record<DocKind, (doc: Y.Doc, insertions: DeleteSet) => boolean>> = {
  plan: planDeletion.stepAllowed,
  meeting: meetingDeletion.stepAllowed,
};

export interface Undo {
  /**
   * Also track edits made under `origin` (an editor binding's own transactions, e.g. y-codemirror's sync
   * config); consecutive edits under it merge like typing (within `captureTimeout`). Returns an untrack function.
   */
  trackOrigin(origin: unknown, key: string): () => void;
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Called with no arguments whenever the stacks change (for a reactive `canUndo`). */
  onChange(listener: () => void): () => void;
  destroy(): void;
}

export interface UndoOptions {
  /** Merge consecutive text edits within this many ms (default 500). */
  captureTimeout?: number;
}

const isTextEdit = (intent: unknown) => typeof intent === 'string' && intent.startsWith('setText:');

export function createUndo(kind: DocKind, doc: Y.Doc, origin: unknown, opts: UndoOptions = {}): Undo {
  const manager = new Y.UndoManager(rootTypes(kind, doc, { includeMeta: false }), {
    trackedOrigins: new Set([origin]),
    captureTimeout: opts.captureTimeout ?? 500,
  });
  // Runs before the manager records the transaction (it listens on afterTransaction): start a new step
  // unless this continues typing: a text edit of the same section, or an update of the same fields of the
  // same record (a table cell), or an editor binding's edit of the same text.
  const bindings = new Map<unknown, string>();
  let lastKey: unknown = null;
  const splitSteps = (tr: Y.Transaction) => {
    // A transaction that changes nothing undo covers (e.g. only meta.updatedAt) neither starts nor ends a step.
    // (`changedParentTypes` is not filled yet at this point: walk each changed type up to its root instead.)
    const covered = [...tr.changed.keys()].some((type) =>
      manager.scope.some((root) => root === type || Y.isParentOf(root as never, type._item)),
    );
    if (!covered) return;
    let key: unknown;
    if (tr.origin === origin) {
      const intent = tr.meta.get(INTENT_META);
      const target = tr.meta.get(TARGET_META);
      key = isTextEdit(intent) ? intent : target !== undefined ? `${String(intent)}|${String(target)}` : null;
    } else if (bindings.has(tr.origin)) {
      key = `binding:${bindings.get(tr.origin)}`;
    } else return;
    if (key === null || key !== lastKey) manager.stopCapturing();
    lastKey = key;
  };
  doc.on('beforeObserverCalls', splitSteps);

  /** Whether the top step of `stack` may run now (STEP_ALLOWED). */
  const allowed = (stack: { insertions: DeleteSet }[]): boolean => {
    const top = stack.at(-1);
    const rule = STEP_ALLOWED[kind];
    return !top || !rule || rule(doc, top.insertions);
  };
  /** Undo/redo, then put back any required field Yjs' conflict rule dropped (see repair.ts). */
  const guarded = (stack: { insertions: DeleteSet }[], step: () => boolean): boolean => {
    if (!allowed(stack)) return false;
    const before = readDocument(kind, doc);
    const done = step();
    if (done) restoreDroppedFields(kind, doc, before);
    return done;
  };

  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const)
    manager.on(event, emit);
  // Where a rule decides, a colleague's change (deleting the plan) can change canUndo too: say so on every change.
  if (STEP_ALLOWED[kind]) doc.on('afterTransaction', emit);

  return {
    trackOrigin(bindingOrigin, key) {
      bindings.set(bindingOrigin, key);
      manager.addTrackedOrigin(bindingOrigin);
      return () => {
        bindings.delete(bindingOrigin);
        manager.removeTrackedOrigin(bindingOrigin);
      };
    },
    undo: () => guarded(manager.undoStack, () => manager.undo() !== null),
    redo: () => guarded(manager.redoStack, () => manager.redo() !== null),
    canUndo: () => manager.canUndo() && allowed(manager.undoStack),
    canRedo: () => manager.canRedo() && allowed(manager.redoStack),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      doc.off('beforeObserverCalls', splitSteps);
      doc.off('afterTransaction', emit);
      listeners.clear();
      manager.destroy();
    },
  };
}
