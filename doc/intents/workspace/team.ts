/**
 * The team (DOMAIN.md §1): professionals. The local UI refuses two things the schema lets through (so a
 * peer's or an old backup's data still loads; validate asymmetrically, STYLE.md 7):
 * - an e-mail address that does not look like one (empty is fine: the e-mail is optional);
 * - a name another professional already has (compared by `nameKey`: case, accents and spacing ignored) —
 *   a meeting commitment's "Who" field finds people by name, so two of the same name are ambiguous.
 */
import * as Y from 'yjs';
import { type Professional as ProfessionalT } from '../../../core/model/workspace.ts';
import { fail, issue, type Result } from '../../result.ts';
import type { SchemaIssue } from '../../../core/model/issues.ts';
import { crud, newRecord, readAll, type IntentContext, type Patch } from '../common.ts';
import { CONTACTS, PROFESSIONALS, RELATIONS } from './specs.ts';

export type NewProfessional = Pick<ProfessionalT, 'name'> & Partial<Omit<ProfessionalT, 'id' | 'name'>>;

/** A name as people compare names: accents, case and runs of spaces ignored ("Bram  Jansen" = "bram jansen"). */
export const nameKey = (name: string): string =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Something@domain.tld: no spaces, one @, a dot in the domain with text on both sides of every dot. */
export const looksLikeEmail = (email: string): boolean => /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(email);

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

  /** What the team refuses in `fields` of professional `selfId` (null: a new one), at `path`. */
  const teamIssues = (path: string, selfId: string | null, fields: { name?: unknown; email?: unknown }) => {
    const issues: SchemaIssue[] = [];
    if (
      typeof fields.email === 'string' &&
      fields.email.trim() !== '' &&
      !looksLikeEmail(fields.email.trim())
    ) {
      issues.push(
        issue(
          `${path}.email`,
          'invalid_email',
          `“${fields.email}” is not an e-mail address (name@firm.nl)`,
          `“${fields.email}” is geen e-mailadres (naam@kantoor.nl)`,
        ),
      );
    }
    if (typeof fields.name === 'string' && nameKey(fields.name) !== '') {
      const key = nameKey(fields.name);
      const twin = readAll(ctx, PROFESSIONALS.layout).find(
        (p) => p.id !== selfId && typeof p.name === 'string' && nameKey(p.name) === key,
      );
      if (twin) {
        issues.push(
          issue(
            `${path}.name`,
            'duplicate_name',
            `${String(twin.name)} is already on the team; give each professional a name of their own (e.g. with an initial)`,
            `${String(twin.name)} staat al in het team; geef elke professional een eigen naam (bijvoorbeeld met een voorletter)`,
          ),
        );
      }
    }
    return issues;
  };

  return {
    /** Refused when the e-mail does not look like one or the name is already on the team. */
    addProfessional: (input: NewProfessional & { id?: string }): Result<string> => {
      const issues = teamIssues(`${PROFESSIONALS.layout.path}.${input.id ?? 'new'}`, input.id ?? null, input);
      return issues.length ? fail(issues) : professionals.add(input);
    },
    /** Refused when the new e-mail does not look like one or the new name is someone else's. */
    updateProfessional: (id: string, patch: Patch<ProfessionalT>): Result<undefined> => {
      const issues = teamIssues(`${PROFESSIONALS.layout.path}.${id}`, id, patch);
      return issues.length ? fail(issues) : professionals.update(id, patch);
    },
    /** Also clears the professional from relation owners, account teams and contacts' "known by". */
    removeProfessional: professionals.remove,
  };
}
