import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useHub } from '../api/HubProvider';
import type { AgentView } from '../api/types';
import '../ui/screens.css';
import { LiveConversations } from './LiveConversations';
import { LiveFigures } from './LiveFigures';
import { TodayKpis } from './TodayKpis';
import { WatchPanel } from './WatchPanel';
import './supervisor.css';

/** Supervisors' screen: queues and agents now, today's KPIs, and any live chat to watch. */
export function SupervisorPage() {
  const { t } = useTranslation('supervisor');
  const { http } = useHub();
  const { conversationId } = useParams();
  const agents = useQuery({
    queryKey: ['agents'],
    queryFn: ({ signal }) => http.get<AgentView[]>('/agents', undefined, signal),
    staleTime: 60_000,
  });
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) =>
      http.get<{ id: string; name: string }[]>('/departments', undefined, signal),
    staleTime: 60_000,
  });
  const agentNames = useMemo(
    () => new Map((agents.data ?? []).map((agent) => [agent.id, agent.name])),
    [agents.data],
  );
  const departmentNames = useMemo(
    () => new Map((departments.data ?? []).map((department) => [department.id, department.name])),
    [departments.data],
  );
  return (
    <div className="split-screen">
      <div className="supervisor-main">
        <h1>{t('title')}</h1>
        <LiveFigures />
        <LiveConversations names={agentNames} watchingId={conversationId} />
        <section aria-labelledby="kpi-title">
          <h2 id="kpi-title">{t('kpi.title')}</h2>
          <div className="kpi-grid">
            <TodayKpis groupBy="agent" names={agentNames} />
            <TodayKpis groupBy="department" names={departmentNames} />
          </div>
        </section>
      </div>
      {conversationId && (
        <WatchPanel key={conversationId} conversationId={conversationId} names={agentNames} />
      )}
    </div>
  );
}
