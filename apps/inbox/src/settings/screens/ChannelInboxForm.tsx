import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import type { AdminInbox } from '../settings-api';
import {
  CHANNEL_FIELDS,
  channelDraftOf,
  channelSettingsOf,
  settingsFieldName,
  type ChannelInboxDraft,
  type FormChannel,
} from './channel-inbox-fields';
import { ChannelInboxConnect } from './ChannelInboxConnect';
import { InboxFormFrame, useInboxForm } from './InboxFormFrame';

/**
 * A social or API inbox, new or (given `inbox`) existing: the channel's account ids and its
 * credentials, typed into password fields that say only whether each is set. An existing inbox
 * also shows how to connect the platform (its webhook URL, Telegram's registration, the API
 * secret's rotation).
 */
export function ChannelInboxForm(props: {
  channel: FormChannel;
  inbox?: AdminInbox;
  onDone?: () => void;
  /** A new inbox was stored: the screen shows it to connect the platform. */
  onCreated?: (inbox: AdminInbox) => void;
}) {
  const { channel, inbox } = props;
  const { t } = useTranslation('settings');
  const fields = CHANNEL_FIELDS[channel];
  const { draft, setDraft, save, frame } = useInboxForm<ChannelInboxDraft>({
    channel,
    inbox,
    initial: () => channelDraftOf(channel, inbox),
    // Typed secrets never stay in the page once stored.
    emptied: (saved) => (inbox ? { ...saved, secrets: {} } : channelDraftOf(channel)),
    bodyOf: (saved) => ({ name: saved.name, settings: channelSettingsOf(channel, saved) }),
    onSaved: (stored) => (inbox ? props.onDone?.() : props.onCreated?.(stored)),
  });
  const channelName = t(`channels.${channel}`);

  return (
    <>
      <InboxFormFrame
        {...frame}
        newTitle={t('inboxes.addChannel', { channel: channelName })}
        newSubmit={t('inboxes.submitChannel', { channel: channelName })}
        newId={`new-${channel}-inbox`}
        onDone={props.onDone}
      >
        {fields.plain.map((field) => (
          <Field
            key={field.key}
            label={t(`inboxes.fields.${field.key}`)}
            error={save.error}
            name={settingsFieldName(field.path)}
          >
            <input
              type={field.type}
              required={field.required}
              value={draft.plain[field.key]}
              onChange={(e) =>
                setDraft({ ...draft, plain: { ...draft.plain, [field.key]: e.target.value } })
              }
            />
          </Field>
        ))}
        {fields.secrets.map((name) => (
          <Field
            key={name}
            label={t(`inboxes.secrets.${name}`)}
            hint={t(inbox?.secretsSet.includes(name) ? 'inboxes.secretSet' : 'inboxes.secretNew')}
            error={save.error}
            name={settingsFieldName([name])}
          >
            <input
              type="password"
              autoComplete="new-password"
              value={draft.secrets[name] ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, secrets: { ...draft.secrets, [name]: e.target.value } })
              }
            />
          </Field>
        ))}
      </InboxFormFrame>
      {inbox ? <ChannelInboxConnect channel={channel} inbox={inbox} /> : null}
    </>
  );
}
