import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import type { AdminAgent } from '../settings-api';

const ROLES = ['agent', 'supervisor', 'admin'] as const;
type Role = AdminAgent['role'];

/** An agent's role, each named in the admin's language. */
export function RoleSelect(props: {
  value: Role;
  onChange: (role: Role) => void;
  hint?: string;
  error?: unknown;
}) {
  const { t } = useTranslation('settings');
  return (
    <Field label={t('agents.role')} hint={props.hint} error={props.error} name="role">
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as Role)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
