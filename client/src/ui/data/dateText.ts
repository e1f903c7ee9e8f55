/** A stored date for people: "5 Mar 1980" for `YYYY-MM-DD`, "5 March" for a birthday's `MM-DD`. */
import { formatDate, locale } from '../../i18n/index.ts';
import { birthdayText } from '../relations/ContactForm.tsx';

export const dateText = (date: string): string =>
  /^\d{2}-\d{2}$/.test(date) ? birthdayText(date) : formatDate(locale(), date);
