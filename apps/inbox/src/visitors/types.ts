// The gateway's live-visitor views, as the contracts define them (erased at build time).
export type { TrailPageView, VisitorTrailView, VisitorView } from '@hub/contracts';
