/**
 * A relation's notes: a shared text (the relation's Y.Text, doc/layout.ts nested kind `text`) in the same
 * live editor as the plan texts, so two people typing in the same notes at once both keep their words, and
 * notes edited offline on two devices merge when they meet. Notes an older client left as a plain string are
 * turned into a shared text (same content) as soon as this person may write; until then they show read-only.
 */
import { createSignal, onCleanup } from 'solid-js';
import type * as Y from 'yjs';
import { watchRecordText } from '../../../../doc/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';
import { SharedText } from '../SharedText.tsx';

export function RelationNotes(props: { relationId: string; value: string; readOnly: boolean }) {
  const ws = useWorkspace();
  const { doc, awareness } = ws.session.binding;
  const [text, setText] = createSignal<Y.Text | null>(null, { equals: false });
  const stop = watchRecordText('workspace', doc, 'relations', props.relationId, 'notes', (next) => {
    setText(() => next);
    // A plain string (not a text): convert it — outside the transaction that showed it.
    if (next === null && !props.readOnly) queueMicrotask(() => void ws.session.store.intents.repairTexts());
  });
  onCleanup(stop);
  return (
    <SharedText
      text={text()}
      value={props.value}
      awareness={awareness}
      undo={ws.session.store.undo}
      readOnly={props.readOnly}
      label={t('rel.field.notes')}
      placeholder=""
      editorKey={`relations.${props.relationId}.notes`}
      rows={4}
    />
  );
}
