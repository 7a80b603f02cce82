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
import { IconBuildingStore, IconFileSpreadsheet, IconId } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { canStartDemo, normalizeError, shop, shopKeys, startDemo, useJob, type DemoSize, type ShopIdentity } from '../api';
import { resetTableState } from '../components/DataTable';
import { Logo } from '../components/Logo';
import { browserTimeZone, ShopForm } from '../pages/settings/ShopForm';

const SIZES: { value: DemoSize; label: string }[] = [
  { value: 's', label: 'Small · 1k orders' },
  { value: 'm', label: 'Medium · 100k' },
  { value: 'l', label: 'Large · 1M' },
];

const configured = (s: ShopIdentity | undefined) => !!s && s.name !== '' && s.currency !== '' && s.timeZone !== '';

/**
 * An empty shop: ask who the shop is (its name signs every email, its
 * currency reads files that name none), then offer an import, or the demo
 * shop to look around (which brings a made-up shop of its own).
 */
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
  const identity = useQuery({ queryKey: shopKeys.identity, queryFn: shop.identity });
  const ready = configured(identity.data);

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
        <Card withBorder radius="md" padding="lg" data-testid="welcome-shop">
          <Stack gap="sm">
            <Group gap="sm">
              <ThemeIcon size={40} radius="md" variant="light" color="grape">
                <IconId size={22} />
              </ThemeIcon>
              <div>
                <Title order={3} size="h4">
                  About your shop
                </Title>
                <Text size="sm" c="dimmed">
                  Your emails are signed with these details, and amounts without a currency are read in yours.
                </Text>
              </div>
            </Group>
            {identity.data ? (
              <ShopForm
                compact
                testId="welcome-shop-form"
                submitLabel={ready ? 'Save changes' : 'Save'}
                initial={{ ...identity.data, timeZone: identity.data.timeZone || browserTimeZone() }}
              />
            ) : identity.error ? (
              <Alert color="red" variant="light">
                {normalizeError(identity.error).message}
              </Alert>
            ) : (
              <Text size="sm" c="dimmed">
                Loading…
              </Text>
            )}
          </Stack>
        </Card>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm" h="100%">
              <ThemeIcon size={40} radius="md" variant="light">
                <IconBuildingStore size={22} />
              </ThemeIcon>
              <Title order={3} size="h4">Try the demo shop</Title>
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
              <Title order={3} size="h4">Import my data</Title>
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
                disabled={!ready}
                data-testid="welcome-import"
              >
                Import my data
              </Button>
              {!ready && (
                <Text size="xs" c="dimmed" data-testid="welcome-import-hint">
                  Save your shop&apos;s name, currency and time zone above first.
                </Text>
              )}
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
