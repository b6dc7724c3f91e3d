import type { RouteObject } from 'react-router';

// Loaded when first opened: the charts stay out of the app's first load.
const supervisorPage = () =>
  import('./SupervisorPage').then((module) => ({ Component: module.SupervisorPage }));

export const supervisorRoutes: RouteObject[] = [
  { path: 'supervisor', lazy: supervisorPage },
  { path: 'supervisor/watch/:conversationId', lazy: supervisorPage },
];
