import type { RouteObject } from 'react-router';
import { conversationsRoutes } from '../conversations/routes';
import { customersRoutes } from '../customers/routes';
import { settingsRoutes } from '../settings/routes';
import { supervisorRoutes } from '../supervisor/routes';
import { ticketsRoutes } from '../tickets/routes';
import { visitorsRoutes } from '../visitors/routes';

/** Every feature's screens, inside the signed-in layout (each feature owns its routes.tsx). */
export const featureRoutes: RouteObject[] = [
  ...conversationsRoutes,
  ...customersRoutes,
  ...visitorsRoutes,
  ...ticketsRoutes,
  ...supervisorRoutes,
  ...settingsRoutes,
];
