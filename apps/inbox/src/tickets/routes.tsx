import type { RouteObject } from 'react-router';
import { TicketsPage } from './TicketsPage';

export const ticketsRoutes: RouteObject[] = [
  { path: 'tickets', element: <TicketsPage /> },
  { path: 'tickets/:ticketId', element: <TicketsPage /> },
];
