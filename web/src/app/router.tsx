import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AdminSection } from './routes/admin/admin-section';
import { AgenciesRoute } from './routes/admin/agencies';
import { EditAgencyRoute } from './routes/admin/agency-edit';
import { NewAgencyRoute } from './routes/admin/agency-new';
import { EditAreaRoute } from './routes/admin/area-edit';
import { AreaProtocolRoute } from './routes/admin/area-protocol';
import { NewAreaRoute } from './routes/admin/area-new';
import { AreasRoute } from './routes/admin/areas';
import { AuditRoute } from './routes/admin/audit';
import { EditUserRoute } from './routes/admin/user-edit';
import { NewUserRoute } from './routes/admin/user-new';
import { UsersRoute } from './routes/admin/users';
import { ActionRoute } from './routes/actions/action';
import { ActionsRoute } from './routes/actions/actions';
import { ActionReviewRoute } from './routes/actions/review';
import { AuthenticatedApp } from './routes/authenticated-app';
import { CaseActionsRoute } from './routes/cases/case-actions';
import { OutboxRoute } from './routes/admin/outbox';
import { EditMeetingRoute } from './routes/meetings/edit-meeting';
import { MeetingRoute } from './routes/meetings/meeting';
import { MeetingModeRoute } from './routes/meetings/meeting-mode';
import { MeetingsRoute } from './routes/meetings/meetings';
import { MinutesRoute } from './routes/meetings/minutes';
import { NewMeetingRoute } from './routes/meetings/new-meeting';
import { NewSeriesRoute } from './routes/meetings/new-series';
import { PacketRoute } from './routes/meetings/packet';
import { ResearchRoute } from './routes/meetings/research';
import { MyReferralsRoute } from './routes/referrals/my-referrals';
import { NewReferralRoute } from './routes/referrals/new-referral';
import { ReferralDetailRoute } from './routes/referrals/referral-detail';
import { ResubmitReferralRoute } from './routes/referrals/resubmit-referral';
import { RepeatWindowsRoute } from './routes/screening/repeat-windows';
import { ScreeningQueueRoute } from './routes/screening/screening-queue';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { NotificationsRoute } from './routes/notifications';
import { RootRoute } from './routes/root';
import { RouteError } from './routes/route-error';
import { SignInRoute } from './routes/sign-in';

// Paths here must agree with config/paths.ts, which is what links use.
export const routes: RouteObject[] = [
  {
    element: <RootRoute />,
    errorElement: <RouteError />,
    children: [
      { path: 'sign-in', element: <SignInRoute /> },
      {
        element: <AuthenticatedApp />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'referrals', element: <MyReferralsRoute /> },
          { path: 'referrals/new', element: <NewReferralRoute /> },
          { path: 'referrals/:referralId', element: <ReferralDetailRoute /> },
          { path: 'referrals/:referralId/resubmit', element: <ResubmitReferralRoute /> },
          { path: 'screening', element: <ScreeningQueueRoute /> },
          { path: 'repeat-windows', element: <RepeatWindowsRoute /> },
          { path: 'meetings', element: <MeetingsRoute /> },
          { path: 'meetings/new', element: <NewMeetingRoute /> },
          { path: 'meetings/series/new', element: <NewSeriesRoute /> },
          { path: 'meetings/:meetingId', element: <MeetingRoute /> },
          { path: 'meetings/:meetingId/edit', element: <EditMeetingRoute /> },
          { path: 'meetings/:meetingId/packets/:caseId', element: <PacketRoute /> },
          { path: 'meetings/:meetingId/research/:caseId', element: <ResearchRoute /> },
          { path: 'meetings/:meetingId/minutes', element: <MinutesRoute /> },
          { path: 'meetings/:meetingId/live', element: <MeetingModeRoute /> },
          { path: 'actions', element: <ActionsRoute /> },
          { path: 'actions/review', element: <ActionReviewRoute /> },
          { path: 'actions/:actionId', element: <ActionRoute /> },
          { path: 'cases/:caseId/actions', element: <CaseActionsRoute /> },
          { path: 'notifications', element: <NotificationsRoute /> },
          {
            path: 'admin',
            element: <AdminSection />,
            children: [
              { index: true, element: <Navigate to="areas" replace /> },
              { path: 'areas', element: <AreasRoute /> },
              { path: 'areas/new', element: <NewAreaRoute /> },
              { path: 'areas/:areaId/edit', element: <EditAreaRoute /> },
              { path: 'areas/:areaId/protocol', element: <AreaProtocolRoute /> },
              { path: 'agencies', element: <AgenciesRoute /> },
              { path: 'agencies/new', element: <NewAgencyRoute /> },
              { path: 'agencies/:agencyId/edit', element: <EditAgencyRoute /> },
              { path: 'users', element: <UsersRoute /> },
              { path: 'users/new', element: <NewUserRoute /> },
              { path: 'users/:userId/edit', element: <EditUserRoute /> },
              { path: 'audit', element: <AuditRoute /> },
              { path: 'outbox', element: <OutboxRoute /> },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
