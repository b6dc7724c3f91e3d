import { Avatar } from '../../ui/Avatar';
import { useWidget } from '../../ui/widget-context';

/** An agent's invitation, above the launcher: accept opens the chat, "No thanks" is remembered. */
export function InvitationDialog() {
  const { store, state, t } = useWidget();
  const { invitation } = state;
  if (!invitation) return null;
  return (
    <div class="invitation" role="dialog" aria-label={t('invitation')}>
      <div class="invitation-head">
        {invitation.agent && <Avatar agent={invitation.agent} size={32} />}
        <strong>{invitation.agent?.name ?? t('title')}</strong>
      </div>
      <p class="text">{invitation.message}</p>
      <div class="invitation-actions">
        <button type="button" class="secondary" onClick={() => store.answerInvitation(false)}>
          {t('noThanks')}
        </button>
        <button type="button" class="primary" onClick={() => store.answerInvitation(true)}>
          {t('startChat')}
        </button>
      </div>
    </div>
  );
}
