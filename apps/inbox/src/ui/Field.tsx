import { cloneElement, useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/**
 * The hub's messages about `name` (or a part of it, `name.x`, unless `exact`: the parts are
 * then marked beside their own fields) in a refused write.
 */
export function fieldMessages(
  error: unknown,
  name: string,
  options: { exact?: boolean } = {},
): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.fieldErrors
    .filter(({ field }) => field === name || (!options.exact && field.startsWith(`${name}.`)))
    .map((fieldError) => fieldError.message);
}

/**
 * One labelled control with its hint and, when the hub refused the value, its error beside it
 * (said in the agent's language, the hub's own words after it, marked as English).
 */
export function Field(props: {
  label: string;
  children: ReactElement<Record<string, unknown>>;
  hint?: string;
  /** The refused write, and the body field this control fills. */
  error?: unknown;
  name?: string;
}) {
  const id = useId();
  const messages = props.name ? fieldMessages(props.error, props.name) : [];
  const described = [props.hint ? `${id}-hint` : '', messages.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label>
        {props.label}
        {cloneElement(props.children, {
          'aria-invalid': messages.length > 0 || undefined,
          'aria-describedby': described || undefined,
        })}
      </label>
      {props.hint ? (
        <p id={`${id}-hint`} className="muted field-hint">
          {props.hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} messages={messages} />
    </div>
  );
}

/** The hub's refusal of one field (or a group of them, under its legend). */
export function FieldErrors(props: { messages: string[]; id?: string }) {
  const { t } = useTranslation('app');
  if (props.messages.length === 0) return null;
  return (
    <p id={props.id} className="form-error field-error">
      {t('fieldInvalid')} <span lang="en">{props.messages.join('; ')}</span>
    </p>
  );
}
