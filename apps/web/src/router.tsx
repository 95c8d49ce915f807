import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { type Roles, useAuth, useRoles } from './auth/auth.js';
import { AppLayout } from './components/AppLayout.js';
import { ErrorAlert } from './components/ErrorAlert.js';
import { AuditPage } from './pages/admin/audit/AuditPage.js';
import { UnitsPage } from './pages/admin/units/UnitsPage.js';
import { UsersPage } from './pages/admin/users/UsersPage.js';
import { CampaignsPage } from './pages/CampaignsPage.js';
import { CampaignPage } from './pages/campaign/CampaignPage.js';
import { ReviewPage } from './pages/campaign/ReviewPage.js';
import { InvitePage } from './pages/invite/InvitePage.js';
import { LoginPage } from './pages/LoginPage.js';
import { SignupPage } from './pages/signup/SignupPage.js';
import { EventEditPage } from './pages/unit/EventEditPage.js';
import { EventFormPage } from './pages/unit/EventFormPage.js';
import { LeadingGroupPage } from './pages/unit/LeadingGroupPage.js';
import { LedgerPage } from './pages/unit/LedgerPage.js';
import { UnitCampaignPage } from './pages/unit/UnitCampaignPage.js';
import { UnitHomePage } from './pages/unit/UnitHomePage.js';
import { UnitSummaryPage } from './pages/unit/UnitSummaryPage.js';
import { UnitTasksPage } from './pages/unit/UnitTasksPage.js';
import { CampaignWizardPage } from './pages/wizard/CampaignWizardPage.js';

function RequireAuth() {
  const { signedIn, me, meLoading, meError } = useAuth();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (meLoading || (!me && !meError)) return <Spin fullscreen />;
  if (!me) return <ErrorAlert error={meError} style={{ margin: 24 }} />;
  return <Outlet />;
}

/** Routes for some roles only: others see 无权限 at once, not a form the API will refuse at the end. */
function RequireRole({ allowed }: { allowed: (roles: Roles) => boolean }) {
  const roles = useRoles();
  const { t } = useTranslation();
  if (!allowed(roles))
    return <Result status="403" title={t('error.noAccess')} subTitle={t('error.403')} data-testid="no-access" />;
  return <Outlet />;
}

function Home() {
  const roles = useRoles();
  if (roles.canReport && !roles.canOrganize) return <Navigate to="/unit" replace />;
  return <Navigate to="/campaigns" replace />;
}

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('error.pageNotFound')} />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: <SignupPage /> },
  { path: '/invite/:token', element: <InvitePage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Home /> },
          { path: 'campaigns', element: <CampaignsPage /> },
          {
            element: <RequireRole allowed={(roles) => roles.canOrganize} />,
            children: [{ path: 'campaigns/new', element: <CampaignWizardPage /> }],
          },
          { path: 'campaigns/:id', element: <CampaignPage /> },
          {
            element: <RequireRole allowed={(roles) => roles.canManageUnits} />,
            children: [{ path: 'admin/units', element: <UnitsPage /> }],
          },
          {
            element: <RequireRole allowed={(roles) => roles.canManageUsers} />,
            children: [{ path: 'admin/users', element: <UsersPage /> }],
          },
          {
            element: <RequireRole allowed={(roles) => roles.canAudit} />,
            children: [{ path: 'admin/audit', element: <AuditPage /> }],
          },
          { path: 'campaigns/:id/review/:orgId', element: <ReviewPage /> },
          { path: 'unit', element: <UnitHomePage /> },
          { path: 'unit/:id', element: <UnitCampaignPage /> },
          { path: 'unit/:id/group', element: <LeadingGroupPage /> },
          { path: 'unit/:id/tasks', element: <UnitTasksPage /> },
          { path: 'unit/:id/events/new', element: <EventFormPage /> },
          { path: 'unit/:id/events/:eventId', element: <EventEditPage /> },
          { path: 'unit/:id/ledger', element: <LedgerPage /> },
          { path: 'unit/:id/summary', element: <UnitSummaryPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
