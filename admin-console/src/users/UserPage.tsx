import { useEffect, useState, type FormEvent } from 'react';
import { ErrorMessage } from '@rt/app/Shell';
import { Link, navigate, query } from '@rt/app/router';
import { ErrorSummary } from '@rt/form/ErrorSummary';
import { isMessageKey, useI18n } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';
import { LEVELS, MODULES, users, type Municipality, type UserView } from '../api/admin';
import { useMethods } from '../common/methods';
import { useSubmit } from '../common/submit';
import { ConflictAlert, Field, FieldErrors } from '../common/fields';
import { FormProblems, problemMessage } from '../common/problems';
import {
  emptyForm,
  fullName,
  loginMethod,
  teamGroups,
  toForm,
  toggleAdministration,
  toRequest,
  userFieldId,
  userStatus,
  type LevelChoice,
  type UserForm,
} from './model';
import { HeadRow } from '../common/tables';

const LABELS: Record<string, MessageKey> = {
  'user-username': 'users.username',
  'user-firstName': 'users.firstName',
  'user-lastName': 'users.lastName',
  'user-email': 'users.email',
  'user-phone': 'users.phoneOptional',
  'user-jobRole': 'users.jobRoleOptional',
  'user-administrations': 'users.administrations',
  'user-team': 'users.teamOptional',
  'user-keycloakId': 'users.keycloakId',
  'user-methods': 'users.methodRights',
};

/** Creating (no id; sends the invitation) or editing a user, with the account's actions and history. */
export function UserPage({ id }: { id?: string }) {
  const { t, formatDate } = useI18n();
  const creating = !id;
  const [user, setUser] = useState<UserView | null>(null);
  const [form, setForm] = useState<UserForm | null>(creating ? emptyForm() : null);
  const [org, setOrg] = useState<Municipality[]>([]);
  const methods = useMethods();
  const [note, setNote] = useState<string | null>(!creating && query('skapad') ? t('users.created') : null);
  const { busy, problems, conflict, setConflict, error, setError, run: submit } = useSubmit({
    conflictCode: 'USER_CHANGED',
    toProblems: (p) => (p.code === 'USERNAME_TAKEN' ? [{ pointer: '/username', code: 'taken', detail: p.message }] : null),
  });

  const load = async () => {
    if (!id) return;
    const u = await users.get(id);
    setUser(u);
    setForm(toForm(u));
  };
  useEffect(() => {
    if (id && query('skapad')) navigate(`/anvandare/${encodeURIComponent(id)}`, true); // the note once, not on reload
    load().catch(setError);
    users.organisation().then(setOrg, setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  if (!form) return error ? <ErrorMessage error={error} /> : <p>{t('app.loading')}</p>;

  const set = (patch: Partial<UserForm>) => setForm({ ...form, ...patch });
  const formProblems = new FormProblems(problems, {
    formId: 'user-form',
    fieldOf: (pointer) => userFieldId(pointer, form.methodRights),
    text: (p) => problemMessage(t, p, 'users'),
    labelFor: (fid) => {
      if (LABELS[fid]) return t(LABELS[fid]);
      const module = MODULES.find((m) => fid === `user-permissions-${m}`);
      if (module) return t(`users.module.${module}`);
      return fid.startsWith('user-method-') ? t('users.methodRights') : undefined;
    },
  });

  const run = (action: () => Promise<void>) => {
    setNote(null);
    return submit(action);
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (creating) {
        const created = await users.create(toRequest(form, true));
        navigate(`/anvandare/${encodeURIComponent(created.id)}?skapad=1`, true);
      } else {
        const saved = await users.update(user!.id, toRequest(form, false));
        setUser(saved);
        setForm(toForm(saved));
        setNote(t('users.saved'));
      }
    });
  };

  const act = (call: () => Promise<UserView | void>, done: MessageKey) =>
    run(async () => {
      const result = await call();
      if (result) {
        setUser(result);
        setForm({ ...form, revision: result.revision });
      } else {
        await load();
      }
      setNote(t(done, { email: user?.email ?? '' }));
    });

  const groups = teamGroups(org, form.administrations);
  const adminErrors = formProblems.at('user-administrations');
  const methodErrors = formProblems.at('user-methods');
  let firstAdministration = true;
  const status = user ? userStatus(user) : null;

  return (
    <>
      <p>
        <Link to="/anvandare">{t('users.back')}</Link>
      </p>
      <h1>{creating ? t('users.newTitle') : fullName(user!)}</h1>
      {user && status ? (
        <>
          <p className="toolbar">
            <span className={`status-tag status-${status}`}>{t(`users.status.${status}`)}</span>
            <span>
              {t('users.loginMethod')}: {t(`users.login.${loginMethod(user)}`)}
            </span>
            {user.lockedUntil && status === 'locked' ? <span>{t('users.lockedUntil', { at: formatDate(user.lockedUntil) })}</span> : null}
          </p>
          <div className="form-buttons" role="group" aria-label={t('users.actions')}>
            {user.active ? (
              <button type="button" className="danger" disabled={busy} onClick={() => void act(() => users.deactivate(user.id), 'users.deactivated')}>
                {t('users.deactivate')}
              </button>
            ) : (
              <button type="button" className="secondary" disabled={busy} onClick={() => void act(() => users.reactivate(user.id), 'users.reactivated')}>
                {t('users.reactivate')}
              </button>
            )}
            {user.active && !user.keycloakId ? (
              <button type="button" className="secondary" disabled={busy} onClick={() => void act(() => users.invite(user.id), 'users.invited')}>
                {t('users.invite')}
              </button>
            ) : null}
            {status === 'locked' ? (
              <button type="button" className="secondary" disabled={busy} onClick={() => void act(() => users.unlock(user.id), 'users.unlocked')}>
                {t('users.unlock')}
              </button>
            ) : null}
          </div>
        </>
      ) : (
        <p>{t('users.inviteNote')}</p>
      )}
      <p className="ok-message" role="status">
        {note}
      </p>
      <ErrorMessage error={error} />
      <ErrorSummary items={formProblems.summary()} />
      {conflict ? (
        <ConflictAlert
          title={t('users.conflictTitle')}
          text={t('users.conflict')}
          reload={t('users.reload')}
          onReload={() => void load().then(() => setConflict(false), setError)}
        />
      ) : null}
      <form id="user-form" tabIndex={-1} onSubmit={save} noValidate>
        <fieldset className="panel">
          <legend>{t('users.person')}</legend>
          {creating ? (
            <Field id="user-username" label={t('users.username')} hint={t('users.usernameHint')} problems={formProblems}>
              {(p) => <input {...p} autoComplete="off" value={form.username} onChange={(e) => set({ username: e.target.value })} />}
            </Field>
          ) : (
            <p>
              <span className="visually-strong">{t('users.username')}:</span> {form.username}
            </p>
          )}
          <div className="field-row">
            <Field id="user-firstName" label={t('users.firstName')} problems={formProblems}>
              {(p) => <input {...p} autoComplete="off" value={form.firstName} onChange={(e) => set({ firstName: e.target.value })} />}
            </Field>
            <Field id="user-lastName" label={t('users.lastName')} problems={formProblems}>
              {(p) => <input {...p} autoComplete="off" value={form.lastName} onChange={(e) => set({ lastName: e.target.value })} />}
            </Field>
          </div>
          <div className="field-row">
            <Field id="user-email" label={t('users.email')} hint={t('users.emailHint')} problems={formProblems}>
              {(p) => <input {...p} type="email" autoComplete="off" className="wide-ish" value={form.email} onChange={(e) => set({ email: e.target.value })} />}
            </Field>
            <Field id="user-phone" label={t('users.phoneOptional')} problems={formProblems}>
              {(p) => <input {...p} type="tel" autoComplete="off" value={form.phone} onChange={(e) => set({ phone: e.target.value })} />}
            </Field>
          </div>
          <Field id="user-jobRole" label={t('users.jobRoleOptional')} hint={t('users.jobRoleHint')} problems={formProblems}>
            {(p) => <input {...p} className="wide-ish" value={form.jobRole} onChange={(e) => set({ jobRole: e.target.value })} />}
          </Field>
        </fieldset>

        <fieldset className="panel" aria-describedby={adminErrors.length ? 'user-administrations-error' : 'user-administrations-hint'}>
          <legend>{t('users.administrations')}</legend>
          <p id="user-administrations-hint" className="hint">
            {t('users.administrationsHint')}
          </p>
          <FieldErrors id="user-administrations-error" errors={adminErrors} />
          {org.map((m) => (
            <div key={m.id}>
              <p className="visually-strong">{m.name}</p>
              {m.administrations.map((a) => {
                const checkboxId = firstAdministration ? 'user-administrations' : `user-administration-${a.id}`;
                firstAdministration = false;
                return (
                  <div className="choice" key={a.id}>
                    <input
                      type="checkbox"
                      id={checkboxId}
                      checked={form.administrations.includes(a.id)}
                      aria-invalid={adminErrors.length ? true : undefined}
                      onChange={(e) => set({ administrations: toggleAdministration(form.administrations, a.id, e.target.checked) })}
                    />
                    <label htmlFor={checkboxId}>
                      {a.name}
                      {form.administrations[0] === a.id && form.administrations.length > 1 ? ` (${t('users.home')})` : ''}
                    </label>
                  </div>
                );
              })}
            </div>
          ))}
          <Field id="user-team" label={t('users.teamOptional')} problems={formProblems}>
            {(p) => (
              <select {...p} value={form.team} onChange={(e) => set({ team: e.target.value })}>
                <option value="">{t('users.noTeam')}</option>
                {form.team && !groups.some((g) => g.teams.includes(form.team)) ? <option value={form.team}>{form.team}</option> : null}
                {groups.map((g) => (
                  <optgroup key={g.administration + g.department} label={`${g.administration} – ${g.department}`}>
                    {g.teams.map((team) => (
                      <option key={team} value={team}>
                        {team}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset className="panel">
          <legend>{t('users.permissions')}</legend>
          <p className="hint">{t('users.permissionsHint')}</p>
          <div className="permission-grid">
            {MODULES.map((m) => (
              <Field key={m} id={`user-permissions-${m}`} label={t(`users.module.${m}`)} problems={formProblems}>
                {(p) => (
                  <select {...p} value={form.permissions[m]} onChange={(e) => set({ permissions: { ...form.permissions, [m]: e.target.value as LevelChoice } })}>
                    {(['NONE', ...LEVELS] as const).map((l) => (
                      <option key={l} value={l}>
                        {t(`users.level.${l}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </div>
        </fieldset>

        <fieldset className="panel" aria-describedby="user-methods-hint">
          <legend>{t('users.methodRights')}</legend>
          <p id="user-methods-hint" className="hint">
            {t('users.methodRightsHint')}
          </p>
          <FieldErrors id="user-methods-error" errors={methodErrors} />
          {form.methodRights.map((r, i) => {
            const setRow = (patch: Partial<typeof r>) => set({ methodRights: form.methodRights.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              <div className="field-row" key={i}>
                <Field id={`user-method-${i}-id`} label={t('users.method', { n: i + 1 })}>
                  {(p) => (
                    <select {...p} value={r.methodId} onChange={(e) => setRow({ methodId: e.target.value })}>
                      <option value="">{t('users.chooseMethod')}</option>
                      {r.methodId && !methods.some((m) => m.id === r.methodId) ? <option value={r.methodId}>{r.methodId}</option> : null}
                      {methods.map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.title}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field id={`user-method-${i}-level`} label={t('users.methodLevel', { n: i + 1 })} problems={formProblems}>
                  {(p) => (
                    <select {...p} value={r.level} onChange={(e) => setRow({ level: e.target.value as (typeof LEVELS)[number] })}>
                      {LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {t(`users.level.${l}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <div className="field">
                  <button type="button" className="secondary" onClick={() => set({ methodRights: form.methodRights.filter((_, j) => j !== i) })}>
                    {t('users.removeMethod', { n: i + 1 })}
                  </button>
                </div>
              </div>
            );
          })}
          <button type="button" id="user-methods" className="secondary" onClick={() => set({ methodRights: [...form.methodRights, { methodId: '', level: 'WRITE' }] })}>
            {t('users.addMethod')}
          </button>
        </fieldset>

        <fieldset className="panel">
          <legend>{t('users.signIn')}</legend>
          <Field id="user-keycloakId" label={t('users.keycloakId')} hint={t('users.keycloakIdHint')} problems={formProblems}>
            {(p) => <input {...p} className="wide-ish" autoComplete="off" value={form.keycloakId} onChange={(e) => set({ keycloakId: e.target.value })} />}
          </Field>
        </fieldset>

        <div className="form-buttons">
          <button type="submit" disabled={busy}>
            {creating ? t('users.create') : t('users.save')}
          </button>
          <button type="button" className="secondary" onClick={() => navigate('/anvandare')}>
            {t('users.cancel')}
          </button>
        </div>
      </form>

      {user?.history?.length ? (
        <>
          <h2 id="user-history">{t('users.history')}</h2>
          <table>
            <caption className="visually-hidden">{t('users.history')}</caption>
            <HeadRow columns={[t('users.historyAt'), t('users.historyBy'), t('users.historyWhat')]} />
            <tbody>
              {[...user.history].reverse().map((c, i) => (
                <tr key={i}>
                  <td>{formatDate(c.at)}</td>
                  <td>{c.by}</td>
                  <td>{historyLabel(t, c.action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}

function historyLabel(t: ReturnType<typeof useI18n>['t'], action: string): string {
  const key = `users.change.${action}`;
  return isMessageKey(key) ? t(key) : action;
}
