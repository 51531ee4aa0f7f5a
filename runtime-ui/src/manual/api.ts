import { http, ok } from '../api/client';
import type { components } from '../api/schema';

type S = components['schemas'];
export type ManualPageSummary = S['ManualPageSummary'];
export type ManualPage = S['ManualPage'];

/** The user manual (docs/manual, served by the engine's manual module). */
export const manual = {
  pages: () => ok(http.GET('/api/manual')),
  page: (id: string) => ok(http.GET('/api/manual/pages/{id}', { params: { path: { id } } })),
  /** The PDF downloads are plain links: the browser sends the session cookie. */
  pdfUrl: (id?: string) => (id ? `/api/manual/pages/${encodeURIComponent(id)}/pdf` : '/api/manual/pdf'),
};
