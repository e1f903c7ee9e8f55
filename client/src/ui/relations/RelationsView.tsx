import { useWorkspace } from '../../app/context.tsx';
import { QuickRelations } from './QuickRelations.tsx';

export default function RelationsView() {
  const ws = useWorkspace();
  return <QuickRelations data={ws.data()!} store={ws.session.store} readOnly={ws.readOnly()} />;
}
