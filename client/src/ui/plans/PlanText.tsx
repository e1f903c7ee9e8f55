/**
 * One co-edited plan text (situation, developments, strategy, summary, closing …) as a live editor
 * (SharedText: CodeMirror + y-codemirror.next on the plan's root Y.Text of that path).
 */
import type { DocHandle } from '../../app/docs.ts';
import type { PlanTextPath } from '../../../../doc/index.ts';
import { SharedText } from '../SharedText.tsx';

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
  let lastTouch = 0;
  const value = () => {
    const data = props.handle.store.state.data as Record<string, unknown> | null;
    const v = props.path
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], data);
    return typeof v === 'string' ? v : '';
  };
  return (
    <SharedText
      text={props.handle.binding.doc.getText(props.path)}
      value={value()}
      awareness={props.handle.binding.awareness}
      undo={props.handle.store.undo}
      readOnly={props.readOnly}
      label={props.label}
      placeholder={props.placeholder}
      editorKey={props.path}
      rows={props.rows ?? 4}
      attributes={{ 'data-path': props.path }}
      onLocalEdit={() => {
        const now = Date.now();
        if (now - lastTouch < TOUCH_EVERY_MS) return;
        lastTouch = now;
        props.handle.store.intents.noteEdited();
      }}
    />
  );
}
