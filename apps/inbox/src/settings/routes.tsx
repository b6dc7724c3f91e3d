import type { RouteObject } from 'react-router';
import { Placeholder } from '../ui/Placeholder';

// Placeholder until the settings screens land (admin-api).
export const settingsRoutes: RouteObject[] = [
  { path: 'settings/*', element: <Placeholder titleKey="nav.settings" /> },
];
