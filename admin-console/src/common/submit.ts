import { useState } from 'react';
import { ApiProblem, type Problem } from '@rt/api/client';

/**
 * The state of an edit form's calls (the register's provider and unit forms, the user form, the metadata editors
 * and presets): busy while one runs; afterwards the field problems of a 400 with `errors`, whether a 409 said
 * someone else saved first (`conflictCode`: only a 409 with that code; without it a 409 is an error like any
 * other), or any other error. Each `run` clears what the last one found. `toProblems` may turn another problem
 * into field problems (a taken name, say); `setProblems` shows problems a call returned (a save's warnings).
 */
export function useSubmit(options: { conflictCode?: string; toProblems?: (p: ApiProblem) => Problem[] | null } = {}) {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const isConflict = (p: ApiProblem) => options.conflictCode !== undefined && p.status === 409 && p.code === options.conflictCode;
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblems([]);
    setConflict(false);
    setError(null);
    try {
      await action();
    } catch (err) {
      const mapped = err instanceof ApiProblem ? options.toProblems?.(err) : null;
      if (mapped?.length) setProblems(mapped);
      else if (err instanceof ApiProblem && isConflict(err)) setConflict(true);
      else if (err instanceof ApiProblem && err.status === 400 && err.errors.length) setProblems(err.errors);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, problems, setProblems, conflict, setConflict, error, setError, run };
}
