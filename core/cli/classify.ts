/**
 * The pure core of `haard classify`: JSON in (already parsed), JSON out, an exit code — no I/O.
 *
 * Exit codes:
 * - 0: classified; the criteria set is valid.
 * - 1: the input fits the schema but the criteria set breaks a §2 rule (fewer than 3, a category without
 *   criterion, duplicate names): the same output, with every computed class null.
 * - 2: the input does not fit the schema; `error` is one line naming the field and, where there is one,
 *   the relation or criterion by index and id: `relations[2] (id "r3").scores.rev: must be at most 4`.
 *
 * Never throws: anything unexpected becomes exit 2 with an `internal error` line.
 */
import * as z from 'zod/mini';
import { classify } from '../abc/classify.ts';
import { criteriaIssueMessage } from '../abc/criteria.ts';
import { pareto } from '../abc/pareto.ts';
import {
  ClassificationSettings,
  CriterionCategory,
  DEFAULT_CLASSIFICATION,
  Id,
  Label,
  Money,
  Override,
  RelationKind,
  Score,
  Text,
  Weight,
  toSchemaIssues,
} from '../model/index.ts';
import type { AbcClass, ClassificationSettings as Settings, Locale } from '../model/index.ts';

const settingsShape = ClassificationSettings.shape;

/** Unknown settings keys are refused: a typo (`pa`) would otherwise silently fall back to a default. */
const CliSettings = z.strictObject({
  mode: z.optional(settingsShape.mode),
  pA: z.optional(settingsShape.pA),
  pC: z.optional(settingsShape.pC),
  tA: z.optional(settingsShape.tA),
  tC: z.optional(settingsShape.tC),
  kinds: z.optional(settingsShape.kinds),
});

/** Other fields (levels, order, …) are allowed and ignored, so a workspace export can be fed in. */
const CliCriterion = z.object({
  id: Id,
  name: Label,
  category: CriterionCategory,
  weight: z.optional(Weight),
  description: z.optional(Text),
});

const CliRelation = z.object({
  id: Id,
  name: Label,
  kind: z.optional(RelationKind),
  revenue: z.optional(z.nullable(Money)),
  /** Per criterion id: 1–4, or null / absent when not scored yet. */
  scores: z.record(z.string(), Score),
  override: z.optional(z.nullable(Override)),
});

/** pA + pC may exceed 1 by this much (0.7 + 0.3 is 0.9999999999999999 in floating point, others may round up). */
const SHARE_SLACK = 1e-9;

export const ClassifyCliInputSchema = z
  .object({
    settings: z.optional(CliSettings),
    criteria: z.array(CliCriterion),
    relations: z.array(CliRelation),
  })
  .check(
    z.superRefine((input, ctx) => {
      // The message in both languages rides along as params.text (core/model/issues.ts reads it).
      const issue = (path: PropertyKey[], en: string, nl: string) =>
        ctx.issues.push({ code: 'custom', path, message: en, input, params: { text: { en, nl } } });
      const s = withDefaults(input.settings);
      if (s.pA + s.pC > 1 + SHARE_SLACK)
        issue(
          ['settings'],
          `pA + pC must be at most 1 (pA = ${s.pA}, pC = ${s.pC})`,
          `pA + pC mag hoogstens 1 zijn (pA = ${s.pA}, pC = ${s.pC})`,
        );
      if (s.tC > s.tA)
        issue(
          ['settings'],
          `tC must not be greater than tA (tA = ${s.tA}, tC = ${s.tC})`,
          `tC mag niet groter zijn dan tA (tA = ${s.tA}, tC = ${s.tC})`,
        );

      const criterionAt = new Map<string, number>();
      input.criteria.forEach((c, j) => {
        const first = criterionAt.get(c.id);
        if (first === undefined) criterionAt.set(c.id, j);
        else
          issue(
            ['criteria', j, 'id'],
            `duplicate criterion id ${q(c.id)} (also criteria[${first}])`,
            `criterium-id ${q(c.id)} komt dubbel voor (ook criteria[${first}])`,
          );
      });
      const relationAt = new Map<string, number>();
      input.relations.forEach((r, i) => {
        const first = relationAt.get(r.id);
        if (first === undefined) relationAt.set(r.id, i);
        else
          issue(
            ['relations', i, 'id'],
            `duplicate relation id ${q(r.id)} (also relations[${first}])`,
            `relatie-id ${q(r.id)} komt dubbel voor (ook relations[${first}])`,
          );
        for (const key of Object.keys(r.scores))
          if (!criterionAt.has(key))
            issue(['relations', i, 'scores'], `unknown criterion ${q(key)}`, `onbekend criterium ${q(key)}`);
      });
    }),
  );

/** The input as JSON: what `haard classify` reads. */
export type ClassifyCliInput = z.input<typeof ClassifyCliInputSchema>;

export interface ClassifyOutputRelation {
  id: string;
  /** Unrounded weighted mean; null when incomplete. */
  total: number | null;
  /** 0–100, rounded to 2 decimals; null when incomplete. */
  score100: number | null;
  computedClass: AbcClass | null;
  /** The override's class when there is one, else `computedClass`. */
  class: AbcClass | null;
  missing: string[];
}

export interface ClassifyOutput {
  criteriaIssues: { id: string; message: string }[];
  relations: ClassifyOutputRelation[];
  counts: { A: number; B: number; C: number; incomplete: number };
  pareto: { top20Share: number | null; shareFor80: number | null };
}

export interface ClassifyRun {
  exitCode: 0 | 1 | 2;
  output?: ClassifyOutput;
  error?: string;
}

/**
 * Classifies `input` (parsed JSON). `opts.lang` (default English) is the language of every message: the
 * `criteriaIssues` sentences and the exit-2 line; ids, field paths and JSON keys stay as the input has them.
 */
export function runClassify(input: unknown, opts?: { lang?: Locale }): ClassifyRun {
  const lang: Locale = opts?.lang === 'nl' ? 'nl' : 'en';
  try {
    const parsed = ClassifyCliInputSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) return { exitCode: 2, error: describeFailure(parsed.error.issues, input, lang) };
    const output = classifyParsed(parsed.data, lang);
    return { exitCode: output.criteriaIssues.length === 0 ? 0 : 1, output };
  } catch (e) {
    const what = lang === 'nl' ? 'interne fout' : 'internal error';
    return { exitCode: 2, error: oneLine(`${what}: ${e instanceof Error ? e.message : String(e)}`) };
  }
}

function classifyParsed(input: z.infer<typeof ClassifyCliInputSchema>, lang: Locale): ClassifyOutput {
  const settings = withDefaults(input.settings);
  const criteria = input.criteria.map((c) => ({ ...c, weight: c.weight ?? 1 }));
  const relations = input.relations.map((r) => ({
    id: r.id,
    kind: r.kind ?? 'client',
    override: r.override ?? null,
    revenue: r.revenue ?? null,
  }));
  const scores = Object.fromEntries(input.relations.map((r) => [r.id, r.scores]));
  const result = classify({ criteria, relations, scores, settings });
  const p = pareto(relations, settings.kinds);
  return {
    criteriaIssues: result.criteriaIssues.map((issue) => ({
      id: issue.id,
      message: criteriaIssueMessage(issue, lang),
    })),
    relations: result.relations.map((r) => ({
      id: r.id,
      total: r.total,
      score100: r.score100 === null ? null : round2(r.score100),
      computedClass: r.computedClass,
      class: r.class,
      missing: r.missing,
    })),
    counts: result.counts,
    pareto: { top20Share: p.top20Share, shareFor80: p.shareFor80 },
  };
}

function withDefaults(settings: z.infer<typeof CliSettings> | undefined): Settings {
  const d = DEFAULT_CLASSIFICATION;
  return {
    mode: settings?.mode ?? d.mode,
    pA: settings?.pA ?? d.pA,
    pC: settings?.pC ?? d.pC,
    tA: settings?.tA ?? d.tA,
    tC: settings?.tC ?? d.tC,
    kinds: settings?.kinds ?? [...d.kinds],
  };
}

/** Half-up to 2 decimals, after dropping floating-point noise (12.345 is stored as 12.34499…). */
const round2 = (x: number): number => Math.round(Number((x * 100).toPrecision(12))) / 100;

const q = (s: string) => JSON.stringify(s);

type RawIssue = z.core.$ZodIssue;

function describeFailure(issues: readonly RawIssue[], input: unknown, lang: Locale): string {
  const first = issues[0];
  if (first === undefined) return lang === 'nl' ? 'input is ongeldig' : 'input is invalid';
  const n = issues.length - 1;
  const more =
    n === 0
      ? ''
      : lang === 'nl'
        ? ` (en nog ${n} ${n === 1 ? 'probleem' : 'problemen'})`
        : ` (and ${n} more problem${n > 1 ? 's' : ''})`;
  return oneLine(`${describePath(first.path, input)}: ${describeIssue(first, lang)}${more}`);
}

/** The model's sentence, made more specific where its generic one misleads on this input. */
function describeIssue(issue: RawIssue, lang: Locale): string {
  const nl = lang === 'nl';
  if (issue.code === 'invalid_type' && typeof issue.input === 'number') {
    if (!Number.isFinite(issue.input)) return nl ? 'moet een eindig getal zijn' : 'must be a finite number';
    if (issue.expected === 'int') return nl ? 'moet een geheel getal zijn' : 'must be a whole number';
  }
  if (issue.code === 'invalid_type' && issue.expected === 'record' && issue.input !== undefined)
    return nl ? 'moet een object zijn' : 'must be an object';
  return toSchemaIssues([issue])[0]?.text[lang] ?? (nl ? 'is ongeldig' : 'is invalid');
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** `relations[2] (id "r3").scores.rev` — the index, the record's id when it has one, then the field. */
function describePath(path: readonly PropertyKey[], input: unknown): string {
  if (path.length === 0) return 'input';
  let out = '';
  let node: unknown = input;
  path.forEach((seg, k) => {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && IDENT.test(seg)) out += k === 0 ? seg : `.${seg}`;
    else out += `[${q(String(seg))}]`;
    node =
      node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[seg] : undefined;
    const list = path[0];
    if (k === 1 && typeof seg === 'number' && (list === 'relations' || list === 'criteria')) {
      const id = node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      if (typeof id === 'string') out += ` (id ${q(id)})`;
    }
  });
  return out;
}

/** Ids and keys are quoted with JSON escapes already; this guards the rest (an exception's message). */
const oneLine = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, ' ');
