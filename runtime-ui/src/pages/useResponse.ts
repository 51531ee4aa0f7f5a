import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, auth, responses, type AnswerValue, type Answers, type FormState } from '../api/client';
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

  /**
   * Answers not yet accepted by the server (a save failed: session ended, network, server error). They stay
   * shown on the page and are sent again with the next change, on {@link retry} and before saving or submitting.
   */
  const unsaved = useRef<Answers>({});
  const [saveError, setSaveError] = useState<unknown>(null);

  /** Sends every unsaved answer in one request; throws what the server answered when that failed. */
  const send = useCallback(async () => {
    const cur = latest.current;
    const changes = { ...unsaved.current };
    if (!cur?.responseId || !Object.keys(changes).length) return cur;
    setSaving(true);
    try {
      accept(await responses.answer(cur.responseId, changes, cur.revision));
      for (const k of Object.keys(changes)) if (unsaved.current[k] === changes[k]) delete unsaved.current[k];
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in changes))));
      setSaveError(null);
      setSavedAt(new Date());
      return latest.current;
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 400) {
        // Nothing was stored; the field shows why, the text typed stays in the field.
        for (const k of Object.keys(changes)) delete unsaved.current[k];
        setErrors((prev) => ({ ...prev, ...fieldErrors(e.errors, t) }));
        setSaveError(null);
        return latest.current;
      }
      if (e instanceof ApiProblem && e.status === 409) {
        unsaved.current = {};
        accept(await responses.get(cur.responseId));
        setLoadError(new Error(t('form.conflict')));
        return latest.current;
      }
      // Signed out elsewhere, the server may answer 401 or (no valid CSRF token) 403: ask who is signed in.
      if (e instanceof ApiProblem && (e.status === 401 || e.status === 403) && !(await auth.me().catch(() => null))) {
        const signedOut = new ApiProblem(401, 'SIGNED_OUT', e.message);
        setSaveError(signedOut);
        throw signedOut;
      }
      setSaveError(e);
      throw e;
    } finally {
      setSaving(false);
    }
  }, [accept, t]);

  const change = useCallback(
    (questionId: string, value: AnswerValue) => {
      unsaved.current[questionId] = value;
      // Shown at once, so a failed save does not take the user's choice off the page.
      const cur = latest.current;
      if (cur) accept(withValue(cur, questionId, value));
      return enqueue(() => send().catch(() => undefined));
    },
    [enqueue, send, accept],
  );

  /** Sends the unsaved answers again (after signing in anew, or when the network is back). */
  const retry = useCallback(() => enqueue(send), [enqueue, send]);

  /** Waits for pending saves and sends what is still unsaved; returns the saved state, throws when saving failed. */
  const flush = useCallback(() => enqueue(send), [enqueue, send]);

  /** Submits; on problems shows them per field and returns null. */
  const submit = useCallback(
    () =>
      enqueue(async () => {
        const cur = latest.current;
        if (!cur?.responseId) return null;
        const changes = Object.keys(unsaved.current).length ? { ...unsaved.current } : undefined;
        try {
          const s = await responses.submit(cur.responseId, changes, cur.revision);
          unsaved.current = {};
          setSaveError(null);
          accept(s);
          setErrors({});
          return s;
        } catch (e) {
          if (e instanceof ApiProblem && e.status === 400) {
            setErrors(fieldErrors(e.errors, t));
            return null;
          }
          setSaveError(e);
          throw e;
        }
      }),
    [enqueue, accept, t],
  );

  return { state, setState: accept, loadError, errors, saving, savedAt, saveError, change, flush, retry, submit };
}

/** The state with one answer changed locally (the server's next state replaces it). */
function withValue(s: FormState, questionId: string, value: AnswerValue): FormState {
  return {
    ...s,
    areas: (s.areas ?? []).map((a) => ({
      ...a,
      questions: (a.questions ?? []).map((q) => (q.id === questionId ? { ...q, value: value ?? undefined } : q)),
    })),
  };
}
