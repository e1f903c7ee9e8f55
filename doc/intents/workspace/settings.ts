/** Workspace settings (DOMAIN.md §1, §2, §5, §6): name, language, currency, classification, cadence, acquisition cost. */
import type { Locale } from '../../../core/model/common.ts';
import { Locale as LocaleSchema } from '../../../core/model/common.ts';
import type { SchemaIssue } from '../../../core/model/issues.ts';
import {
  WorkspaceSettings,
  type CadenceSettings,
  type ClassificationSettings,
} from '../../../core/model/workspace.ts';
import { clonePlain, deepEqual, toJson } from '../../json.ts';
import { fail, issue, type Result } from '../../result.ts';
import { commit, validate, type IntentContext } from '../common.ts';
import {} from './specs.ts';

export interface SettingsPatch {
  currency?: string;
  classification?: ClassificationSettings;
  cadence?: CadenceSettings;
  acquisitionCost?: number | null;
}

/** Rules of DOMAIN.md §2 that the core schema does not express: pA + pC ≤ 1 and tC ≤ tA. */
export function classificationIssues(c: ClassificationSettings): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (c.pA + c.pC > 1) {
    issues.push(
      issue(
        'settings.classification.pC',
        'custom',
        'pA + pC must be at most 1',
        'pA + pC mag hoogstens 1 zijn',
      ),
    );
  }
  if (c.tC > c.tA) {
    issues.push(
      issue('settings.classification.tC', 'custom', 'must not be above tA', 'mag niet boven tA liggen'),
    );
  }
  return issues;
}

export function settingsIntents(ctx: IntentContext) {
  const { doc } = ctx;
  const settings = doc.getMap('settings');
  /**
   * Settings fields are independent: validate the fields being written (and the classification rules),
   * not the whole settings object, so a field that is transiently absent while a peer's update is still
   * arriving does not block an unrelated change.
   */
  const writeSettings = (intent: string, input: Record<string, unknown>): Result<undefined> => {
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const shape = WorkspaceSettings.shape as Record<string, Parameters<typeof validate>[0]>;
    for (const [k, v] of Object.entries(patch)) {
      const schema = shape[k];
      if (!schema)
        return fail([issue(`settings.${k}`, 'unrecognized_keys', 'is not a setting', 'is geen instelling')]);
      const parsed = validate(schema, v, `settings.${k}`);
      if (!parsed.ok) return parsed;
    }
    if (patch.classification) {
      const extra = classificationIssues(patch.classification as ClassificationSettings);
      if (extra.length) return fail(extra);
    }
    return commit(ctx, intent, () => {
      for (const [k, v] of Object.entries(patch)) {
        if (!deepEqual(toJson(settings.get(k)), v)) settings.set(k, clonePlain(v));
      }
      return undefined;
    });
  };

  return {
    rename: (name: string) => writeSettings('rename', { name }),
    setLocale: (locale: Locale) => {
      const parsed = validate(LocaleSchema, locale, 'settings.locale');
      return parsed.ok ? writeSettings('setLocale', { locale }) : parsed;
    },
    updateSettings: (patch: SettingsPatch) =>
      writeSettings('updateSettings', {
        currency: patch.currency,
        classification: patch.classification,
        cadence: patch.cadence,
        acquisitionCost: patch.acquisitionCost,
      }),
  };
}
