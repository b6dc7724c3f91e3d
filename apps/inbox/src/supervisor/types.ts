// The gateway's supervisor views, as the contracts define them (type-only: erased at build time).
export type { KpiReportRow, LiveFiguresView, NoteView } from '@hub/contracts';
