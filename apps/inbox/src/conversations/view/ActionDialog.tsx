import type { FormEvent, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** What a dialog's submit brought: a line for the agent, announced at once when `alert`. */
export interface ActionResult {
  text: string;
  alert: boolean;
}

/**
 * A conversation action's dialog: its title, its fields, what the hub answered (`message`: a
 * status line, or an alert), then cancel and submit.
 */
export function ActionDialog(props: {
  dialog: RefObject<HTMLDialogElement | null>;
  title: string;
  submitLabel: string;
  submitDisabled?: boolean;
  onSubmit: () => Promise<void>;
  message?: ActionResult | null;
  children: ReactNode;
}) {
  const { t } = useTranslation('conversations');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onSubmit();
  };
  const { message } = props;
  return (
    <dialog ref={props.dialog} className="dialog" aria-label={props.title}>
      <form onSubmit={submit}>
        <h2>{props.title}</h2>
        {props.children}
        {message ? (
          <p
            className={message.alert ? 'form-error' : undefined}
            role={message.alert ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        ) : null}
        <div className="dialog-buttons">
          <button type="button" onClick={() => props.dialog.current?.close()}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={props.submitDisabled}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
