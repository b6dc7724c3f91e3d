import { useTranslation } from 'react-i18next';
import { useCustomerTyping } from '../live/ConversationsLive';

/** The customer's draft while they type (when the workspace shares it), else "typing…". */
export function CustomerTypingPreview({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('conversations');
  const typing = useCustomerTyping(conversationId);
  if (!typing?.isTyping && !typing?.draft) return null;
  return (
    <div className="customer-draft" role="status" aria-label={t('view.customerDraft')}>
      <span className="muted">{t('view.customerTyping')}</span>
      {typing.draft ? <span className="draft-text">{typing.draft}</span> : null}
    </div>
  );
}
