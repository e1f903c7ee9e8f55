import { catalogs, locale, t, type MessageKey } from '../../i18n/index.ts';

/**
 * A workspace settings key (`importMemory`) by its name in the reader's language ("remembered import
 * mappings"), for the restore preview; a key this version has no name for (a newer Haard's) is shown as it is.
 */
export const settingName = (key: string): string => {
  const k = `data.restore.setting.${key}` as MessageKey;
  return k in catalogs[locale()] ? t(k) : key;
};
