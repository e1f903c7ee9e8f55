/**
 * A refused edit said in words a person reads: the field's name instead of its schema path.
 * `issueSentence({ path: 'actions.WOacRe3b.cost', text: { en: 'must be at least 0', … } }, 'en')` →
 * "Cost must be at least 0"; `rounds.0.end` → "Round 1: End date must not be before the start". Record ids
 * in a path are left out (a person cannot read them); a path whose field has no name in
 * catalogs/fields.ts is shown as it is (core/model/issues.ts `formatIssue`).
 */
import { formatIssue, type Locale, type SchemaIssue } from '../../../core/model/index.ts';
import { catalogs, type MessageKey } from '../i18n/index.ts';

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));

/** How core/model/issues.ts's fragments begin, in both languages. */
const FRAGMENT =
  /^(is|are|must|may|has|have|should|does|cannot|moet|moeten|mag|mogen|heeft|hebben|hoort|kan|bestaat)\b/;

/** `issue` as one sentence in `locale` (see the module comment). */
export function issueSentence(issue: SchemaIssue, locale: Locale): string {
  const catalog = catalogs[locale];
  const nameOf = (segment: string): string | null =>
    (catalog as Record<string, string>)[`field.${segment}`] ?? null;
  const segments = issue.path.split('.').filter((s) => s !== '');
  let label: string | null = null;
  let at = segments.length - 1;
  for (; at >= 0; at--) {
    label = nameOf(segments[at]!);
    if (label !== null) break;
  }
  if (label === null) return formatIssue(issue, locale);
  // A domain rule's message is a sentence of its own ("Bram Jansen is already on the team"): it keeps its words.
  // Schema messages are fragments ("must be at least 0") that need the field in front.
  if (!FRAGMENT.test(issue.text[locale])) return issue.text[locale];
  // An item of a list field: "Key points 3".
  const index = segments[at + 1];
  if (index !== undefined && /^\d+$/.test(index))
    label = fill(catalog['field.item' as MessageKey], { field: label, n: Number(index) + 1 });
  // A tournament round: "Round 1: …".
  const round = segments.indexOf('rounds');
  const roundIndex = round >= 0 ? segments[round + 1] : undefined;
  const prefix =
    roundIndex !== undefined && /^\d+$/.test(roundIndex)
      ? `${fill(catalog['field.round' as MessageKey], { n: Number(roundIndex) + 1 })}: `
      : '';
  return `${prefix}${label} ${issue.text[locale]}`;
}
