import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { type Roles, useAuth, useRoles } from './auth/auth.js';
import { AppLayout } from './components/AppLayout.js';
import { ErrorAlert } from './components/ErrorAlert.js';
import { LoginPage } from './pages/LoginPage.js';

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

// Every page but the log-in is its own chunk, loaded when its route is opened (`lazy`): the log-in page
// loads no chart library and no admin page (prefetch.ts keeps a unit's daily pages on its phone).
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', lazy: () => import('./pages/signup/SignupPage.js').then((m) => ({ Component: m.SignupPage })) },
  {
    path: '/invite/:token',
    lazy: () => import('./pages/invite/InvitePage.js').then((m) => ({ Component: m.InvitePage })),
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Home /> },
          {
            path: 'campaigns',
            lazy: () => import('./pages/CampaignsPage.js').then((m) => ({ Component: m.CampaignsPage })),
          },
          {
            element: <RequireRole allowed={(roles) => roles.canOrganize} />,
            children: [
              {
                path: 'campaigns/new',
                lazy: () =>
                  import('./pages/wizard/CampaignWizardPage.js').then((m) => ({ Component: m.CampaignWizardPage })),
              },
            ],
          },
          {
            path: 'campaigns/:id',
            lazy: () => import('./pages/campaign/CampaignPage.js').then((m) => ({ Component: m.CampaignPage })),
          },
          {
            element: <RequireRole allowed={(roles) => roles.canManageUnits} />,
            children: [
              {
                path: 'admin/units',
                lazy: () => import('./pages/admin/units/UnitsPage.js').then((m) => ({ Component: m.UnitsPage })),
              },
            ],
          },
          {
            element: <RequireRole allowed={(roles) => roles.canManageUsers} />,
            children: [
              {
                path: 'admin/users',
                lazy: () => import('./pages/admin/users/UsersPage.js').then((m) => ({ Component: m.UsersPage })),
              },
            ],
          },
          {
            element: <RequireRole allowed={(roles) => roles.canAudit} />,
            children: [
              {
                path: 'admin/audit',
                lazy: () => import('./pages/admin/audit/AuditPage.js').then((m) => ({ Component: m.AuditPage })),
              },
            ],
          },
          {
            path: 'campaigns/:id/review/:orgId',
            lazy: () => import('./pages/campaign/ReviewPage.js').then((m) => ({ Component: m.ReviewPage })),
          },
          {
            path: 'unit',
            lazy: () => import('./pages/unit/UnitHomePage.js').then((m) => ({ Component: m.UnitHomePage })),
          },
          {
            path: 'unit/:id',
            lazy: () => import('./pages/unit/UnitCampaignPage.js').then((m) => ({ Component: m.UnitCampaignPage })),
          },
          {
            path: 'unit/:id/group',
            lazy: () => import('./pages/unit/LeadingGroupPage.js').then((m) => ({ Component: m.LeadingGroupPage })),
          },
          {
            path: 'unit/:id/tasks',
            lazy: () => import('./pages/unit/UnitTasksPage.js').then((m) => ({ Component: m.UnitTasksPage })),
          },
          {
            path: 'unit/:id/events/new',
            lazy: () => import('./pages/unit/EventFormPage.js').then((m) => ({ Component: m.EventFormPage })),
          },
          {
            path: 'unit/:id/events/:eventId',
            lazy: () => import('./pages/unit/EventEditPage.js').then((m) => ({ Component: m.EventEditPage })),
          },
          {
            path: 'unit/:id/ledger',
            lazy: () => import('./pages/unit/LedgerPage.js').then((m) => ({ Component: m.LedgerPage })),
          },
          {
            path: 'unit/:id/summary',
            lazy: () => import('./pages/unit/UnitSummaryPage.js').then((m) => ({ Component: m.UnitSummaryPage })),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
