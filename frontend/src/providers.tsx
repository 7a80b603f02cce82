import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { resolveColors, theme } from './theme';

// Light/dark is remembered across starts in localStorage.
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'shopclerk-color-scheme' });

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The database is local: calls are fast, and a desktop window regains
        // focus often, so don't refetch on focus; retry only "temporary" errors.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        retry: (count, err) => count < 2 && (err as { code?: string }).code === 'temporary',
      },
    },
  });
}

export function Providers({ children, client }: { children: ReactNode; client: QueryClient }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={resolveColors} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
