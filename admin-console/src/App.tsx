import type { ReactElement } from 'react';
import { RequireLogin, useUser } from '@rt/app/auth';
import { match, usePath } from '@rt/app/router';
import { Shell } from '@rt/app/Shell';
import { useT } from '@rt/i18n';
import { Gate, NothingToDo, useAccess } from './access';
import { adminNav, adminRoute } from './adminRoutes';
import { Designer } from './designer/Designer';
import { BundlePage } from './pages/BundlePage';
import { CataloguePage } from './pages/CataloguePage';
import { CodelistEditor } from './pages/CodelistEditor';
import { JsonEditorPage } from './pages/JsonEditorPage';
import { MetadataPage } from './pages/MetadataPage';
import { PresetsPage } from './pages/PresetsPage';
import { VersionsPage } from './pages/VersionsPage';
import { NewProviderPage, ProviderPage } from './register/ProviderPages';
import { RegisterPage } from './register/RegisterPage';
import { NewUnitPage, UnitEditPage } from './register/UnitForm';
import { UnitPage } from './register/UnitPage';

function Routes() {
  const t = useT();
  const path = usePath();
  const p = path.split('?')[0];
  const { user } = useUser();
  const can = useAccess();
  const design = (node: ReactElement) => <Gate allowed={can.design} need="console.noAccessDesign">{node}</Gate>;
  const registerWrite = (node: ReactElement) => <Gate allowed={can.registerWrite} need="console.noAccessRegister">{node}</Gate>;
  let m: Record<string, string> | null;
  let routed: ReturnType<typeof adminRoute>;
  let title = t('admin.metadata');
  let page = <MetadataPage />;
  if (p === '/' && can.nothing) {
    title = t('console.nothingTitle');
    page = <NothingToDo />;
  } else if (p === '/' && !can.metadata) {
    title = t('register.title');
    page = <RegisterPage />;
  } else if (p === '/register') {
    title = t('register.title');
    page = <RegisterPage />;
  } else if (p === '/register/providers/new') {
    title = t('register.newProvider');
    page = registerWrite(<NewProviderPage key="new-provider" />);
  } else if ((m = match('/register/providers/:id', p))) {
    title = t('register.title');
    page = <ProviderPage key={p} id={m.id} />;
  } else if (p === '/register/units/new') {
    title = t('register.newUnit');
    page = registerWrite(<NewUnitPage key={path} />);
  } else if ((m = match('/register/units/:id/edit', p))) {
    title = t('register.edit');
    page = registerWrite(<UnitEditPage key={p} id={m.id} />);
  } else if ((m = match('/register/units/:id', p))) {
    title = t('register.title');
    page = <UnitPage key={p} id={m.id} />;
  } else if (p === '/methods/new') {
    title = t('designer.title');
    page = design(<Designer key="designer" />);
  } else if ((m = match('/:plural/:id/versions', p))) {
    title = t('admin.versions');
    page = <VersionsPage key={p} plural={m.plural} id={m.id} />;
  } else if ((m = match('/methods/:id', p))) {
    title = t('designer.title');
    page = design(<Designer key="designer" id={m.id} />);
  } else if (p === '/codelists/new') {
    title = t('codelist.title');
    page = design(<CodelistEditor key="new" />);
  } else if ((m = match('/codelists/:id', p))) {
    title = t('codelist.title');
    page = design(<CodelistEditor key={m.id} id={m.id} />);
  } else if ((m = match('/edit/:plural/:id', p))) {
    title = m.id;
    page = design(<JsonEditorPage key={p} plural={m.plural} id={m.id} />);
  } else if (p === '/bundle') {
    title = t('admin.bundle');
    page = design(<BundlePage />);
  } else if (p === '/katalog') {
    title = t('catalogue.title');
    page = <CataloguePage />;
  } else if (p === '/presets') {
    title = t('admin.presets');
    page = design(<PresetsPage />);
  } else if ((routed = adminRoute(p, t))) {
    title = routed.title;
    page = routed.page;
  } else if (p !== '/') {
    title = t('app.notFound');
    page = <h1>{t('app.notFound')}</h1>;
  }
  // Only what the user's permissions allow (the server refuses the rest anyway).
  const nav = [
    ...(can.metadata ? [{ to: '/', label: t('admin.metadata'), current: p === '/' }] : []),
    ...(can.design ? [{ to: '/methods/new', label: t('admin.newMethod'), current: p === '/methods/new' }] : []),
    ...(can.metadata ? [{ to: '/katalog', label: t('catalogue.title'), current: p === '/katalog' }] : []),
    ...(can.design ? [{ to: '/bundle', label: t('admin.bundle'), current: p === '/bundle' }] : []),
    ...(can.design ? [{ to: '/presets', label: t('admin.presets'), current: p === '/presets' }] : []),
    ...(can.register ? [{ to: '/register', label: t('admin.register'), current: p.startsWith('/register') || (p === '/' && !can.metadata) }] : []),
    ...adminNav(p, t, user),
    // The user manual is read in the runtime UI (/app/handbok); the console links the administrators' manual.
    { to: '/app/handbok/administrator', label: t('manual.title'), current: false, external: true },
  ];
  return (
    <Shell brand={t('app.admin')} title={title} nav={nav}>
      {page}
    </Shell>
  );
}

export function App() {
  const t = useT();
  return (
    <RequireLogin title={t('app.admin')}>
      <Routes />
    </RequireLogin>
  );
}
