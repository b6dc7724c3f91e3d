import type { RouteObject } from 'react-router';
import { CustomerPage } from './CustomerPage';

export const customersRoutes: RouteObject[] = [
  { path: 'customers/:customerId', element: <CustomerPage /> },
];
