// The Automations screen: flows with their switches and the gallery of
// ready-made flows, the preview with approvals and one-click run, and the run
// history; /automations/flow/:id is the flow editor.
import { Tabs } from '@mantine/core';
import { IconEye, IconHistory, IconRobot } from '@tabler/icons-react';
import { Route, Routes, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { FlowEditor } from './FlowEditor';
import { FlowsPanel } from './FlowsPanel';
import { HistoryPanel } from './HistoryPanel';
import { PreviewPanel } from './PreviewPanel';

const TABS = ['flows', 'preview', 'history'] as const;

function AutomationsHome() {
  const [params, setParams] = useSearchParams();
  const t = params.get('tab');
  const tab = TABS.includes(t as (typeof TABS)[number]) ? (t as string) : 'flows';
  return (
    <div data-testid="automations-page">
      <PageHeader
        title="Automations"
        description="When something happens in your shop, check conditions, then email, tag, reward or reorder. You see everything before it happens."
      />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'flows' ? { tab: v } : {}, { replace: true })}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="flows" leftSection={<IconRobot size={16} />} data-testid="automations-tab-flows">
            Flows
          </Tabs.Tab>
          <Tabs.Tab value="preview" leftSection={<IconEye size={16} />} data-testid="automations-tab-preview">
            Preview and run
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="automations-tab-history">
            History
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="flows">
          <FlowsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          <PreviewPanel />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryPanel />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}

export default function AutomationsPage() {
  return (
    <Routes>
      <Route index element={<AutomationsHome />} />
      <Route path="flow/:id" element={<FlowEditor />} />
      <Route path="*" element={<AutomationsHome />} />
    </Routes>
  );
}

