import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what a bar chart needs, so the bundle carries no other chart type.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;

export interface KpiSeries {
  label: string;
  values: number[];
  color: string;
}

/** Bars per agent or department; the table beside it carries the same figures as text. */
export function KpiChart(props: { title: string; labels: string[]; series: KpiSeries[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: props.labels,
        datasets: props.series.map((series) => ({
          label: series.label,
          data: series.values,
          backgroundColor: series.color,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [props.labels, props.series]);
  return (
    <div className="kpi-chart">
      <canvas ref={canvas} role="img" aria-label={props.title} />
    </div>
  );
}
