import { useEffect, useState } from 'react';
import { metadata, type Definition } from '@rt/api/client';
import { ErrorMessage } from '@rt/app/Shell';
import { Link } from '@rt/app/router';
import { isMessageKey, useT } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';
import { codeText } from '../designer/Editors';

interface QuestionContent {
  kind?: string;
  scale?: string;
  visibleWhen?: string;
  optionFilter?: string;
  autoAnswer?: unknown;
}
export interface MethodContent {
  title?: string;
  purpose?: string;
  respondents?: string[];
  areas?: Array<{ visibleWhen?: string; questions?: QuestionContent[] }>;
}
export interface AreaContent {
  title?: string;
  methods?: string[];
}

export interface CatalogueRow {
  areaId: string;
  areaTitle: string;
  methodId: string | null;
  methodTitle: string;
  purpose: string;
  respondents: string;
  questions: number;
  ratings: number;
  percent: number;
  rules: string;
}

/** Which rule features a method uses, in the words of docs/metadata-library.md (MethodCatalogueTests). */
export function rulesOf(m: MethodContent): string {
  let sections = 0;
  let questions = 0;
  let filters = 0;
  const auto: Record<string, number> = {};
  for (const a of m.areas ?? []) {
    if (a.visibleWhen) sections++;
    for (const q of a.questions ?? []) {
      if (q.visibleWhen) questions++;
      if (q.optionFilter) filters++;
      if (q.autoAnswer !== undefined) {
        const rule = JSON.stringify(q.autoAnswer);
        const source = rule.includes('subject.') ? 'subject' : rule.includes('user.') ? 'user' : 'answers';
        auto[source] = (auto[source] ?? 0) + 1;
      }
    }
  }
  const parts: string[] = [];
  if (sections + questions > 0) {
    const s = sections > 0 ? `${sections} section${sections > 1 ? 's' : ''}` : '';
    const q = questions > 0 ? `${questions} question${questions > 1 ? 's' : ''}` : '';
    parts.push(`visibleWhen ${s}${s && q ? ' + ' : ''}${q}`);
  }
  if (filters > 0) parts.push(`optionFilter ${filters}`);
  const a = Object.entries(auto).map(([k, v]) => `${k} ${v}`);
  if (a.length) parts.push(`autoAnswer ${a.join(', ')}`);
  return parts.length ? parts.join('; ') : '–';
}

/** One row per area and method (an area without a method gets one empty row), areas in id order. */
export function catalogueRows(areas: Definition<AreaContent>[], methods: Definition<MethodContent>[]): CatalogueRow[] {
  const byId = new Map(methods.map((m) => [m.id ?? '', m]));
  const rows: CatalogueRow[] = [];
  for (const area of [...areas].sort((x, y) => (x.id ?? '').localeCompare(y.id ?? ''))) {
    const base = { areaId: area.id ?? '', areaTitle: area.content.title ?? area.id ?? '' };
    const ids = (area.content.methods ?? []).filter((id) => byId.has(id));
    if (!ids.length) {
      rows.push({ ...base, methodId: null, methodTitle: '', purpose: '', respondents: '', questions: 0, ratings: 0, percent: 0, rules: '' });
    }
    for (const id of ids) {
      const m = byId.get(id)!.content;
      const qs = (m.areas ?? []).flatMap((a) => a.questions ?? []);
      rows.push({
        ...base,
        methodId: id,
        methodTitle: m.title ?? id,
        purpose: m.purpose ?? '',
        respondents: (m.respondents ?? []).join(', '),
        questions: qs.length,
        ratings: qs.filter((q) => q.kind === 'rating' && q.scale === '1-5').length,
        percent: qs.filter((q) => q.kind === 'rating' && q.scale === 'percent').length,
        rules: rulesOf(m),
      });
    }
  }
  return rows;
}

/** Read-only catalogue of areas and their methods (EV-3), the same table as docs/metadata-library.md. */
export function CataloguePage() {
  const t = useT();
  const [rows, setRows] = useState<CatalogueRow[] | null>(null);
  const [methodCount, setMethodCount] = useState(0);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    Promise.all([metadata.list<AreaContent>('areas'), metadata.list<MethodContent>('methods')]).then(([areas, methods]) => {
      setMethodCount(methods.length);
      setRows(catalogueRows(areas, methods));
    }, setError);
  }, []);
  const questions = (rows ?? []).reduce((n, r) => n + r.questions, 0);
  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <p>{t('catalogue.intro')}</p>
      <ErrorMessage error={error} />
      {rows === null ? (
        error ? null : <p>{t('app.loading')}</p>
      ) : (
        <>
          <table className="catalogue">
            <caption className="visually-hidden">{t('catalogue.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogue.area')}</th>
                <th scope="col">{t('catalogue.method')}</th>
                <th scope="col">{t('catalogue.purpose')}</th>
                <th scope="col">{t('catalogue.respondents')}</th>
                <th scope="col">{t('catalogue.questions')}</th>
                <th scope="col">{t('catalogue.ratings')}</th>
                <th scope="col">{t('catalogue.rules')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.areaId}/${r.methodId ?? ''}`} data-area={r.areaId}>
                  <td>{r.areaTitle}</td>
                  <td>
                    {r.methodId ? <Link to={`/methods/${r.methodId}`}>{r.methodTitle}</Link> : <em>{t('catalogue.noMethod')}</em>}
                  </td>
                  <td>{r.purpose ? codeText(t, 'purpose', r.purpose) : ''}</td>
                  <td>{r.respondents ? r.respondents.split(', ').map((x) => (isMessageKey(`role.${x}`) ? t(`role.${x}` as MessageKey) : x)).join(', ') : ''}</td>
                  <td>{r.methodId ? r.questions : ''}</td>
                  <td>{r.methodId ? `${r.ratings} / ${r.percent}` : ''}</td>
                  <td>{r.rules}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('catalogue.summary', { methods: methodCount, questions })}</p>
        </>
      )}
    </>
  );
}
