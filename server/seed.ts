/**
 * Seeding a new workspace document, exactly once, where it is created: on the server, before any
 * client connects (first start, POST /api/workspaces). Uses the same document layer as the browser.
 */
import * as Y from 'yjs';
import { createWorkspaceDoc } from '../doc/seed.ts';

export function seedWorkspaceUpdate(input: { id: string; name: string; locale: 'nl' | 'en' }): Uint8Array {
  const doc = new Y.Doc({ gc: false }); // history design §1: no Haard document is garbage-collected
  try {
    const seeded = createWorkspaceDoc(doc, { ...input, now: new Date().toISOString() });
    if (!seeded.ok)
      throw new Error(`could not create the workspace: ${seeded.issues.map((i) => i.message).join('; ')}`);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
