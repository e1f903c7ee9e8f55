/** The import summary's second sentence, in the UI's language: each count with its own singular or plural. */
import { t, tn } from '../../i18n/index.ts';

/**
 * "Also 1 contact moment that starts a history, and 5 new professionals." — a part is left out when its count
 * is 0; `null` when both are (then there is no second sentence). Counts are whole numbers ≥ 0.
 */
export function importExtraSummary(counts: { history: number; professionals: number }): string | null {
  const parts = [
    counts.history > 0 ? tn('data.import.summary.history', counts.history) : null,
    counts.professionals > 0 ? tn('data.import.summary.professionals', counts.professionals) : null,
  ];
  const [history, professionals] = parts;
  if (history && professionals)
    return t('data.import.summary.extra', {
      parts: t('data.import.summary.extra.both', { history, professionals }),
    });
  const only = history ?? professionals;
  return only ? t('data.import.summary.extra', { parts: only }) : null;
}
