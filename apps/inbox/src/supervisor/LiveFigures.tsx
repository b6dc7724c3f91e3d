import { useTranslation } from 'react-i18next';
import { durationText } from '../ui/time-text';
import { useLiveFigures } from './useLiveFigures';

/** Every queue with its waiting count and longest wait; every agent's presence and load. */
export function LiveFigures() {
  const { t } = useTranslation('supervisor');
  const live = useLiveFigures();
  if (live.isPending) return <p className="page-status">{t('loading')}</p>;
  if (live.isError) return <p className="form-error">{t('loadFailed')}</p>;
  const wait = (seconds: number | null) =>
    seconds === null ? t('nobodyWaiting') : durationText(seconds * 1000);
  return (
    <div className="supervisor-live">
      <section aria-labelledby="queues-title">
        <h2 id="queues-title">{t('queues')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('queue')}</th>
              <th scope="col">{t('waiting')}</th>
              <th scope="col">{t('longestWait')}</th>
            </tr>
          </thead>
          <tbody>
            {live.data.queues.map((queue) => (
              <tr key={queue.departmentId ?? 'workspace'}>
                <th scope="row">
                  {queue.name ?? t('workspaceQueue')}
                  {queue.vipOnly && <span className="badge">{t('vipOnly')}</span>}
                </th>
                <td>
                  {queue.waiting}
                  {queue.vipWaiting > 0 && (
                    <span className="muted small">
                      {' '}
                      ({t('vipWaiting', { count: queue.vipWaiting })})
                    </span>
                  )}
                </td>
                <td>{wait(queue.longestWaitSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="agents-title">
        <h2 id="agents-title">
          {t('agents')}{' '}
          <span className="muted small">{t('online', { count: live.data.agentsOnline })}</span>
        </h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('agent')}</th>
              <th scope="col">{t('presence')}</th>
              <th scope="col">{t('load')}</th>
            </tr>
          </thead>
          <tbody>
            {live.data.agents.map((agent) => (
              <tr key={agent.agentId}>
                <th scope="row">{agent.name}</th>
                <td>
                  <span className={`presence presence-${agent.presence}`}>
                    <span className="presence-dot" aria-hidden="true" />
                    {t(`presenceState.${agent.presence}`)}
                  </span>
                </td>
                <td>
                  <meter
                    min={0}
                    max={Math.max(1, agent.maxConcurrentChats)}
                    value={agent.activeChats}
                    aria-label={t('loadOf', { name: agent.name })}
                  />{' '}
                  {agent.activeChats} / {agent.maxConcurrentChats}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
