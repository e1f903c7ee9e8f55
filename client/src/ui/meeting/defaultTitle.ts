/**
 * A board's default title, "Relatiemanagementoverleg 1 dec 2026" (catalog `mt.defaultTitle`), in the
 * workspace's language (`settings.locale`) — a board is the firm's, so a colleague with an English screen in a
 * Dutch firm gives it the Dutch title — with the date written in that language. Until someone gives it a title of
 * their own it follows the board's date (titles.ts titleForNewDate), whichever language it was made in.
 */
import type { Locale } from '../../../../core/model/index.ts';
import { formatDate, translate } from '../../i18n/index.ts';

/** The default title for `date` (YYYY-MM-DD, '' for none) in `lang`. */
export const defaultTitleIn = (lang: Locale, date: string): string =>
  translate(lang, 'mt.defaultTitle', { date: date ? formatDate(lang, date) : '' });

/** The default title for `date` in every language (what a board made by anyone may still carry). */
export const defaultTitles = (date: string): string[] =>
  (['nl', 'en'] as const).map((l) => defaultTitleIn(l, date));
