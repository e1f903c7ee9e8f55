/** Relations and their DMU contacts (DOMAIN.md §1, §2 overrides, §5 seven questions). */
import * as Y from 'yjs';
import {
  Override,
  SevenQuestion,
  type Contact as ContactT,
  type Override as OverrideT,
  type Relation as RelationT,
  type SevenQuestion as SevenQuestionT,
} from '../../../core/model/workspace.ts';
import { toJson } from '../../json.ts';
import { recordToY } from '../../layout.ts';
import { fail, issue, notFound, ok, type Result } from '../../result.ts';
import { repairTexts } from '../../repair.ts';
import {
  addRecord,
  commit,
  crud,
  idOf,
  newRecord,
  recordMap,
  refusal,
  removeRecord,
  updateRecord,
  validate,
  type IntentContext,
  type Patch,
} from '../common.ts';
import { CONTACTS, CONTACT_LOG, RELATIONS, relationExists, scoresOf } from './specs.ts';

export type NewRelation = Pick<RelationT, 'name'> & Partial<Omit<RelationT, 'id' | 'name'>>;
export type NewContact = Pick<ContactT, 'relationId' | 'name'> &
  Partial<Omit<ContactT, 'id' | 'relationId' | 'name'>>;

export function relationIntents(ctx: IntentContext) {
  const { doc } = ctx;
  const scores = scoresOf(ctx);
  const removeRelationCascade = (id: string) => {
    for (const spec of [CONTACTS, CONTACT_LOG]) {
      const root = doc.getMap(spec.layout.root);
      const doomed: string[] = [];
      root.forEach((rec, key) => {
        if (rec instanceof Y.Map && rec.get('relationId') === id) doomed.push(key);
      });
      for (const key of doomed) root.delete(key);
    }
    if (scores.has(id)) scores.delete(id);
  };

  const relations = {
    add: (input: NewRelation & { id?: string }): Result<string> => {
      const id = input.id ?? idOf(ctx);
      const record = newRecord<RelationT>(ctx, RELATIONS, input, id);
      // The score row is created with the relation, so two people scoring it first never create two rows.
      return addRecord(ctx, RELATIONS, 'addRelation', record, () => {
        if (!scores.has(id)) scores.set(id, new Y.Map());
      });
    },
    update: (id: string, patch: Patch<RelationT>) =>
      updateRecord(ctx, RELATIONS, 'updateRelation', id, patch as Record<string, unknown>),
    remove: (id: string) =>
      removeRecord(ctx, RELATIONS, 'removeRelation', id, () => removeRelationCascade(id)),
  };

  const contacts = crud<ContactT, NewContact>(
    ctx,
    CONTACTS,
    { add: 'addContact', update: 'updateContact', remove: 'removeContact' },
    (input, id) => newRecord<ContactT>(ctx, CONTACTS, input, id),
  );

  return {
    /**
     * Turn relation notes stored as a plain string (written by a client of an older schema while the
     * document was migrated) into shared texts with the same content, so edits merge again (doc/repair.ts
     * `repairTexts`; nobody's undo step). Returns how many were converted; refused while the document is
     * not ready, like every write.
     */
    repairTexts: (): Result<number> => {
      const refused = refusal(ctx);
      return refused ? fail(refused) : ok(repairTexts('workspace', doc));
    },
    addRelation: relations.add,
    updateRelation: relations.update,
    /** Also removes the relation's contacts, contact-log entries and scores. */
    removeRelation: relations.remove,
    setOverride: (relationId: string, override: OverrideT) => {
      const parsed = validate(Override, override, `relations.${relationId}.override`);
      return parsed.ok ? updateRecord(ctx, RELATIONS, 'setOverride', relationId, { override }) : parsed;
    },
    clearOverride: (relationId: string) =>
      updateRecord(ctx, RELATIONS, 'clearOverride', relationId, { override: null }),
    /** Answer one of the seven questions (null clears it); answers to different questions merge. */
    answerSevenQuestion: (
      relationId: string,
      question: SevenQuestionT,
      answer: boolean | null,
    ): Result<undefined> => {
      const q = validate(SevenQuestion, question, `relations.${relationId}.sevenQuestions`);
      if (!q.ok) return q;
      if (answer !== null && typeof answer !== 'boolean') {
        return fail([
          issue(
            `relations.${relationId}.sevenQuestions.${question}`,
            'invalid_type',
            'must be a boolean',
            'moet ja of nee zijn',
          ),
        ]);
      }
      const rel = recordMap(ctx, RELATIONS.layout, relationId);
      if (!rel) return fail([notFound(`relations.${relationId}`, `Relation ${relationId}`)]);
      return commit(ctx, 'answerSevenQuestion', () => {
        let answers = rel.get('sevenQuestions');
        if (!(answers instanceof Y.Map)) {
          const previous = toJson(answers);
          answers = recordToY(
            typeof previous === 'object' && previous !== null ? (previous as Record<string, unknown>) : {},
            {},
          );
          rel.set('sevenQuestions', answers);
        }
        const map = answers as Y.Map<unknown>;
        if (answer === null) map.delete(question);
        else if (map.get(question) !== answer) map.set(question, answer);
        return undefined;
      });
    },

    addContact: (input: NewContact & { id?: string }): Result<string> =>
      relationExists(ctx, input.relationId)
        ? contacts.add(input)
        : fail([notFound('contacts.relationId', `Relation ${input.relationId}`)]),
    updateContact: contacts.update,
    removeContact: contacts.remove,
  };
}
