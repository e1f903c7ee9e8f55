/**
 * The shared text of one record field (layout nested kind `text`, e.g. a relation's `notes`), for editor
 * bindings only (client/src/ui/SharedText.tsx): screens read the text from the store's plain data, an editor
 * binds to the Y.Text itself.
 */
import * as Y from 'yjs';
import { collectionLayout, type DocKind } from './layout.ts';

/**
 * The Y.Text of field `field` of record `id` in the collection at JSON path `collection` of `doc`; null when
 * the record is absent or the field holds no Y.Text (not yet migrated, or a plain value an older client
 * wrote: `repairTexts` turns that into a text). Throws when `collection` is no collection of `kind`.
 */
export function recordText(
  kind: DocKind,
  doc: Y.Doc,
  collection: string,
  id: string,
  field: string,
): Y.Text | null {
  const record = doc.getMap(collectionLayout(kind, collection).root).get(id);
  const value = record instanceof Y.Map ? record.get(field) : undefined;
  return value instanceof Y.Text ? value : null;
}

/**
 * Follow `recordText(…)`: `onText` gets the current text now and again whenever it becomes another one (a
 * peer's concurrent conversion won, the record was restored, a plain value was repaired into a text). Checked
 * after every transaction of `doc` (two map lookups). Returns the function that stops following.
 */
export function watchRecordText(
  kind: DocKind,
  doc: Y.Doc,
  collection: string,
  id: string,
  field: string,
  onText: (text: Y.Text | null) => void,
): () => void {
  let current = recordText(kind, doc, collection, id, field);
  onText(current);
  const check = () => {
    const next = recordText(kind, doc, collection, id, field);
    if (next === current) return;
    current = next;
    onText(next);
  };
  doc.on('afterTransaction', check);
  return () => doc.off('afterTransaction', check);
}
