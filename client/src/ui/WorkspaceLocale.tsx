/**
 * A colleague who opens an invite sees the workspace's language until they choose their own (issue 11 §6):
 * while this person has made no choice on this device, the app follows `settings.locale` of the open
 * workspace — once the workspace has been named, so that its language is the firm's choice and not the
 * server's default for the first workspace. Renders nothing; mounted once by the app shell (WorkspaceScreen).
 */
import { createEffect } from 'solid-js';
import { useWorkspace } from '../app/context.tsx';
import { adoptWorkspaceLocale } from '../i18n/index.ts';
import { unnamedWorkspace } from './FirstStart.tsx';

export function WorkspaceLocale() {
  const ws = useWorkspace();
  createEffect(() => {
    const settings = ws.data()?.settings;
    // The server's first workspace has a default language until the firm names it (FirstStart.tsx).
    if (settings && !unnamedWorkspace(settings.name)) adoptWorkspaceLocale(settings.locale);
  });
  return null;
}
