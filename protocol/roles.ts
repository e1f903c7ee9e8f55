/** What an invite lets its holder do: `editor` reads and writes, `viewer` only reads (writes are dropped). */
export const ROLES = ['editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => value === 'editor' || value === 'viewer';
