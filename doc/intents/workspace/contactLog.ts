/** Keep the fire burning (DOMAIN.md §6): the contact log and after-care signals. */
import * as Y from 'yjs';
import {
  Signal,
  type ContactLogEntry as ContactLogEntryT,
  type FollowUp,
  type Signal as SignalT,
} from '../../../core/model/workspace.ts';
import { recordToY } from '../../layout.ts';
import { fail, issue, notFound, type Result } from '../../result.ts';
import {
  addRecord,
  commit,
  crud,
  idOf,
  recordMap,
  validate,
  type IntentContext,
  type Patch,
} from '../common.ts';
import { CONTACT_LOG, relationExists } from './specs.ts';

export type NewContactLogEntry = Pick<ContactLogEntryT, 'relationId' | 'date' | 'type'> &
  Partial<Omit<ContactLogEntryT, 'id' | 'relationId' | 'date' | 'type' | 'signals'>>;
export type NewSignal = Pick<SignalT, 'kind'> & Partial<Omit<SignalT, 'id' | 'kind'>>;

export function contactLogIntents(ctx: IntentContext) {
  const contactLog = crud<ContactLogEntryT, NewContactLogEntry>(
    ctx,
    CONTACT_LOG,
    { add: 'addContactLogEntry', update: 'updateContactLogEntry', remove: 'removeContactLogEntry' },
    (input, id) => ({ professionalIds: [], contactIds: [], note: '', ...input, signals: {}, id }),
  );

  return {
    /**
     * Log a contact moment, with its after-care signals, in one transaction: an entry whose signal is
     * refused is not written either (so a second attempt cannot log the moment twice).
     */
    addContactLogEntry: (
      input: NewContactLogEntry & { id?: string; signals?: (NewSignal & { id?: string })[] },
    ): Result<string> => {
      if (!relationExists(ctx, input.relationId))
        return fail([notFound('contactLog.relationId', `Relation ${input.relationId}`)]);
      const { signals: newSignals = [], ...entry } = input;
      if (newSignals.length === 0) return contactLog.add(entry);
      const signals = Object.fromEntries(
        newSignals.map((s) => {
          const id = s.id ?? idOf(ctx);
          return [id, { note: '', followUp: null, handled: false, ...s, id }];
        }),
      );
      const id = entry.id ?? idOf(ctx);
      return addRecord(ctx, CONTACT_LOG, 'addContactLogEntry', {
        professionalIds: [],
        contactIds: [],
        note: '',
        ...entry,
        signals,
        id,
      });
    },
    updateContactLogEntry: (id: string, patch: Patch<Omit<ContactLogEntryT, 'signals'>>) =>
      contactLog.update(id, patch),
    removeContactLogEntry: contactLog.remove,
    /** Add an after-care signal to a contact-log entry; returns the signal id. */
    addSignal: (entryId: string, input: NewSignal & { id?: string }): Result<string> => {
      const id = input.id ?? idOf(ctx);
      const path = `contactLog.${entryId}.signals.${id}`;
      const signal: SignalT = { note: '', followUp: null as FollowUp | null, handled: false, ...input, id };
      const parsed = validate(Signal, signal, path);
      if (!parsed.ok) return fail(parsed.issues);
      const entry = recordMap(ctx, CONTACT_LOG.layout, entryId);
      if (!entry) return fail([notFound(`contactLog.${entryId}`, `Contact-log entry ${entryId}`)]);
      return commit(ctx, 'addSignal', () => {
        let signals = entry.get('signals');
        if (!(signals instanceof Y.Map)) {
          signals = new Y.Map<unknown>();
          entry.set('signals', signals);
        }
        (signals as Y.Map<unknown>).set(id, recordToY(parsed.value as Record<string, unknown>, {}));
        return id;
      });
    },
    markSignalHandled: (entryId: string, signalId: string, handled = true): Result<undefined> => {
      if (typeof handled !== 'boolean') {
        return fail([
          issue(
            `contactLog.${entryId}.signals.${signalId}.handled`,
            'invalid_type',
            'must be a boolean',
            'moet ja of nee zijn',
          ),
        ]);
      }
      const signals = recordMap(ctx, CONTACT_LOG.layout, entryId)?.get('signals');
      const signal = signals instanceof Y.Map ? signals.get(signalId) : undefined;
      if (!(signal instanceof Y.Map)) {
        return fail([notFound(`contactLog.${entryId}.signals.${signalId}`, `Signal ${signalId}`)]);
      }
      return commit(ctx, 'markSignalHandled', () => {
        if (signal.get('handled') !== handled) signal.set('handled', handled);
        return undefined;
      });
    },
  };
}
