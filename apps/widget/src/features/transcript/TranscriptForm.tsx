import { useState } from 'preact/hooks';
import { looksLikeEmail, TextField } from '../../ui/TextField';
import { useWidget } from '../../ui/widget-context';

/** At the end of a chat: the conversation mailed to the visitor, in the widget's language. */
export function TranscriptForm() {
  const { store, state, t } = useWidget();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState(state.profile.email ?? '');
  const [checked, setChecked] = useState(false);

  if (state.transcript === 'sent')
    return (
      <p class="confirmation transcript-sent" role="status">
        {t('transcriptSent')}
      </p>
    );
  if (!open)
    return (
      <button type="button" class="secondary transcript-open" onClick={() => setOpen(true)}>
        {t('emailTranscript')}
      </button>
    );

  const problem =
    email.trim() === ''
      ? ('required' as const)
      : looksLikeEmail(email)
        ? null
        : ('invalidEmail' as const);
  const submit = (event: Event) => {
    event.preventDefault();
    setChecked(true);
    if (!problem) store.requestTranscript(email);
  };
  return (
    <form class="form transcript-mail" onSubmit={submit} noValidate>
      <p class="form-title">{t('emailTranscript')}</p>
      <TextField
        label="email"
        type="email"
        value={email}
        onInput={setEmail}
        required
        autoComplete="email"
        error={checked ? problem : null}
      />
      {(state.transcript === 'failed' || state.transcript === 'limited') && (
        <p class="field-error" role="alert">
          {t(state.transcript === 'limited' ? 'transcriptLimited' : 'transcriptFailed')}
        </p>
      )}
      <button type="submit" class="primary" disabled={state.transcript === 'sending'}>
        {t('sendTranscript')}
      </button>
    </form>
  );
}
