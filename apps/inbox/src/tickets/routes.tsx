import type { RouteObject } from 'react-router';
import { Placeholder } from '../ui/Placeholder';

// Placeholder until the ticket screens land (inbox-screens).
export const ticketsRoutes: RouteObject[] = [
  { path: 'tickets/*', element: <Placeholder titleKey="nav.tickets" /> },
];
