import { describe, it, expect } from 'vitest';
import { teamFindingMessage, teamFit, teamMix } from '../../core/abc/index.ts';
import type { TeamFitRelation, TeamMember } from '../../core/abc/index.ts';
import type { AbcClass, Profile } from '../../core/model/index.ts';

const TEAM: TeamMember[] = [
  { id: 'rmSenior', profile: 'relationshipManager', seniority: 'senior' },
  { id: 'rmMedior', profile: 'relationshipManager', seniority: 'medior' },
  { id: 'specSenior', profile: 'specialist', seniority: 'senior' },
  { id: 'rmJunior', profile: 'relationshipManager', seniority: 'junior' },
  { id: 'innoJunior', profile: 'innovator', seniority: 'junior' },
];

const findingsFor = (cls: AbcClass | null, ownerId: string | null | undefined) =>
  teamFit({ relations: [{ id: 'r1', class: cls, ownerId }], professionals: TEAM }).findings.map((f) => [
    f.id,
    f.severity,
  ]);

describe('team fit findings (DOMAIN §2)', () => {
  it.each<[AbcClass | null, string | null | undefined, string[][]]>([
    ['A', null, [['team.noOwner', 'error']]],
    ['A', undefined, [['team.noOwner', 'error']]],
    ['A', '', [['team.noOwner', 'error']]],
    ['B', null, [['team.noOwner', 'error']]],
    ['C', null, []],
    [null, null, []],
    ['A', 'ghost', [['team.ownerUnknown', 'error']]],
    ['B', 'ghost', [['team.ownerUnknown', 'error']]],
    ['C', 'ghost', []],
    ['A', 'rmSenior', []],
    ['A', 'rmMedior', []],
    ['A', 'specSenior', [['team.ownerNotManager', 'warning']]],
    ['A', 'rmJunior', [['team.juniorOwner', 'warning']]],
    [
      'A',
      'innoJunior',
      [
        ['team.juniorOwner', 'warning'],
        ['team.ownerNotManager', 'warning'],
      ],
    ],
    ['B', 'innoJunior', []],
    ['B', 'rmJunior', []],
  ])('class %s, owner %j → %j', (cls, ownerId, expected) => {
    expect(findingsFor(cls, ownerId)).toEqual(expected);
  });

  it('names the relation, the field and the owner', () => {
    const [finding] = teamFit({
      relations: [{ id: 'acme', class: 'A', ownerId: 'specSenior' }],
      professionals: TEAM,
    }).findings;
    expect(finding).toEqual({
      id: 'team.ownerNotManager',
      severity: 'warning',
      relationId: 'acme',
      path: 'relations.acme.ownerId',
      params: { class: 'A', ownerId: 'specSenior' },
    });
    expect(teamFindingMessage(finding!, TEAM)).toBe(
      'A relation "acme" is owned by "specSenior", a specialist; an A relation is best owned by a relationship manager.',
    );
  });

  it.each([
    ['A', null, 'A relation "r1" has no owner; every A and B relation needs one.'],
    ['B', 'ghost', 'B relation "r1" is owned by "ghost", who is not a professional of the workspace.'],
    [
      'A',
      'rmJunior',
      'A relation "r1" is owned by "rmJunior", a junior; an A relation is best owned by a medior or senior.',
    ],
  ] as const)('message for class %s, owner %j', (cls, ownerId, message) => {
    const [finding] = teamFit({
      relations: [{ id: 'r1', class: cls, ownerId }],
      professionals: TEAM,
    }).findings;
    expect(teamFindingMessage(finding!)).toBe(message);
  });
});

describe('load: A/B/C relations owned per professional', () => {
  it('counts effective classes, in team order; unclassified and unknown owners are not counted', () => {
    const relations: TeamFitRelation[] = [
      { id: 'a1', class: 'A', ownerId: 'rmSenior' },
      { id: 'a2', class: 'A', ownerId: 'rmSenior' },
      { id: 'b1', class: 'B', ownerId: 'rmSenior' },
      { id: 'c1', class: 'C', ownerId: 'specSenior' },
      { id: 'b2', class: 'B', ownerId: 'specSenior' },
      { id: 'n1', class: null, ownerId: 'specSenior' },
      { id: 'g1', class: 'A', ownerId: 'ghost' },
      { id: 'o1', class: 'C', ownerId: null },
    ];
    expect(teamFit({ relations, professionals: TEAM }).load).toEqual([
      { professionalId: 'rmSenior', A: 2, B: 1, C: 0 },
      { professionalId: 'rmMedior', A: 0, B: 0, C: 0 },
      { professionalId: 'specSenior', A: 0, B: 1, C: 1 },
      { professionalId: 'rmJunior', A: 0, B: 0, C: 0 },
      { professionalId: 'innoJunior', A: 0, B: 0, C: 0 },
    ]);
  });
});

describe('team mix against the reference (30% / 60% / 10%)', () => {
  const team = (...profiles: Profile[]) => profiles.map((profile) => ({ profile }));
  const shares = (profiles: Profile[]) =>
    teamMix(team(...profiles)).groups.map((g) => [g.group, g.count, g.share, g.reference]);

  it.each<[string, Profile[], unknown[][]]>([
    [
      'the reference mix',
      [
        ...Array<Profile>(3).fill('relationshipManager'),
        ...Array<Profile>(6).fill('specialist'),
        'innovator',
      ],
      [
        ['relationshipManager', 3, 0.3, 0.3],
        ['specialist', 6, 0.6, 0.6],
        ['developerOrInnovator', 1, 0.1, 0.1],
      ],
    ],
    [
      'market developers and innovators together',
      ['marketDeveloper', 'innovator', 'specialist', 'relationshipManager'],
      [
        ['relationshipManager', 1, 0.25, 0.3],
        ['specialist', 1, 0.25, 0.6],
        ['developerOrInnovator', 2, 0.5, 0.1],
      ],
    ],
    [
      'an empty team',
      [],
      [
        ['relationshipManager', 0, null, 0.3],
        ['specialist', 0, null, 0.6],
        ['developerOrInnovator', 0, null, 0.1],
      ],
    ],
  ])('%s', (_name, profiles, expected) => {
    expect(shares(profiles)).toEqual(expected);
  });

  it('reports each profile and the difference from the reference', () => {
    const mix = teamMix(team('relationshipManager', 'specialist'));
    expect(mix.size).toBe(2);
    expect(mix.byProfile).toEqual({
      relationshipManager: 1,
      specialist: 1,
      marketDeveloper: 0,
      innovator: 0,
    });
    expect(mix.groups.map((g) => g.difference)).toEqual([0.5 - 0.3, 0.5 - 0.6, 0 - 0.1]);
  });

  it('teamFit gives the mix of its professionals', () => {
    expect(teamFit({ relations: [], professionals: TEAM }).mix.byProfile).toEqual({
      relationshipManager: 3,
      specialist: 1,
      marketDeveloper: 0,
      innovator: 1,
    });
  });
});
