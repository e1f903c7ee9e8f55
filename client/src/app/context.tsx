/** The open workspace, available to every screen through context (no prop drilling, no globals). */
import { createContext, useContext, type Accessor, type JSX } from 'solid-js';
import type { WorkspaceDoc } from '../../../core/model/index.ts';
import type { WorkspaceSession } from './session.ts';
import type { WorkspaceDerived } from './derived.ts';
import type { Me } from './identity.ts';

export interface WorkspaceContextValue {
  session: WorkspaceSession;
  /** The valid workspace data; null while loading. */
  data: Accessor<WorkspaceDoc | null>;
  derived: WorkspaceDerived;
  readOnly: Accessor<boolean>;
  /** This person (id, name); reading it in a tracked scope follows a name typed in "Your name". */
  readonly me: Me;
  /** Sets this person's name (trimmed): saved on this device and shown to colleagues at once. */
  renameMe(name: string): void;
  /**
   * The undo the top bar's Undo / Redo act on: the workspace's, or the document the screen is about (a plan
   * page sets its plan's while it is open).
   */
  activeUndo: Accessor<UndoTarget>;
  setActiveUndo(undo: UndoTarget | null): void;
}

/** What the top bar's Undo / Redo need of a document store. */
export interface UndoTarget {
  undo(): boolean;
  redo(): boolean;
  state: { canUndo: boolean; canRedo: boolean };
}

const WorkspaceContext = createContext<WorkspaceContextValue>();

export function WorkspaceProvider(props: { value: WorkspaceContextValue; children: JSX.Element }) {
  return <WorkspaceContext.Provider value={props.value}>{props.children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceContextValue {
  const ctx = useContext(WorkspaceContext);
  if (!ctx) throw new Error('useWorkspace() outside a WorkspaceProvider');
  return ctx;
}
