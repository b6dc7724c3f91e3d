import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useHub } from '../api/HubProvider';
import { durationText } from '../ui/time-text';
import { KpiChart } from './KpiChart';
import type { KpiReportRow } from './types';

/** Today as YYYY-MM-DD in this browser's zone, and tomorrow: the report's [from, to). */
function today(): { from: string; to: string } {
  const day = (offset: number) => {
    const at = new Date();
    at.setDate(at.getDate() + offset);
    return new Intl.DateTimeFormat('en-CA').format(at);
  };
  return { from: day(0), to: day(1) };
}

/** Today's KPIs per agent or per department, as bars and as a table. */
export function TodayKpis(props: { groupBy: 'agent' | 'department'; names: Map<string, string> }) {
  const { t } = useTranslation('supervisor');
  const { http } = useHub();
  const period = today();
  const rows = useQuery({
    queryKey: ['reports', 'kpis', props.groupBy, period.from],
    queryFn: ({ signal }) =>
      http.get<KpiReportRow[]>(
        '/reports/kpis',
        { ...period, interval: 'day', groupBy: props.groupBy },
        signal,
      ),
    refetchInterval: 60_000,
  });
  const { names } = props;
  const nameOf = useMemo(
    () => (key: string | null) => (key === null ? t('none') : (names.get(key) ?? key.slice(0, 8))),
    [names, t],
  );
  const chart = useMemo(() => {
    const data = rows.data ?? [];
    return {
      labels: data.map((row) => nameOf(row.key)),
      series: [
        { label: t('kpi.handled'), values: data.map((row) => row.handled), color: '#2456d6' },
        { label: t('kpi.missed'), values: data.map((row) => row.missed), color: '#d99a00' },
      ],
    };
  }, [rows.data, nameOf, t]);
  const title = t(props.groupBy === 'agent' ? 'kpi.byAgent' : 'kpi.byDepartment');
  const minutes = (seconds: number | null) =>
    seconds === null ? '—' : durationText(seconds * 1000);

  return (
    <section aria-label={title} className="kpi-section">
      <h3>{title}</h3>
      {rows.isError && <p className="form-error">{t('loadFailed')}</p>}
      {rows.data?.length === 0 && <p className="muted">{t('kpi.empty')}</p>}
      {rows.data && rows.data.length > 0 && (
        <>
          <KpiChart title={title} labels={chart.labels} series={chart.series} />
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t(props.groupBy === 'agent' ? 'agent' : 'queue')}</th>
                <th scope="col">{t('kpi.conversations')}</th>
                <th scope="col">{t('kpi.handled')}</th>
                <th scope="col">{t('kpi.firstResponse')}</th>
                <th scope="col">{t('kpi.resolution')}</th>
                <th scope="col">{t('kpi.csat')}</th>
                <th scope="col">{t('kpi.sla')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((row) => (
                <tr key={row.key ?? 'none'}>
                  <th scope="row">{nameOf(row.key)}</th>
                  <td>{row.conversations}</td>
                  <td>{row.handled}</td>
                  <td>{minutes(row.firstResponseMedian)}</td>
                  <td>{minutes(row.resolutionMedian)}</td>
                  <td>{row.csatAverage === null ? '—' : row.csatAverage.toFixed(1)}</td>
                  <td>
                    {row.slaAttainment === null ? '—' : `${Math.round(row.slaAttainment * 100)} %`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
