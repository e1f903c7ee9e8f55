/** Texts of the team screens. */
export const en = {} as const;

export const nl: Record<keyof typeof en, string> = {};
