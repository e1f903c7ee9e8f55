/**
 * How the tournament screens name rounds and word core/tournament's findings (messages looked up by rule id
 * in the `xxl.` catalog).
 */
import { ROUND_KEYS } from '../../../../core/model/index.ts';
import type { TournamentFinding } from '../../../../core/tournament.ts';
import { formatNumber, locale, t, type MessageKey } from '../../i18n/index.ts';

/** The round's name: "Suspects approached" / "Suspects benaderd". */
export const roundName = (index: number): string => {
  const key = ROUND_KEYS[index];
  return key ? t(`xxl.round.${key}` as MessageKey) : String(index + 1);
};

/** "Round 2: Suspects approached" (rounds are numbered from 1 for people). */
export const roundLabel = (index: number): string =>
  t('xxl.round.label', { n: index + 1, name: roundName(index) });

/** Weeks with one decimal in the locale: 45 days → "6.4" / "6,4". */
export const weeksOf = (days: number): string => formatNumber(locale(), days / 7, 1);

/** The finding as a sentence; `nameOf` turns an entry id into its name. */
export function findingText(f: TournamentFinding, nameOf: (entryId: string) => string): string {
  const round = typeof f.params.round === 'number' ? roundLabel(f.params.round) : '';
  const params: Record<string, string | number> = { ...f.params, round };
  if (typeof f.params.days === 'number') params.weeks = weeksOf(f.params.days);
  if (typeof f.params.entryId === 'string') params.name = nameOf(f.params.entryId);
  return t(`xxl.rule.${f.id}` as MessageKey, params);
}
