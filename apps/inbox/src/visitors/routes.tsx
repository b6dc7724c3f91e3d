import type { RouteObject } from 'react-router';
import { Placeholder } from '../ui/Placeholder';

// Placeholder until the live-visitors screens land (inbox-screens).
export const visitorsRoutes: RouteObject[] = [
  { path: 'visitors/*', element: <Placeholder titleKey="nav.visitors" /> },
];
