/**
 * Team fit (DOMAIN.md §2 last bullet, §1): does the team carry its important relations?
 *
 * - Every A and B relation (by effective class) needs an owner: `team.noOwner` when it has none,
 *   `team.ownerUnknown` when its owner is not a professional of the workspace (both errors).
 * - An A relation whose owner is a junior (`team.juniorOwner`) or whose owner's profile is not
 *   `relationshipManager` (`team.ownerNotManager`) is a warning; both can apply at once.
 * - Each professional's load: the A, B and C relations they own (relations without a class are not
 *   counted).
 * - The team mix against seed 000's reference: 30% relationship managers, 60% specialists, 10% market
 *   developers and innovators together.
 */
import { PROFILES } from '../model/index.ts';
import type { AbcClass, Professional, Profile } from '../model/index.ts';

export interface TeamFitRelation {
  id: string;
  ownerId?: string | null;
  /** The effective class (override, else computed); null when the relation has none. */
  class: AbcClass | null;
}

export type TeamMember = Pick<Professional, 'id' | 'profile' | 'seniority'>;

export type TeamFindingId =
  'team.noOwner' | 'team.ownerUnknown' | 'team.juniorOwner' | 'team.ownerNotManager';

export interface TeamFinding {
  id: TeamFindingId;
  severity: 'error' | 'warning';
  relationId: string;
  /** Dotted path of the field the finding is about. */
  path: string;
  params: { class: AbcClass; ownerId: string | null };
}

export interface ProfessionalLoad {
  professionalId: string;
  A: number;
  B: number;
  C: number;
}

export type MixGroup = 'relationshipManager' | 'specialist' | 'developerOrInnovator';

/** Seed 000's reference mix. */
export const TEAM_MIX_REFERENCE: Readonly<Record<MixGroup, number>> = {
  relationshipManager: 0.3,
  specialist: 0.6,
  developerOrInnovator: 0.1,
};

export const MIX_GROUP_OF: Readonly<Record<Profile, MixGroup>> = {
  relationshipManager: 'relationshipManager',
  specialist: 'specialist',
  marketDeveloper: 'developerOrInnovator',
  innovator: 'developerOrInnovator',
};

export interface MixShare {
  group: MixGroup;
  count: number;
  /** count / team size; null for an empty team. */
  share: number | null;
  reference: number;
  /** share − reference; null for an empty team. */
  difference: number | null;
}

export interface TeamMix {
  size: number;
  byProfile: Record<Profile, number>;
  groups: MixShare[];
}

export interface TeamFitResult {
  findings: TeamFinding[];
  /** One entry per professional, in the order given. */
  load: ProfessionalLoad[];
  mix: TeamMix;
}

export function teamFit(input: {
  relations: readonly TeamFitRelation[];
  professionals: readonly TeamMember[];
}): TeamFitResult {
  const byId = new Map<string, TeamMember>();
  const load: ProfessionalLoad[] = [];
  const loadById = new Map<string, ProfessionalLoad>();
  for (const p of input.professionals) {
    if (byId.has(p.id)) continue;
    byId.set(p.id, p);
    const entry = { professionalId: p.id, A: 0, B: 0, C: 0 };
    load.push(entry);
    loadById.set(p.id, entry);
  }

  const findings: TeamFinding[] = [];
  for (const r of input.relations) {
    const cls = r.class;
    if (cls === null) continue;
    const ownerId = r.ownerId ? r.ownerId : null;
    const owner = ownerId === null ? undefined : byId.get(ownerId);
    if (owner) loadById.get(owner.id)![cls]++;
    if (cls === 'C') continue;
    const finding = (id: TeamFindingId, severity: TeamFinding['severity']) =>
      findings.push({
        id,
        severity,
        relationId: r.id,
        path: `relations.${r.id}.ownerId`,
        params: { class: cls, ownerId },
      });
    if (ownerId === null) finding('team.noOwner', 'error');
    else if (!owner) finding('team.ownerUnknown', 'error');
    else if (cls === 'A') {
      if (owner.seniority === 'junior') finding('team.juniorOwner', 'warning');
      if (owner.profile !== 'relationshipManager') finding('team.ownerNotManager', 'warning');
    }
  }
  return { findings, load, mix: teamMix([...byId.values()]) };
}

export function teamMix(professionals: readonly Pick<Professional, 'profile'>[]): TeamMix {
  const byProfile = Object.fromEntries(PROFILES.map((p) => [p, 0])) as Record<Profile, number>;
  const counts: Record<MixGroup, number> = { relationshipManager: 0, specialist: 0, developerOrInnovator: 0 };
  let size = 0;
  for (const p of professionals) {
    const group = MIX_GROUP_OF[p.profile];
    if (group === undefined) continue; // a profile from a newer client: not part of the reference mix
    byProfile[p.profile]++;
    counts[group]++;
    size++;
  }
  const groups = (Object.keys(TEAM_MIX_REFERENCE) as MixGroup[]).map((group) => {
    const share = size === 0 ? null : counts[group] / size;
    const reference = TEAM_MIX_REFERENCE[group];
    return {
      group,
      count: counts[group],
      share,
      reference,
      difference: share === null ? null : share - reference,
    };
  });
  return { size, byProfile, groups };
}

const PROFILE_EN: Record<Profile, string> = {
  relationshipManager: 'a relationship manager',
  specialist: 'a specialist',
  marketDeveloper: 'a market developer',
  innovator: 'an innovator',
};

/** The English sentence for a finding; `professionals` lets it name the owner's profile. */
export function teamFindingMessage(finding: TeamFinding, professionals: readonly TeamMember[] = []): string {
  const { class: cls, ownerId } = finding.params;
  const rel = JSON.stringify(finding.relationId);
  const owner = JSON.stringify(ownerId ?? '');
  switch (finding.id) {
    case 'team.noOwner':
      return `${cls} relation ${rel} has no owner; every A and B relation needs one.`;
    case 'team.ownerUnknown':
      return `${cls} relation ${rel} is owned by ${owner}, who is not a professional of the workspace.`;
    case 'team.juniorOwner':
      return `A relation ${rel} is owned by ${owner}, a junior; an A relation is best owned by a medior or senior.`;
    case 'team.ownerNotManager': {
      const profile = professionals.find((p) => p.id === ownerId)?.profile;
      const what = profile ? `, ${PROFILE_EN[profile]}` : '';
      return `A relation ${rel} is owned by ${owner}${what}; an A relation is best owned by a relationship manager.`;
    }
  }
}
