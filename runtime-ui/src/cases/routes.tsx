import type { JSX } from 'react';
import type { NavItem } from '../app/Shell';
import { match } from '../app/router';
import type { Translate } from '../i18n';
import { CaseListPage } from './CaseListPage';
import { CasePage } from './CasePage';
import { DecisionsPage } from './DecisionsPage';
import { NewCasePage } from './NewCasePage';
import './cases.css';

/** The case pages' routes: /arenden, /arenden/nytt, /arenden/:id, /beslut. */
export function caseRoute(path: string, t: Translate): { title: string; page: JSX.Element } | null {
  const clean = path.split('?')[0];
  if (clean === '/arenden') return { title: t('cases.title'), page: <CaseListPage /> };
  if (clean === '/arenden/nytt') return { title: t('newCase.title'), page: <NewCasePage /> };
  if (clean === '/beslut') return { title: t('decisions.title'), page: <DecisionsPage /> };
  const m = match('/arenden/:id', path);
  if (m) return { title: t('case.title'), page: <CasePage key={m.id} id={m.id} /> };
  return null;
}

/** The case pages in the main navigation. */
export function caseNav(path: string, t: Translate): NavItem[] {
  const clean = path.split('?')[0];
  return [
    { to: '/arenden', label: t('cases.title'), current: clean === '/arenden' || clean.startsWith('/arenden/') },
    { to: '/beslut', label: t('decisions.title'), current: clean === '/beslut' },
  ];
}
