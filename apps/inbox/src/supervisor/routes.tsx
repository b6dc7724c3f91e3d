import type { RouteObject } from 'react-router';
import { Placeholder } from '../ui/Placeholder';

// Placeholder until the supervisor screens land (inbox-screens).
export const supervisorRoutes: RouteObject[] = [
  { path: 'supervisor/*', element: <Placeholder titleKey="nav.supervisor" /> },
];
