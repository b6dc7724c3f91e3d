import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useHub } from '../api/HubProvider';
import { dateTimeText, durationText } from '../ui/time-text';
import type { VisitorTrailView, VisitorView } from './types';

const MAX_INVITATION = 1_000;

/** One visitor: invite them with a message, and the pages they opened with time on each. */
export function VisitorDetail({ visitor, onClose }: { visitor: VisitorView; onClose: () => void }) {
  const { t } = useTranslation('visitors');
  const { http } = useHub();
  const trail = useQuery({
    queryKey: ['visitors', visitor.visitorId, 'trail', visitor.pagesViewed],
    queryFn: ({ signal }) =>
      http.get<VisitorTrailView>(`/visitors/${visitor.visitorId}/trail`, undefined, signal),
  });
  return (
    <aside className="visitor-detail" aria-labelledby="visitor-detail-title">
      <header className="detail-header">
        <h2 id="visitor-detail-title">{visitor.currentTitle || visitor.currentUrl}</h2>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      <dl className="facts">
        <dt>{t('column.source')}</dt>
        <dd>
          {t(`source.${visitor.source}`)}
          {visitor.referrer && <span className="muted"> · {visitor.referrer}</span>}
        </dd>
        <dt>{t('browser')}</dt>
        <dd>{[visitor.browser, visitor.device].filter(Boolean).join(' · ') || t('unknown')}</dd>
        <dt>{t('earlierChats')}</dt>
        <dd>{visitor.conversationCount}</dd>
      </dl>
      {!visitor.chatting && <InviteForm visitorId={visitor.visitorId} />}
      <h3>{t('trail')}</h3>
      {trail.isPending && <p className="muted">{t('loading')}</p>}
      {trail.data && (
        <ol className="trail" aria-label={t('trail')}>
          {trail.data.pages.map((page) => (
            <li key={`${page.visitId}-${page.viewedAt}`}>
              <div>{page.title || page.url}</div>
              <div className="muted small">{page.url}</div>
              <div className="small">
                {dateTimeText(page.viewedAt)} ·{' '}
                {page.durationMs === null ? t('stillHere') : durationText(page.durationMs)}
              </div>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

function InviteForm({ visitorId }: { visitorId: string }) {
  const { t } = useTranslation('visitors');
  const { http } = useHub();
  const [message, setMessage] = useState(() => t('inviteDefault'));
  const invite = useMutation({
    mutationFn: () =>
      http.request(`/visitors/${visitorId}/invitations`, {
        method: 'POST',
        body: { message: message.trim() },
      }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  const errorCode = invite.error instanceof ApiError ? invite.error.code : null;
  return (
    <form className="stack-form" onSubmit={submit}>
      <label>
        {t('inviteMessage')}
        <textarea
          value={message}
          maxLength={MAX_INVITATION}
          rows={3}
          onChange={(event) => setMessage(event.target.value)}
          required
        />
      </label>
      <button type="submit" className="primary" disabled={invite.isPending || !message.trim()}>
        {t('invite')}
      </button>
      <p role="status" className={errorCode ? 'form-error' : 'muted'}>
        {invite.isSuccess && t('invited')}
        {errorCode && t(`inviteError.${errorCode}`, { defaultValue: t('inviteError.other') })}
      </p>
    </form>
  );
}
