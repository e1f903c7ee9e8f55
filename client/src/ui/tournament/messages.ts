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

/** A finding as the board lists it: its sentence, severity and rule id. */
export interface FindingLine {
  key: string;
  severity: TournamentFinding['severity'];
  rule: TournamentFinding['id'];
  text: string;
}

/** How many names a grouped line spells out before "and N more". */
const NAMES_SHOWN = 5;

/**
 * The findings as lines for the board, in core's order; a round's `entry.undecided` findings (one per entry,
 * many when a busy round ends) become one line naming the first few entries.
 */
export function findingLines(
  findings: readonly TournamentFinding[],
  nameOf: (entryId: string) => string,
): FindingLine[] {
  const lines: FindingLine[] = [];
  const undecided = new Map<number, { line: FindingLine; names: string[] }>();
  for (const f of findings) {
    const round = f.params.round;
    if (f.id === 'entry.undecided' && typeof round === 'number' && typeof f.params.entryId === 'string') {
      const group = undecided.get(round);
      if (group) {
        group.names.push(nameOf(f.params.entryId));
        continue;
      }
      const line = { key: `${f.id}:${round}`, severity: f.severity, rule: f.id, text: '' };
      undecided.set(round, { line, names: [nameOf(f.params.entryId)] });
      lines.push(line);
      continue;
    }
    lines.push({ key: `${f.id}:${f.path}`, severity: f.severity, rule: f.id, text: findingText(f, nameOf) });
  }
  for (const [round, { line, names }] of undecided) {
    if (names.length === 1) {
      line.text = t('xxl.rule.entry.undecided', { round: roundLabel(round), name: names[0]! });
      continue;
    }
    const shown = names.slice(0, NAMES_SHOWN).join(', ');
    line.text = t('xxl.rule.entry.undecidedMany', {
      round: roundLabel(round),
      count: names.length,
      names:
        names.length > NAMES_SHOWN
          ? t('xxl.andMore', { names: shown, count: names.length - NAMES_SHOWN })
          : shown,
    });
  }
  return lines;
}
