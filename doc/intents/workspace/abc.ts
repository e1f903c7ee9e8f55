/** ABC classification (DOMAIN.md §2): criteria and scores. */
import * as Y from 'yjs';
import { Score, type Criterion as CriterionT, type Score as ScoreT } from '../../../core/model/workspace.ts';
import { fail, notFound, type Result } from '../../result.ts';
import { commit, crud, newRecord, readRecord, validate, type IntentContext, moveRecord } from '../common.ts';
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
    moveCriterion: (id: string, toIndex: number): Result<undefined> =>
      moveRecord(ctx, CRITERIA, 'moveCriterion', id, toIndex),
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
