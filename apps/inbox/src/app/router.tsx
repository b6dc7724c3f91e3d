import { createBrowserRouter, Navigate } from 'react-router';
import { authRoutes } from '../auth/routes';
import { RequireAgent } from '../auth/RequireAgent';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { featureRoutes } from './routes';

export function createAppRouter() {
  return createBrowserRouter([
    ...authRoutes,
    {
      element: <RequireAgent />,
      children: [
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <Navigate to="/conversations" replace /> },
            ...featureRoutes,
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
