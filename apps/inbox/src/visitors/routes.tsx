import type { RouteObject } from 'react-router';
import { VisitorsPage } from './VisitorsPage';

export const visitorsRoutes: RouteObject[] = [{ path: 'visitors', element: <VisitorsPage /> }];
