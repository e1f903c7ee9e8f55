/**
 * A view that throws while showing a change must not fail the Yjs transaction that made it (doc/watch.ts).
 * Found live: a failing effect downstream of a plan edit propagated into y-codemirror's transaction, CodeMirror
 * disabled the sync plugin, and every later keystroke stayed on the screen only.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { setViewErrorReporter, watchDocument } from '../../doc/watch.ts';
import { SAMPLES } from '../fixtures/docs/sample.ts';

describe('watchDocument and a failing view', () => {
  let restore: ReturnType<typeof setViewErrorReporter> | null = null;
  afterEach(() => {
    if (restore) setViewErrorReporter(restore);
    restore = null;
  });

  it('reports the error, lets the transaction finish, and keeps publishing later changes', () => {
    const doc = new Y.Doc();
    SAMPLES.plan(doc);
    const reported = vi.fn();
    restore = setViewErrorReporter(reported);
    let calls = 0;
    const seen: unknown[] = [];
    const watch = watchDocument('plan', doc, (view) => {
      calls++;
      seen.push(view.data?.summary);
      if (calls === 2) throw new TypeError('Illegal invocation');
    });
    watch.load(); // call 1
    const text = doc.getText('summary');
    // Call 2 throws: the edit (as an editor binding makes it) must neither throw nor be lost.
    expect(() => doc.transact(() => text.insert(0, 'Eerste'), 'editor')).not.toThrow();
    expect(text.toString()).toBe('Eerste');
    expect(reported).toHaveBeenCalledTimes(1);
    expect(String(reported.mock.calls[0]![1])).toContain('Illegal invocation');
    // The next change is published as usual.
    doc.transact(() => text.insert(6, ' zin'), 'editor');
    expect(calls).toBe(3);
    expect(seen.at(-1)).toBe('Eerste zin');
    watch.destroy();
  });
});
