import type { RouteObject } from 'react-router';

// The customer screens (inbox-screens) add their routes here.
export const customersRoutes: RouteObject[] = [];
