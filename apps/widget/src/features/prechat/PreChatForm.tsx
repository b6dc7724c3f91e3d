import { useState } from 'preact/hooks';
import type { PreChatField } from '../../api/types';
import type { MessageKey } from '../../i18n/catalogues';
import type { Profile } from '../../state/persisted-state';
import { looksLikeEmail, TextField } from '../../ui/TextField';
import { useWidget } from '../../ui/widget-context';

const FIELD_TYPES = { name: 'text', email: 'email', phone: 'tel' } as const;
const AUTOCOMPLETE = { name: 'name', email: 'email', phone: 'tel' } as const;

function problemOf(field: PreChatField, value: string): MessageKey | null {
  if (field.required && value.trim() === '') return 'required';
  if (field.name === 'email' && value.trim() !== '' && !looksLikeEmail(value))
    return 'invalidEmail';
  return null;
}

/** The inbox's pre-chat questions (name, email, phone), asked once before the first message. */
export function PreChatForm({ fields }: { fields: PreChatField[] }) {
  const { store, state, t } = useWidget();
  const [values, setValues] = useState<Record<string, string>>({ ...state.profile });
  const [checked, setChecked] = useState(false);
  const problems = fields.map((field) => problemOf(field, values[field.name] ?? ''));

  const submit = (event: Event) => {
    event.preventDefault();
    setChecked(true);
    if (problems.some(Boolean)) return;
    const answers: Profile = {};
    for (const { name } of fields) {
      const value = (values[name] ?? '').trim();
      if (value !== '') answers[name] = value;
    }
    void store.submitPreChat(answers);
  };

  return (
    <form class="form" onSubmit={submit} noValidate>
      <p class="muted">{t('preChatIntro')}</p>
      {fields.map((field, index) => (
        <TextField
          key={field.name}
          label={field.name}
          type={FIELD_TYPES[field.name]}
          autoComplete={AUTOCOMPLETE[field.name]}
          required={field.required}
          value={values[field.name] ?? ''}
          error={checked ? problems[index] : null}
          onInput={(value) => setValues({ ...values, [field.name]: value })}
        />
      ))}
      <button type="submit" class="primary">
        {t('startChat')}
      </button>
    </form>
  );
}
