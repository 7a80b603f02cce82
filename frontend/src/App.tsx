// First screen: ShopService.Status() decides between a clear error (the shop
// file could not be opened), the welcome screen (an empty shop) and the app.
import { Center, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { shop, shopKeys } from './api';
import { onAutomationRun, refreshAfterRun } from './api/automations';
import { setShopTimeZone } from './lib/format';
import { Shell } from './layout/Shell';
import { OpenErrorScreen, StatusErrorScreen } from './screens/OpenErrorScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';

export function App() {
  const status = useQuery({ queryKey: shopKeys.status, queryFn: shop.status, staleTime: Infinity });
  const [skipWelcome, setSkipWelcome] = useState(false);
  const qc = useQueryClient();
  // A scheduled run changes what every screen shows (tasks, outbox, ...).
  useEffect(() => onAutomationRun(() => refreshAfterRun(qc)), [qc]);

  if (status.isPending) {
    return (
      <Center h="100vh" data-testid="app-loading">
        <Stack align="center" gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Opening your shop…
          </Text>
        </Stack>
      </Center>
    );
  }
  if (status.isError) {
    return <StatusErrorScreen error={status.error} onRetry={() => status.refetch()} />;
  }
  const st = status.data;
  setShopTimeZone(st.timeZone);
  if (st.openError) {
    return <OpenErrorScreen openError={st.openError} path={st.path} />;
  }
  if (st.empty && !skipWelcome) {
    return <WelcomeScreen path={st.path} onSkip={() => setSkipWelcome(true)} />;
  }
  return <Shell status={st} />;
}
