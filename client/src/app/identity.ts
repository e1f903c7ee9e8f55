/**
 * Who this browser's user is, kept in our own data (localStorage), never in Yjs client ids, which
 * change every session. Shown to others through awareness.
 */
import { newId } from '../../../doc/ids.ts';

export interface Me {
  id: string;
  name: string;
  color: string;
}

const KEY = 'haard.me';
const COLORS = ['#b4441c', '#1c6bb4', '#2f8f4e', '#8a3fb0', '#c2891b', '#1f8a8a', '#b4306c', '#5a6b1c'];

export function loadMe(): Me {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Me> | null;
    if (stored?.id && stored.name && stored.color) return stored as Me;
  } catch {
    // fall through: a fresh identity
  }
  const id = newId();
  const me: Me = { id, name: '', color: COLORS[id.charCodeAt(0) % COLORS.length]! };
  localStorage.setItem(KEY, JSON.stringify(me));
  return me;
}

export function saveMe(me: Me): void {
  localStorage.setItem(KEY, JSON.stringify(me));
}
