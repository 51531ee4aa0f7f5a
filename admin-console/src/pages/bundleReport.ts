/** The bundle import's report for people, without React: counts, groups and the place of each error. */
import type { Bundle, ImportReport, KindInfo, Problem } from '@rt/api/client';
import { isMessageKey, type Translate } from '@rt/i18n';
import { problemMessage } from '../common/problems';

export type ImportItem = NonNullable<ImportReport['items']>[number];

/** What an import does with a definition, in the order the summary lists them. */
export const ACTIONS = ['created', 'published', 'draft-updated', 'unchanged'] as const;

/** The items per action (actions the server may add later go last, under their code). */
export function groups(report: ImportReport): { action: string; items: ImportItem[] }[] {
  const items = report.items ?? [];
  const known: string[] = [...ACTIONS];
  const extra = [...new Set(items.map((i) => i.action ?? '').filter((a) => !known.includes(a)))];
  return [...known, ...extra].map((action) => ({ action, items: items.filter((i) => (i.action ?? '') === action) })).filter((g) => g.items.length);
}

/** A kind's name ("Metod") from the server's kinds, else the kind itself. */
export function kindTitle(kinds: KindInfo[], kind: string | undefined): string {
  return kinds.find((k) => k.name === kind)?.title ?? kind ?? '';
}

/** The sentence above the lists: what was (or would be) imported, or that nothing was because of errors. */
export function summary(t: Translate, report: ImportReport | null, validateOnly: boolean, errors: number): string {
  if (errors) return t(validateOnly ? 'bundle.summary.checkFailed' : 'bundle.summary.failed', { n: errors });
  const count = (a: string) => (report?.items ?? []).filter((i) => i.action === a).length;
  const n = { created: count('created'), published: count('published'), drafts: count('draft-updated'), unchanged: count('unchanged') };
  return t(validateOnly ? 'bundle.summary.checked' : 'bundle.summary.imported', n);
}

/** An action's heading ("Nya versioner"), the code for one the console does not know. */
export function actionTitle(t: Translate, action: string): string {
  const key = `bundle.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** One imported definition: "Metod vuxna-missbruk, version 2 (publicerad)". */
export function itemText(t: Translate, kinds: KindInfo[], item: ImportItem): string {
  const status = item.status ? `admin.status.${item.status}` : '';
  return t('bundle.item', {
    kind: kindTitle(kinds, item.kind),
    id: item.id ?? '',
    version: item.version ?? '?',
    status: isMessageKey(status) ? t(status).toLowerCase() : (item.status ?? ''),
  });
}

/**
 * Where an error is, in words: "/definitions/3/content/areas/0/title" → "Post 4 (Metod vuxna-missbruk), fält
 * areas/0/title"; the entry's kind and id come from the bundle the user chose. Other pointers are shown as they are.
 */
export function errorPlace(t: Translate, kinds: KindInfo[], bundle: Bundle | null, pointer: string | null | undefined): string {
  const m = /^\/definitions\/(\d+)(?:\/(content|kind|id))?(\/.*)?$/.exec(pointer ?? '');
  if (!m) return pointer ? t('bundle.place.field', { field: pointer.replace(/^\//, '') }) : t('bundle.place.file');
  const index = Number(m[1]);
  const entry = bundle?.definitions?.[index];
  const content = (entry?.content ?? {}) as Record<string, unknown>;
  const kind = entry?.kind ?? (typeof content.kind === 'string' ? content.kind : undefined);
  const id = typeof content.id === 'string' ? content.id : entry?.id;
  const which = [kindTitle(kinds, kind), id].filter(Boolean).join(' ');
  const place = t('bundle.place.entry', { n: index + 1, which: which || '?' });
  const field = m[3] ? m[3].replace(/^\//, '') : m[2] && m[2] !== 'content' ? m[2] : '';
  return field ? `${place}, ${t('bundle.place.field', { field })}` : place;
}

/** An error as a sentence: its place, then its text in the UI language when the console knows the code. */
export function errorText(t: Translate, kinds: KindInfo[], bundle: Bundle | null, p: Problem): string {
  return `${errorPlace(t, kinds, bundle, p.pointer)}: ${problemMessage(t, p, 'bundle')}`;
}
