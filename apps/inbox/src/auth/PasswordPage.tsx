import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureCode } from '../api/api-error';
import { useHub } from '../api/HubProvider';
import { Field } from '../ui/Field';

/** Change one's own password (`PUT /api/v1/agents/me/password`). */
export function PasswordPage() {
  const { t } = useTranslation('auth');
  const { http } = useHub();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    try {
      await http.request('/agents/me/password', {
        method: 'PUT',
        body: { currentPassword, newPassword },
      });
      setCurrent('');
      setNew('');
      setResult({ ok: true, text: t('changePassword.changed') });
    } catch (failure) {
      const code = failureCode(failure);
      setResult({ ok: false, text: t('changePassword.failed', { code }) });
    }
  };

  return (
    <main className="sign-in">
      <form
        className="sign-in-card"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="password-title"
      >
        <h1 id="password-title">{t('changePassword.title')}</h1>
        <Field label={t('changePassword.current')}>
          <input
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrent(event.target.value)}
            required
          />
        </Field>
        <Field label={t('changePassword.new')}>
          <input
            type="password"
            autoComplete="new-password"
            minLength={10}
            value={newPassword}
            onChange={(event) => setNew(event.target.value)}
            required
          />
        </Field>
        {result ? (
          <p className={result.ok ? '' : 'form-error'} role={result.ok ? 'status' : 'alert'}>
            {result.text}
          </p>
        ) : null}
        <button type="submit" className="primary">
          {t('changePassword.submit')}
        </button>
      </form>
    </main>
  );
}
