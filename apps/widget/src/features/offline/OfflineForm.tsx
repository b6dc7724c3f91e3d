import { useState } from 'preact/hooks';
import { looksLikeEmail, TextField } from '../../ui/TextField';
import { useWidget } from '../../ui/widget-context';

/** Nobody online (or outside business hours): a message that becomes a ticket, answered by email. */
export function OfflineForm() {
  const { store, state, t } = useWidget();
  const [name, setName] = useState(state.profile.name ?? '');
  const [email, setEmail] = useState(state.profile.email ?? '');
  const [message, setMessage] = useState('');
  const [checked, setChecked] = useState(false);

  if (state.offline === 'sent')
    return (
      <section class="form offline">
        <h2 class="form-title">{t('leaveMessage')}</h2>
        <p class="confirmation" role="status">
          {t('offlineThanks')}
        </p>
      </section>
    );

  const problems = {
    name: name.trim() === '' ? ('required' as const) : null,
    email:
      email.trim() === ''
        ? ('required' as const)
        : looksLikeEmail(email)
          ? null
          : ('invalidEmail' as const),
    message: message.trim() === '' ? ('required' as const) : null,
  };
  const submit = (event: Event) => {
    event.preventDefault();
    setChecked(true);
    if (problems.name || problems.email || problems.message) return;
    void store.submitOffline({ name: name.trim(), email: email.trim(), message: message.trim() });
  };

  return (
    <form class="form offline" onSubmit={submit} noValidate>
      <h2 class="form-title">{t('leaveMessage')}</h2>
      <p class="muted">{t('offlineIntro')}</p>
      <TextField
        label="name"
        value={name}
        onInput={setName}
        required
        autoComplete="name"
        error={checked ? problems.name : null}
      />
      <TextField
        label="email"
        type="email"
        value={email}
        onInput={setEmail}
        required
        autoComplete="email"
        error={checked ? problems.email : null}
      />
      <TextField
        label="message"
        value={message}
        onInput={setMessage}
        required
        multiline
        error={checked ? problems.message : null}
      />
      {state.offline === 'failed' && (
        <p class="field-error" role="alert">
          {t('offlineFailed')}
        </p>
      )}
      <button type="submit" class="primary" disabled={state.offline === 'sending'}>
        {t('sendMessage')}
      </button>
    </form>
  );
}
