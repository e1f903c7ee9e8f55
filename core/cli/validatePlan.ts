/**
 * The pure core of `haard validate-plan [FILE] --today YYYY-MM-DD`: no I/O. The wrapper (server/cli.ts)
 * reads the file or standard input, reports JSON syntax errors, prints `output` and exits with `exitCode`.
 *
 * Input — Haard's JSON export of one plan with the workspace context it needs:
 *
 * ```json
 * {
 *   "plan": { "schemaVersion": 1, "id": "p1", "goals": { … }, "actions": { … }, … },
 *   "professionals": [ { "id": "u1", "name": "Anna", "email": "", "profile": "relationshipManager", "seniority": "senior" } ],
 *   "contacts": [ { "id": "c1", "relationId": "r1", "name": "Bram", "title": "CFO", "dmuRole": "decider", … } ],
 *   "settings": { "acquisitionCost": 25000 }
 * }
 * ```
 *
 * - `plan` (required): an AccountPlanDoc.
 * - `professionals` (required, may be empty): the workspace's team, as a list or as an object keyed by
 *   id (the workspace document's own shape). Action owners are checked against it.
 * - `contacts` (required, may be empty): contacts as a list or keyed by id; only those of the plan's
 *   relations count for `dmu.noDecider`.
 * - `settings` (optional): the workspace settings, or part of them; unknown fields are kept. Validation
 *   does not use them today; `acquisitionCost`, when given, must be a number ≥ 0 or null.
 * - Any other top-level field is ignored.
 *
 * Exit codes (as `haard classify`): **2** with one line naming the field when `--today` is not a date or
 * the input does not fit this shape (the first problem, and how many more there are); **1** when the plan
 * has at least one finding of severity `error`; **0** otherwise. Never throws.
 */
import * as z from 'zod/mini';
import { isIsoDate } from '../dates.ts';
import { findingMessage } from '../messages/findings.ts';
import {
  AccountPlanDoc,
  Contact,
  Id,
  Money,
  Professional,
  type Locale,
  type SchemaIssue,
} from '../model/index.ts';
import { parseWith } from '../model/issues.ts';
import { planCompleteness, validatePlan, type Severity } from '../plan/index.ts';
import type { RuleId } from '../plan/rules.ts';

export interface ValidatePlanOptions {
  /** `YYYY-MM-DD`. */
  today: string;
  lang: Locale;
}

export interface ValidatePlanOutput {
  findings: { id: RuleId; severity: Severity; path: string; message: string }[];
  completeness: number;
}

export interface ValidatePlanResult {
  exitCode: 0 | 1 | 2;
  output?: ValidatePlanOutput;
  /** One line, in the chosen language, when `exitCode` is 2. */
  error?: string;
}

const listOrRecord = <T extends z.ZodMiniType>(item: T) => ({
  list: z.array(item),
  record: z.record(Id, item),
});
const PROFESSIONALS = listOrRecord(Professional);
const CONTACTS = listOrRecord(Contact);
const SettingsInput = z.looseObject({ acquisitionCost: z.optional(z.nullable(Money)) });

const TEXT = {
  en: {
    badToday: (v: string) => `--today must be a date as YYYY-MM-DD, got ${JSON.stringify(v)}`,
    notObject: 'the input must be a JSON object with "plan", "professionals" and "contacts"',
    more: (n: number) => ` (and ${n} more ${n === 1 ? 'problem' : 'problems'})`,
    duplicate: (path: string, id: string) => `${path}.id ${JSON.stringify(id)} is used more than once`,
    unexpected: (why: string) => `could not validate the plan: ${why}`,
  },
  nl: {
    badToday: (v: string) => `--today moet een datum als JJJJ-MM-DD zijn, niet ${JSON.stringify(v)}`,
    notObject: 'de invoer moet een JSON-object zijn met "plan", "professionals" en "contacts"',
    more: (n: number) => ` (en nog ${n} ${n === 1 ? 'probleem' : 'problemen'})`,
    duplicate: (path: string, id: string) => `${path}.id ${JSON.stringify(id)} komt meer dan één keer voor`,
    unexpected: (why: string) => `kon het plan niet controleren: ${why}`,
  },
} as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function runValidatePlan(input: unknown, opts: ValidatePlanOptions): ValidatePlanResult {
  const lang: Locale = opts?.lang === 'nl' ? 'nl' : 'en';
  const t = TEXT[lang];
  const fail = (error: string): ValidatePlanResult => ({ exitCode: 2, error });
  try {
    const today = opts?.today;
    if (!isIsoDate(today)) return fail(t.badToday(String(today)));
    if (!isObject(input)) return fail(t.notObject);

    const Envelope = z.looseObject({
      plan: AccountPlanDoc,
      professionals: Array.isArray(input.professionals) ? PROFESSIONALS.list : PROFESSIONALS.record,
      contacts: Array.isArray(input.contacts) ? CONTACTS.list : CONTACTS.record,
      settings: z.optional(SettingsInput),
    });
    const parsed = parseWith(Envelope, input);
    if (!parsed.ok) return fail(oneLine(parsed.issues, lang));
    const { plan, professionals, contacts } = parsed.value;

    const duplicate = firstDuplicate('professionals', professionals) ?? firstDuplicate('contacts', contacts);
    if (duplicate) return fail(t.duplicate(duplicate.path, duplicate.id));

    const findings = validatePlan(plan, { professionals, contacts, today });
    return {
      exitCode: findings.some((f) => f.severity === 'error') ? 1 : 0,
      output: {
        findings: findings.map((f) => ({
          id: f.id,
          severity: f.severity,
          path: f.path,
          message: findingMessage(f, lang),
        })),
        completeness: planCompleteness(findings),
      },
    };
  } catch (err) {
    // Not reached by any input we know of; still one line, never a stack trace.
    const why = err instanceof Error ? err.message : String(err);
    return fail(t.unexpected(why.split('\n')[0] ?? ''));
  }
}

function oneLine(issues: readonly SchemaIssue[], lang: Locale): string {
  const [first] = issues;
  if (!first) return TEXT[lang].notObject;
  const line = `${first.path || 'input'} ${first.text[lang]}`;
  return issues.length > 1 ? line + TEXT[lang].more(issues.length - 1) : line;
}

/** In the list form, two entries with the same id are ambiguous (the record form cannot have them). */
function firstDuplicate(
  name: string,
  items: readonly { id: string }[] | Readonly<Record<string, { id: string }>>,
): { path: string; id: string } | null {
  if (!Array.isArray(items)) return null;
  const seen = new Set<string>();
  for (const [i, item] of (items as readonly { id: string }[]).entries()) {
    if (seen.has(item.id)) return { path: `${name}.${i}`, id: item.id };
    seen.add(item.id);
  }
  return null;
}
