/** The team (DOMAIN.md §1): professionals. */
import * as Y from 'yjs';
import { type Professional as ProfessionalT } from '../../../core/model/workspace.ts';
import { crud, newRecord, type IntentContext } from '../common.ts';
import { CONTACTS, PROFESSIONALS, RELATIONS } from './specs.ts';

export type NewProfessional = Pick<ProfessionalT, 'name'> & Partial<Omit<ProfessionalT, 'id' | 'name'>>;

export function teamIntents(ctx: IntentContext) {
  const { doc } = ctx;
  const professionals = crud<ProfessionalT, NewProfessional>(
    ctx,
    PROFESSIONALS,
    { add: 'addProfessional', update: 'updateProfessional', remove: 'removeProfessional' },
    (input, id) => newRecord<ProfessionalT>(ctx, PROFESSIONALS, input, id),
    (id) => {
      // Leave no dangling references to someone who left the team.
      doc.getMap(RELATIONS.layout.root).forEach((rel) => {
        if (!(rel instanceof Y.Map)) return;
        if (rel.get('ownerId') === id) rel.set('ownerId', null);
        const team = rel.get('teamIds');
        if (Array.isArray(team) && team.includes(id))
          rel.set(
            'teamIds',
            team.filter((t) => t !== id),
          );
      });
      doc.getMap(CONTACTS.layout.root).forEach((contact) => {
        if (!(contact instanceof Y.Map)) return;
        const knownBy = contact.get('knownBy');
        if (Array.isArray(knownBy) && knownBy.includes(id))
          contact.set(
            'knownBy',
            knownBy.filter((k) => k !== id),
          );
      });
    },
  );

  return {
    addProfessional: professionals.add,
    updateProfessional: professionals.update,
    /** Also clears the professional from relation owners, account teams and contacts' "known by". */
    removeProfessional: professionals.remove,
  };
}
