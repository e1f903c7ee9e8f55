/** Who a name typed on the board means, among the team. Pure. */
import type { Professional } from '../../../../core/model/index.ts';

/**
 * The team member a typed name means: an exact name (ignoring case and accents), else the one whose name or
 * a word of it starts with it. Ambiguous or unknown: the candidates, for the message.
 */
export function matchPerson(
  typed: string,
  team: readonly Professional[],
): { ok: true; id: string } | { ok: false; candidates: Professional[] } {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  const q = fold(typed);
  if (!q) return { ok: false, candidates: [] };
  const exact = team.filter((p) => fold(p.name) === q);
  if (exact.length === 1) return { ok: true, id: exact[0]!.id };
  const prefix = team.filter(
    (p) =>
      fold(p.name).startsWith(q) ||
      fold(p.name)
        .split(/\s+/)
        .some((w) => w.startsWith(q)),
  );
  if (prefix.length === 1) return { ok: true, id: prefix[0]!.id };
  return { ok: false, candidates: prefix };
}
