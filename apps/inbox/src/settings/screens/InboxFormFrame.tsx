import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { FormFooter } from '../components/FormFooter';
import { useAdminWrite, type AdminInbox } from '../settings-api';

/** What every inbox form sends: the inbox's name and its channel's settings body. */
export interface InboxBody {
  name: string;
  settings: Record<string, unknown>;
}

/**
 * An inbox form's draft and its saving: creates an inbox of `channel`, or (given `inbox`)
 * changes that one. Once saved the draft becomes `emptied()` (a new inbox's form starts over)
 * and `onSaved` gets the inbox as the hub stored it. `frame` is what InboxFormFrame takes of it.
 */
export function useInboxForm<D extends { name: string }>(options: {
  channel: string;
  inbox: AdminInbox | undefined;
  initial: () => D;
  emptied: (draft: D) => D;
  bodyOf: (draft: D) => InboxBody;
  onSaved?: (stored: AdminInbox) => void;
}) {
  const { channel, inbox } = options;
  const save = useAdminWrite<D, AdminInbox>(
    (draft) => {
      const body = options.bodyOf(draft);
      return inbox
        ? { path: `/inboxes/${inbox.id}`, method: 'PATCH', body }
        : { path: '/inboxes', method: 'POST', body: { channel, ...body } };
    },
    ['/inboxes'],
  );
  const [draft, setDraft] = useState<D>(options.initial);
  const frame = {
    inbox,
    name: draft.name,
    onName: (name: string) => setDraft({ ...draft, name }),
    save,
    onSubmit: () =>
      save.mutate(draft, {
        onSuccess: (stored) => {
          setDraft(options.emptied(draft));
          options.onSaved?.(stored);
        },
      }),
  };
  return { draft, setDraft, save, frame };
}

/**
 * The frame every inbox form shares: its title (new, or editing `inbox`), the inbox's name, the
 * channel's own fields (children), then submit, cancel while editing and the hub's refusal.
 */
export function InboxFormFrame(props: {
  inbox?: AdminInbox;
  /** Used for a new inbox: the title and the submit button. */
  newTitle: string;
  newSubmit: string;
  /** The element id the title gets (the form is named by it). */
  newId: string;
  name: string;
  onName: (name: string) => void;
  save: { isPending: boolean; error: unknown };
  onSubmit: () => void;
  onDone?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('settings');
  const { inbox } = props;
  const titleId = inbox ? `edit-inbox-${inbox.id}` : props.newId;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby={titleId}>
      <h3 id={titleId}>{inbox ? t('inboxes.editing', { name: inbox.name }) : props.newTitle}</h3>
      <Field label={t('inboxes.name')} error={props.save.error} name="name">
        <input required value={props.name} onChange={(e) => props.onName(e.target.value)} />
      </Field>
      {props.children}
      <FormFooter
        submit={inbox ? t('save') : props.newSubmit}
        pending={props.save.isPending}
        error={props.save.error}
        onCancel={props.onDone}
      />
    </form>
  );
}
