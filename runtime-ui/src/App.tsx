import { RequireLogin, useUser } from './app/auth';
import { abilities } from './app/permissions';
import { match, usePath } from './app/router';
import { Shell } from './app/Shell';
import { caseNav, caseRoute } from './cases/routes';
import { manualNav, manualRoute } from './manual/ManualPages';
import { useT } from './i18n';
import { DialogPage } from './pages/DialogPage';
import { FillPage } from './pages/FillPage';
import { MatchingPage } from './pages/MatchingPage';
import { PortalInquiriesPage, PortalInquiryPage } from './pages/PortalPage';
import { ReceiptPage } from './pages/ReceiptPage';
import { StartPage } from './pages/StartPage';
import { TasksPage } from './pages/TasksPage';

function Routes() {
  const t = useT();
  const path = usePath();
  const { user } = useUser();
  const can = abilities(user);
  const clean = path.split('?')[0];
  if (user.providerId) return <PortalRoutes path={path} />;
  let m: Record<string, string> | null;
  let title = t('tasks.title');
  let page = <TasksPage />;
  const cases = can.cases ? caseRoute(path, t) : null;
  const handbook = manualRoute(path, t);
  // Pages the user's permissions do not allow are not offered: the start page says what they can do instead.
  if (cases) {
    ({ title, page } = cases);
  } else if (handbook) {
    ({ title, page } = handbook);
  } else if (!can.answer && (clean === '/' || clean.startsWith('/responses/'))) {
    title = t('start.title');
    page = <StartPage />;
  } else if (!can.match && clean === '/matchning') {
    title = t('start.title');
    page = <StartPage />;
  } else if ((m = match('/responses/:id/receipt', path))) {
    title = t('receipt.title');
    page = <ReceiptPage key={m.id} id={m.id} />;
  } else if ((m = match('/responses/:id/dialog', path))) {
    title = t('dialog.title');
    page = <DialogPage key={m.id} id={m.id} />;
  } else if ((m = match('/responses/:id', path))) {
    title = t('form.summary');
    page = <FillPage key={m.id} id={m.id} />;
  } else if (path.split('?')[0] === '/matchning') {
    title = t('matching.title');
    page = <MatchingPage />;
  } else if (path.split('?')[0] !== '/') {
    title = t('app.notFound');
    page = <h1>{t('app.notFound')}</h1>;
  }
  return (
    <Shell brand={t('app.runtime')} title={title} nav={[
        { to: '/', label: can.answer ? t('tasks.title') : t('start.title'), current: clean === '/' },
        ...(can.match ? [{ to: '/matchning', label: t('matching.title'), current: clean === '/matchning' }] : []),
        ...(can.cases ? caseNav(path, t) : []),
        manualNav(path, t),
      ]}>
      {page}
    </Shell>
  );
}

/** Provider users see only the portal: "Förfrågningar". */
function PortalRoutes({ path }: { path: string }) {
  const t = useT();
  let m: Record<string, string> | null;
  let title = t('portal.title');
  let page = <PortalInquiriesPage />;
  const handbook = manualRoute(path, t);
  if ((m = match('/portal/forfragningar/:id', path))) {
    page = <PortalInquiryPage key={m.id} id={m.id} />;
  } else if (handbook) {
    ({ title, page } = handbook);
  } else if (!['/', '/portal/forfragningar'].includes(path.split('?')[0])) {
    title = t('app.notFound');
    page = <h1>{t('app.notFound')}</h1>;
  }
  return (
    <Shell brand={t('app.name')} title={title} nav={[
        { to: '/portal/forfragningar', label: t('portal.title'), current: path.split('?')[0] === '/portal/forfragningar' },
        manualNav(path, t),
      ]}>
      {page}
    </Shell>
  );
}

export function App() {
  const t = useT();
  return (
    <RequireLogin title={t('app.runtime')}>
      <Routes />
    </RequireLogin>
  );
}
