/**
 * How screens name the relations a plan (or anything else) points at. A relation can be deleted while plans
 * still name it (deleting asks first when it has plans — ./deleteImpact.ts — but a colleague's offline edit or
 * an old backup can still leave one behind): it is then called "(deleted relation)", never "?" or nothing.
 */
import { t } from '../../i18n/index.ts';

type Relations = Readonly<Record<string, { name: string } | undefined>>;

/**
 * The name of relation `id` in `relations`; the localised "(deleted relation)" when the workspace no longer
 * has it; '' while the workspace is not loaded (`relations` undefined), so nothing is called deleted early.
 */
export function relationNameOf(relations: Relations | undefined, id: string): string {
  if (!relations) return '';
  return relations[id]?.name ?? t('rel.deletedRelation');
}

/** `relationNameOf` for each id, in order (a plan's `relationIds`). */
export function relationNamesOf(relations: Relations | undefined, ids: readonly string[]): string[] {
  return relations ? ids.map((id) => relationNameOf(relations, id)) : [];
}
