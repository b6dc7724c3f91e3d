import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { HubProvider } from '../api/HubProvider';
import type { HubClient } from '../api/hub-client';
import { createAppRouter } from './router';

export function App({ client }: { client: HubClient }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // The socket keeps lists fresh; a refetch on focus would only repeat them.
          queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
        },
      }),
  );
  const [router] = useState(createAppRouter);
  return (
    <HubProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </HubProvider>
  );
}
