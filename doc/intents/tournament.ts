/** Tournament intents (DOMAIN.md §8): entries, round dates, GO / NO GO decisions. */
import * as Y from 'yjs';
import { IsoDate } from '../../core/model/common.ts';
import {
  Decision,
  ROUND_KEYS,
  TournamentDoc,
  type Decision as DecisionT,
  type TournamentEntry as TournamentEntryT,
} from '../../core/model/tournament.ts';
import * as z from 'zod/mini';
import { collectionLayout } from '../layout.ts';
import { fail, issue, notFound, type Result } from '../result.ts';
import {
  commit,
  crud,
  readRecord,
  recordMap,
  validate,
  collectionSpec,
  type IntentContext,
  type IntentOptions,
} from './common.ts';

const ENTRIES = collectionSpec('tournament', 'entries');
const ROUNDS = collectionLayout('tournament', 'rounds');

export type NewEntry = Pick<TournamentEntryT, 'name'> & Partial<Omit<TournamentEntryT, 'id' | 'name'>>;
const RoundIndex = z.int().check(z.gte(0), z.lte(ROUND_KEYS.length - 1));
const NullableDate = z.nullable(IsoDate);

export function tournamentIntents(doc: Y.Doc, opts: IntentOptions) {
  const ctx: IntentContext = { kind: 'tournament', doc, opts };
  const fields = doc.getMap('tournament');

  const round = (index: number): Result<Y.Map<unknown>> => {
    const parsed = validate(RoundIndex, index, 'rounds');
    if (!parsed.ok) return parsed;
    const map = recordMap(ctx, ROUNDS, String(index));
    return map ? { ok: true, value: map } : fail([notFound(`rounds.${index}`, `Round ${index}`)]);
  };

  const entries = crud<TournamentEntryT, NewEntry>(
    ctx,
    ENTRIES,
    { add: 'addEntry', update: 'updateEntry', remove: 'removeEntry' },
    (input, id) => ({ relationId: null, note: '', enteredRound: 0, ...input, id }),
    (id) => {
      doc.getMap(ROUNDS.root).forEach((r) => {
        const decisions = r instanceof Y.Map ? r.get('decisions') : undefined;
        if (decisions instanceof Y.Map && decisions.has(id)) decisions.delete(id);
      });
    },
  );

  return {
    setTitle: (title: string): Result<undefined> => {
      const parsed = validate(TournamentDoc.shape.title, title, 'title');
      if (!parsed.ok) return parsed;
      return commit(ctx, 'setTitle', () => {
        if (fields.get('title') !== title) fields.set('title', title);
        return undefined;
      });
    },
    addEntry: entries.add,
    updateEntry: entries.update,
    /** Also removes its decisions. */
    removeEntry: entries.remove,
    setRoundDates: (index: number, start: string | null, end: string | null): Result<undefined> => {
      const r = round(index);
      if (!r.ok) return r;
      const s = validate(NullableDate, start, `rounds.${index}.start`);
      if (!s.ok) return s;
      const e = validate(NullableDate, end, `rounds.${index}.end`);
      if (!e.ok) return e;
      if (start && end && end < start) {
        return fail([
          issue(
            `rounds.${index}.end`,
            'custom',
            'must not be before the start',
            'mag niet voor het begin liggen',
          ),
        ]);
      }
      return commit(ctx, 'setRoundDates', () => {
        if (r.value.get('start') !== start) r.value.set('start', start);
        if (r.value.get('end') !== end) r.value.set('end', end);
        return undefined;
      });
    },
    /** GO / NO GO for an entry in a round; null withdraws the decision. Decisions on different entries merge. */
    decide: (index: number, entryId: string, decision: DecisionT | null): Result<undefined> => {
      const r = round(index);
      if (!r.ok) return r;
      if (decision !== null) {
        const d = validate(Decision, decision, `rounds.${index}.decisions.${entryId}`);
        if (!d.ok) return d;
      }
      if (!readRecord(ctx, ENTRIES.layout, entryId))
        return fail([notFound(`entries.${entryId}`, `Entry ${entryId}`)]);
      return commit(ctx, 'decide', () => {
        let decisions = r.value.get('decisions');
        if (!(decisions instanceof Y.Map)) {
          decisions = new Y.Map<unknown>();
          r.value.set('decisions', decisions);
        }
        const map = decisions as Y.Map<unknown>;
        if (decision === null) map.delete(entryId);
        else if (map.get(entryId) !== decision) map.set(entryId, decision);
        return undefined;
      });
    },
  };
}

export type TournamentIntents = ReturnType<typeof tournamentIntents>;
