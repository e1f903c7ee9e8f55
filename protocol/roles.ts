/** What an invite lets its holder do: `editor` reads and writes, `viewer` only reads (writes are dropped). */
export const ROLES = ['editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => value === 'editor' || value === 'viewer';

/**
 * The longest label ("for whom") an invite made in the app may carry, in characters (code points): the API
 * refuses a longer one (POST /api/invites), the Workspaces menu's field stops there.
 */
export const INVITE_LABEL_MAX = 80;
