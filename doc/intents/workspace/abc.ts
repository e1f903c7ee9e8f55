/** ABC classification (DOMAIN.md §2): criteria and scores. */
import * as Y from 'yjs';
import { Score, type Criterion as CriterionT, type Score as ScoreT } from '../../../core/model/workspace.ts';
import { fail, notFound, type Result } from '../../result.ts';
import {
  commit,
  crud,
  newRecord,
  readAll,
  readRecord,
  recordMap,
  updateRecord,
  validate,
  type IntentContext,
} from '../common.ts';
import { CRITERIA, relationExists, scoresOf } from './specs.ts';

export type NewCriterion = Pick<CriterionT, 'name' | 'category'> &
  Partial<Omit<CriterionT, 'id' | 'name' | 'category'>>;

export function abcIntents(ctx: IntentContext) {
  const scores = scoresOf(ctx);
  const criteria = crud<CriterionT, NewCriterion>(
    ctx,
    CRITERIA,
    { add: 'addCriterion', update: 'updateCriterion', remove: 'removeCriterion' },
    (input, id) => newRecord<CriterionT>(ctx, CRITERIA, input, id),
    (id) => {
      scores.forEach((row) => {
        if (row instanceof Y.Map && row.has(id)) row.delete(id);
      });
    },
  );

  return {
    addCriterion: criteria.add,
    updateCriterion: criteria.update,
    /** Also removes every score given on the criterion. */
    removeCriterion: criteria.remove,
    /** Move a criterion to position `toIndex` of the ordered list (fractional order: concurrent moves merge). */
    moveCriterion: (id: string, toIndex: number): Result<undefined> => {
      const all = readAll(ctx, CRITERIA.layout) as CriterionT[];
      if (!all.some((c) => c.id === id)) return fail([notFound(`criteria.${id}`, `Criterion ${id}`)]);
      const others = all
        .filter((c) => c.id !== id)
        .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
      const i = Math.max(0, Math.min(others.length, Math.trunc(toIndex)));
      const before = others[i - 1]?.order;
      const after = others[i]?.order;
      const order =
        before === undefined
          ? after === undefined
            ? 0
            : after - 1
          : after === undefined
            ? before + 1
            : (before + after) / 2;
      if (before !== undefined && after !== undefined && !(order > before && order < after)) {
        // Out of floating-point room: renumber everything in the same transaction.
        const ordered = [...others.slice(0, i), { id }, ...others.slice(i)];
        return commit(ctx, 'moveCriterion', () => {
          ordered.forEach((c, n) => recordMap(ctx, CRITERIA.layout, c.id)?.set('order', n));
          return undefined;
        });
      }
      return updateRecord(ctx, CRITERIA, 'moveCriterion', id, { order });
    },
    /** Score a relation on a criterion, 1–4; null removes the score ("not scored yet"). */
    scoreRelation: (relationId: string, criterionId: string, score: ScoreT): Result<undefined> => {
      const parsed = validate(Score, score, `scores.${relationId}.${criterionId}`);
      if (!parsed.ok) return parsed;
      if (!relationExists(ctx, relationId))
        return fail([notFound(`scores.${relationId}`, `Relation ${relationId}`)]);
      if (!readRecord(ctx, CRITERIA.layout, criterionId)) {
        return fail([notFound(`scores.${relationId}.${criterionId}`, `Criterion ${criterionId}`)]);
      }
      return commit(ctx, 'scoreRelation', () => {
        let row = scores.get(relationId);
        if (!(row instanceof Y.Map)) {
          row = new Y.Map<unknown>();
          scores.set(relationId, row);
        }
        const cells = row as Y.Map<unknown>;
        if (score === null) cells.delete(criterionId);
        else if (cells.get(criterionId) !== score) cells.set(criterionId, score);
        return undefined;
      });
    },
  };
}
