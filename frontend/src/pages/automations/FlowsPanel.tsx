// The flows the seller has, each with its switch, its trigger in words, its
// steps at a glance and what its last run did; below, the gallery of
// ready-made flows to install (switched off until the seller turns them on).
// A ready-made flow is installed once: the gallery then offers to open it,
// since a second copy would act again on what the first one did.
import { Alert, Badge, Button, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Switch, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconClock, IconPencil, IconPlus, IconRobot } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorTitle, normalizeError, notifyError, notifySuccess } from '../../api';
import { automationKeys, automations, type Flow, type FlowTemplate, type RunRecord, type Step } from '../../api/automations';
import { formatDateTime } from '../../lib/format';
import { ExportImport } from './ExportImport';
import { actionLabel, triggerText, waitText } from './describe';
import { ACTION_ICON } from './StepEditors';
import { countOf } from '../../lib/plural';
import { useFlowToggles } from './flowToggles';

/** What a flow's last run did, from the history (RunResult.byFlow is keyed by flow name). */
export function lastDone(flow: Flow, history: RunRecord[]): { at: string; done: number } | null {
  for (const r of history) {
    if (r.dryRun) continue;
    const n = r.result?.byFlow?.[flow.name];
    if (n) return { at: r.startedAt, done: n };
  }
  return null;
}

function StepChips({ steps }: { steps: Step[] }) {
  return (
    <Group gap={4} wrap="wrap">
      {steps.map((s, i) => {
        if (s.action === 'wait')
          return (
            <Badge key={i} size="sm" variant="outline" color="gray" radius="xl" leftSection={<IconClock size={11} />} style={{ textTransform: 'none' }}>
              {waitText(s).replace(/^wait /, '')}
            </Badge>
          );
        const I = ACTION_ICON[s.action];
        return (
          <Badge key={i} size="sm" variant="light" radius="sm" leftSection={I && <I size={11} />} style={{ textTransform: 'none' }}>
            {actionLabel(s.action)}
          </Badge>
        );
      })}
    </Group>
  );
}

/**
 * "Installed": the gallery's mark on a ready-made flow the seller has. A shop
 * may hold two copies from before Shopclerk refused a second one; they share
 * what they did, which the tooltip says.
 */
function InstalledBadge({ templateKey, copies }: { templateKey: string; copies: number }) {
  const badge = (
    <Badge size="sm" variant="light" color="teal" leftSection={<IconCheck size={11} />} style={{ textTransform: 'none' }} data-testid={`template-installed-${templateKey}`}>
      Installed{copies > 1 ? ` (${copies} copies)` : ''}
    </Badge>
  );
  if (copies < 2) return badge;
  return (
    <Tooltip label="These copies share what they did: no order or customer gets the same thing twice." multiline w={260}>
      {badge}
    </Tooltip>
  );
}

export function FlowsPanel() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const flows = useQuery({ queryKey: automationKeys.flows, queryFn: automations.listFlows });
  const templates = useQuery({ queryKey: automationKeys.templates, queryFn: automations.templates, staleTime: Infinity });
  const history = useQuery({ queryKey: automationKeys.history(50), queryFn: () => automations.history(50) });

  const toggles = useFlowToggles();
  const install = useMutation({
    mutationFn: (t: FlowTemplate) => automations.installTemplate(t.key),
    onSuccess: (_, t) => {
      notifySuccess(`“${t.name}” is in your flows, switched off. Check it, then switch it on.`);
      qc.invalidateQueries({ queryKey: automationKeys.flows });
    },
    onError: (e) => notifyError(e, 'Could not install'),
  });

  const list = flows.data ?? [];
  const installed = new Map<string, number[]>(); // template -> its flows' ids, oldest first
  for (const f of list) if (f.template) installed.set(f.template, [...(installed.get(f.template) ?? []), f.id]);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        {list.length > 0 && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {list.filter((f) => toggles.enabled(f.id, f.enabled)).length} of {countOf(list.length, 'flow')} on. Switched-on flows run on their schedule while Shopclerk is open.
            </Text>
            <ExportImport />
          </Group>
        )}
        {flows.isPending && (
          <Stack gap="xs" data-testid="flows-loading">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={78} radius="md" />
            ))}
          </Stack>
        )}
        {flows.isError && (
          <Alert color="red" title={errorTitle(normalizeError(flows.error).code)} data-testid="flows-error">
            {normalizeError(flows.error).message}{' '}
            <Button size="compact-xs" variant="subtle" onClick={() => flows.refetch()}>
              Try again
            </Button>
          </Alert>
        )}
        {flows.isSuccess && list.length === 0 && (
          <Paper withBorder radius="md" p="xl" data-testid="flows-empty">
            <Group wrap="nowrap">
              <ThemeIcon size={44} radius="xl" variant="light" color="gray">
                <IconRobot size={24} stroke={1.5} />
              </ThemeIcon>
              <div>
                <Text fw={500}>No flows yet</Text>
                <Text size="sm" c="dimmed">
                  Install a ready-made flow below: it arrives switched off, so you can read it, change it, preview what it would do and only then switch it on.
                </Text>
              </div>
            </Group>
          </Paper>
        )}
        {list.map((stored) => {
          const f = { ...stored, enabled: toggles.enabled(stored.id, stored.enabled) };
          const last = lastDone(f, history.data ?? []);
          return (
            <Paper key={f.id} withBorder radius="md" p="sm" data-testid={`flow-row-${f.id}`} data-template={f.template} data-enabled={f.enabled ? 'true' : 'false'}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Group wrap="nowrap" align="flex-start" gap="md" style={{ minWidth: 0 }}>
                  <Switch
                    mt={4}
                    size="md"
                    checked={f.enabled}
                    onChange={(e) => toggles.toggle(f.id, e.currentTarget.checked)}
                    aria-label={f.enabled ? 'Switch off' : 'Switch on'}
                    data-testid={`flow-switch-${f.id}`}
                  />
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600}>{f.name}</Text>
                      {f.definition.policy?.marketing && (
                        <Badge size="xs" variant="light" color="grape" style={{ textTransform: 'none' }}>
                          marketing
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" data-testid={`flow-trigger-${f.id}`}>
                      {triggerText(f.definition.trigger)}
                      {f.definition.condition ? (
                        <Text span size="sm" c="dimmed">
                          {' '}
                          · only if <Text span ff="monospace" size="xs">{f.definition.condition}</Text>
                        </Text>
                      ) : null}
                    </Text>
                    <StepChips steps={f.definition.steps ?? []} />
                  </Stack>
                </Group>
                <Group gap="md" wrap="nowrap">
                  <Stack gap={0} align="flex-end" data-testid={`flow-last-${f.id}`}>
                    <Text size="xs" c="dimmed">
                      Last run
                    </Text>
                    <Text size="sm">{formatDateTime(f.lastRunAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {last ? `did ${countOf(last.done, 'thing')}` : f.lastRunAt ? 'nothing to do' : 'never run'}
                    </Text>
                  </Stack>
                  <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={() => navigate(`/automations/flow/${f.id}`)} data-testid={`flow-edit-${f.id}`}>
                    Edit
                  </Button>
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>

      <Stack gap="xs" data-testid="template-gallery">
        <div>
          <Title order={5}>Ready-made flows</Title>
          <Text size="sm" c="dimmed">
            Each arrives switched off. Edit it to your shop, preview it, then switch it on.
          </Text>
        </div>
        {templates.isPending && (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {[0, 1, 2, 3, 4, 5].map((i) => (
              <Skeleton key={i} h={150} radius="md" />
            ))}
          </SimpleGrid>
        )}
        {templates.isError && <Alert color="red">{normalizeError(templates.error).message}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {(templates.data ?? []).map((t) => {
            const ids = installed.get(t.key) ?? [];
            return (
              <Card key={t.key} withBorder radius="md" padding="sm" data-testid={`template-${t.key}`}>
                <Stack gap={6} h="100%" justify="space-between">
                  <Stack gap={6}>
                    <Text fw={600} size="sm">
                      {t.name}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={3} title={t.description}>
                      {t.description}
                    </Text>
                    <StepChips steps={t.definition.steps ?? []} />
                  </Stack>
                  <Group justify="space-between" mt={4}>
                    {ids.length > 0 ? (
                      <InstalledBadge templateKey={t.key} copies={ids.length} />
                    ) : (
                      <span />
                    )}
                    {ids.length > 0 ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconPencil size={14} />}
                        onClick={() => navigate(`/automations/flow/${ids[0]}`)}
                        aria-label={`Open “${t.name}”`}
                        data-testid={`template-open-${t.key}`}
                      >
                        Open
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconPlus size={14} />}
                        loading={install.isPending && install.variables?.key === t.key}
                        onClick={() => install.mutate(t)}
                        data-testid={`template-install-${t.key}`}
                      >
                        Install
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
