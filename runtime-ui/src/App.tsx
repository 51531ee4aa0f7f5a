import { RequireLogin } from './app/auth';
import { match, usePath } from './app/router';
import { Shell } from './app/Shell';
import { useT } from './i18n';
import { useUser } from './app/auth';
import { DialogPage } from './pages/DialogPage';
import { FillPage } from './pages/FillPage';
import { MatchingPage } from './pages/MatchingPage';
import { PortalInquiriesPage, PortalInquiryPage } from './pages/PortalPage';
import { ReceiptPage } from './pages/ReceiptPage';
import { TasksPage } from './pages/TasksPage';

function Routes() {
  const t = useT();
  const path = usePath();
  const { user } = useUser();
  if (user.providerId) return <PortalRoutes path={path} />;
  let m: Record<string, string> | null;
  let title = t('tasks.title');
  let page = <TasksPage />;
  if ((m = match('/responses/:id/receipt', path))) {
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
        { to: '/', label: t('tasks.title'), current: path.split('?')[0] === '/' },
        { to: '/matchning', label: t('matching.title'), current: path.split('?')[0] === '/matchning' },
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
  if ((m = match('/portal/forfragningar/:id', path))) {
    page = <PortalInquiryPage key={m.id} id={m.id} />;
  } else if (!['/', '/portal/forfragningar'].includes(path.split('?')[0])) {
    title = t('app.notFound');
    page = <h1>{t('app.notFound')}</h1>;
  }
  return (
    <Shell brand={t('app.name')} title={title} nav={[
        { to: '/portal/forfragningar', label: t('portal.title'), current: path.split('?')[0] === '/portal/forfragningar' },
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
