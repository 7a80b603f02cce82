import {
  Alert,
  Button,
  Card,
  Center,
  Code,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconBuildingStore, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { canStartDemo, normalizeError, startDemo, useJob, type DemoSize } from '../api';
import { resetTableState } from '../components/DataTable';
import { Logo } from '../components/Logo';

const SIZES: { value: DemoSize; label: string }[] = [
  { value: 's', label: 'Small · 1k orders' },
  { value: 'm', label: 'Medium · 100k' },
  { value: 'l', label: 'Large · 1M' },
];

/** An empty shop: offer the demo shop or an import. */
export function WelcomeScreen({ path, onSkip }: { path: string; onSkip: () => void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [size, setSize] = useState<DemoSize>('s');
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const job = useJob(jobId);
  const demoAvailable = canStartDemo();

  useEffect(() => {
    if (job.done && !job.error) {
      // The shop has data now: every cached answer and remembered table position is stale.
      resetTableState();
      client.invalidateQueries();
    }
  }, [job.done, job.error, client]);

  const start = async () => {
    setStartError(null);
    try {
      setJobId(await startDemo(size));
    } catch (e) {
      setStartError(normalizeError(e).message);
    }
  };

  const jobError = job.error?.message ?? startError;

  return (
    <Center mih="100vh" p="xl" data-testid="welcome">
      <Stack maw={760} w="100%" gap="lg">
        <Group gap="sm">
          <Logo size={36} />
          <div>
            <Title order={2}>Welcome to Shopclerk</Title>
            <Text c="dimmed" size="sm">
              Your shop is empty. Start with a demo shop to look around, or bring in your own orders, customers and stock.
            </Text>
          </div>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm" h="100%">
              <ThemeIcon size={40} radius="md" variant="light">
                <IconBuildingStore size={22} />
              </ThemeIcon>
              <Title order={4}>Try the demo shop</Title>
              <Text size="sm" c="dimmed">
                A made-up shop with customers, orders, stock, abandoned carts and shipments, so every screen has
                something to show. You can import your own data later.
              </Text>
              <SegmentedControl
                size="xs"
                value={size}
                onChange={(v) => setSize(v as DemoSize)}
                data={SIZES}
                disabled={!demoAvailable || job.running}
                data-testid="welcome-demo-size"
              />
              {job.running && (
                <Stack gap={4} data-testid="welcome-demo-progress">
                  <Progress value={(job.fraction ?? 0) * 100} animated={job.fraction === null} striped={job.fraction === null} aria-label="Making the demo shop" />
                  <Group justify="space-between">
                    <Text size="xs" c="dimmed">
                      {job.progress?.message || 'Creating the demo shop…'}
                    </Text>
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => job.cancel()} data-testid="welcome-demo-cancel">
                      Cancel
                    </Button>
                  </Group>
                </Stack>
              )}
              {jobError && (
                <Alert color="red" variant="light" p="xs">
                  <Text size="xs">{jobError}</Text>
                </Alert>
              )}
              <Button
                mt="auto"
                onClick={start}
                loading={job.running}
                disabled={!demoAvailable}
                data-testid="welcome-demo"
              >
                Try the demo shop
              </Button>
              {!demoAvailable && (
                <Text size="xs" c="dimmed" data-testid="welcome-demo-hint">
                  This build creates the demo shop from the command line: <Code>shopclerk demo --size s</Code>, then
                  start Shopclerk again.
                </Text>
              )}
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm" h="100%">
              <ThemeIcon size={40} radius="md" variant="light" color="teal">
                <IconFileSpreadsheet size={22} />
              </ThemeIcon>
              <Title order={4}>Import my data</Title>
              <Text size="sm" c="dimmed">
                Bring in orders, customers, products and stock from CSV or Excel exports (Shopify, WooCommerce or your
                own spreadsheet). Importing the same file twice changes nothing.
              </Text>
              <Button
                mt="auto"
                variant="light"
                color="teal"
                onClick={() => {
                  onSkip();
                  navigate('/import');
                }}
                data-testid="welcome-import"
              >
                Import my data
              </Button>
            </Stack>
          </Card>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Shop file: <Code>{path}</Code>
        </Text>
      </Stack>
    </Center>
  );
}
