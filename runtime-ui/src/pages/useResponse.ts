import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, responses, type AnswerValue, type FormState } from '../api/client';
import { fieldErrors } from '../form/values';
import { useT } from '../i18n';

/**
 * A response being filled in: every change is sent to the server at once (one request at a time) and the
 * state it returns is rendered, so alternatives, visibility and automatic answers are always the server's.
 */
export function useResponse(id: string | null) {
  const t = useT();
  const [state, setState] = useState<FormState | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef<FormState | null>(null);

  const accept = useCallback((s: FormState) => {
    latest.current = s;
    setState(s);
  }, []);

  useEffect(() => {
    if (!id) return;
    responses.get(id).then(accept, setLoadError);
  }, [id, accept]);

  const enqueue = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const change = useCallback(
    (questionId: string, value: AnswerValue) =>
      enqueue(async () => {
        const cur = latest.current;
        if (!cur?.responseId) return;
        setSaving(true);
        try {
          accept(await responses.answer(cur.responseId, { [questionId]: value }, cur.revision));
          setErrors((e) => {
            const { [questionId]: _removed, ...rest } = e;
            void _removed;
            return rest;
          });
          setSavedAt(new Date());
        } catch (e) {
          if (e instanceof ApiProblem && e.status === 400) setErrors((prev) => ({ ...prev, ...fieldErrors(e.errors, t) }));
          else if (e instanceof ApiProblem && e.status === 409) {
            accept(await responses.get(cur.responseId));
            setLoadError(new Error(t('form.conflict')));
          } else setLoadError(e);
        } finally {
          setSaving(false);
        }
      }),
    [enqueue, accept, t],
  );

  /** Waits for pending saves; returns the saved state. */
  const flush = useCallback(() => enqueue(async () => latest.current), [enqueue]);

  /** Submits; on problems shows them per field and returns null. */
  const submit = useCallback(
    () =>
      enqueue(async () => {
        const cur = latest.current;
        if (!cur?.responseId) return null;
        try {
          const s = await responses.submit(cur.responseId, undefined, cur.revision);
          accept(s);
          setErrors({});
          return s;
        } catch (e) {
          if (e instanceof ApiProblem && e.status === 400) {
            setErrors(fieldErrors(e.errors, t));
            return null;
          }
          throw e;
        }
      }),
    [enqueue, accept, t],
  );

  return { state, setState: accept, loadError, errors, saving, savedAt, change, flush, submit };
}
