/**
 * The workspace's screens. Each is loaded on first use (code splitting keeps the first load small).
 */
import { Navigate, Route } from '@solidjs/router';
import { lazy } from 'solid-js';

const RelationsView = lazy(() => import('./relations/RelationsView.tsx'));
const RelationPage = lazy(() => import('./relations/RelationPage.tsx'));
const PlansView = lazy(() => import('./plans/PlansView.tsx'));
const PlanPage = lazy(() => import('./plans/PlanPage.tsx'));
const FireView = lazy(() => import('./fire/FireView.tsx'));
const TeamView = lazy(() => import('./team/TeamView.tsx'));
const AbcView = lazy(() => import('./abc/AbcView.tsx'));
const DataView = lazy(() => import('./data/DataView.tsx'));
const SettingsView = lazy(() => import('./settings/SettingsView.tsx'));
const TournamentsView = lazy(() => import('./tournament/TournamentsView.tsx'));
const TournamentPage = lazy(() => import('./tournament/TournamentPage.tsx'));
const MeetingsView = lazy(() => import('./meeting/MeetingsView.tsx'));
const MeetingPage = lazy(() => import('./meeting/MeetingPage.tsx'));
const PresentPage = lazy(() => import('./plans/present/PresentPage.tsx'));

export function WorkspaceRoutes() {
  return (
    <>
      <Route path="/" component={() => <Navigate href="/relations" />} />
      <Route path="/relations" component={RelationsView} />
      <Route path="/relations/:id" component={RelationPage} />
      <Route path="/plans" component={PlansView} />
      <Route path="/plans/:id" component={PlanPage} />
      <Route path="/meetings" component={MeetingsView} />
      <Route path="/meetings/:id" component={MeetingPage} />
      <Route path="/fire" component={FireView} />
      <Route path="/tournament" component={TournamentsView} />
      <Route path="/tournament/:id" component={TournamentPage} />
      <Route path="/team" component={TeamView} />
      <Route path="/abc/:tab?" component={AbcView} />
      <Route path="/data" component={DataView} />
      <Route path="/settings" component={SettingsView} />
      <Route path="/plans/:id/present/:step?" component={PresentPage} />
      <Route path="*" component={() => <Navigate href="/relations" />} />
    </>
  );
}
