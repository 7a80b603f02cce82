// The new campaign form: the segment (with how many of it may get the
// email), the email (a template or written here), an optional A/B test of
// two subjects or two contents, a coupon per recipient, and when. Preview
// shows exactly what goes out, as the automations' preview does; sending
// more than the shop's confirmation setting asks first (ConfirmSend).
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { normalizeError, notifyError, notifySuccess } from '../../api';
import { automationKeys, automations } from '../../api/automations';
import { campaignKeys, campaignsApi, type CampaignPreview, type CampaignSpec } from '../../api/campaigns';
import { formatDateTime, formatNumber } from '../../lib/format';
import { countOf } from '../../lib/plural';

type TestKind = 'none' | 'subject' | 'content';

export function ConfirmSend({ message, busy, onConfirm, onClose }: { message: string | null; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <Modal opened={message !== null} onClose={onClose} title="Send this campaign?" centered>
      <Stack>
        <Text size="sm" data-testid="campaign-confirm-message">
          {message}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Not now
          </Button>
          <Button onClick={onConfirm} loading={busy} data-testid="campaign-confirm">
            Yes, send it
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PreviewPanel({ p }: { p: CampaignPreview }) {
  const a = p.audience;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="campaign-preview">
      <Title order={3} size="h6">
        What goes out
      </Title>
      <Text size="sm" data-testid="campaign-preview-audience">
        {a.segmentName}: {countOf(a.members, 'customer')}, {formatNumber(a.sendable)} can get it. {a.note}
      </Text>
      {p.sampleB > 0 ? (
        <Text size="sm" data-testid="campaign-preview-split">
          {formatNumber(p.sampleA)} get A and {formatNumber(p.sampleB)} get B at {formatDateTime(p.sendAt)}; the winner goes to the other{' '}
          {formatNumber(p.rest)} at {formatDateTime(p.decideAt)}.
        </Text>
      ) : (
        <Text size="sm">
          All {formatNumber(p.sampleA)} get it at {formatDateTime(p.sendAt)}.
        </Text>
      )}
      {p.sendNote && (
        <Text size="sm" c="dimmed">
          {p.sendNote}
        </Text>
      )}
      {p.confirm && (
        <Text size="sm" c="dimmed">
          More than {formatNumber(p.confirmOver)} recipients: sending asks you first.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: p.emails.length }} mt="xs">
        {p.emails.map((e) => (
          <Stack key={e.variant} gap={4} data-testid={`campaign-preview-${e.variant}`}>
            <Text size="xs">
              {p.emails.length > 1 ? `${e.variant}: ` : ''}To {e.to} · Subject: <b>{e.subject}</b>
            </Text>
            <iframe
              title={`Version ${e.variant} as ${e.to} gets it: ${e.subject}`}
              sandbox=""
              srcDoc={e.html}
              style={{ width: '100%', height: 320, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, background: 'white' }}
            />
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

export function CampaignForm({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const segments = useQuery({ queryKey: campaignKeys.segments, queryFn: campaignsApi.segments });
  const templates = useQuery({ queryKey: automationKeys.emailTemplates, queryFn: automations.emailTemplates });
  const [name, setName] = useState('');
  const [segment, setSegment] = useState<string | null>('all');
  const [template, setTemplate] = useState<string | null>(null);
  const [subjectA, setSubjectA] = useState('');
  const [bodyA, setBodyA] = useState('<p>Hi {{.Customer.FirstName}},</p>\n<p></p>');
  const [test, setTest] = useState<TestKind>('none');
  const [subjectB, setSubjectB] = useState('');
  const [bodyB, setBodyB] = useState('');
  const [sample, setSample] = useState<number | string>(20);
  const [hours, setHours] = useState<number | string>(4);
  const [by, setBy] = useState<string | null>('replies');
  const [withCoupon, setWithCoupon] = useState(false);
  const [percent, setPercent] = useState<number | string>(10);
  const [days, setDays] = useState<number | string>(14);
  const [when, setWhen] = useState('now');
  const [at, setAt] = useState('');
  const [preview, setPreview] = useState<CampaignPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<{ id: number; message: string } | null>(null);

  const spec = useMemo<CampaignSpec>(
    () => ({
      name,
      segment: segment ?? '',
      template: template ?? '',
      subjectA,
      subjectB: test === 'subject' ? subjectB : '',
      bodyA: template ? '' : bodyA,
      bodyB: test === 'content' ? bodyB : '',
      sendAt: when === 'at' ? at : '',
      coupon: withCoupon ? { percentOff: Number(percent) || 0, amountOff: 0, freeShipping: false, validDays: Number(days) || 0 } : undefined,
      samplePct: test === 'none' ? 0 : Number(sample) || 0,
      decideAfterMinutes: test === 'none' ? 0 : Math.round((Number(hours) || 0) * 60),
      decideBy: test === 'none' ? '' : (by ?? ''),
    }),
    [name, segment, template, subjectA, subjectB, bodyA, bodyB, test, when, at, withCoupon, percent, days, sample, hours, by],
  );

  // A preview shows what the form said then: any change asks for a new one.
  useEffect(() => setPreview(null), [spec]);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await fn();
    } catch (e) {
      setProblem(normalizeError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const showPreview = () => run(async () => setPreview(await campaignsApi.preview(spec)));
  const send = async (id: number, yes: boolean) => {
    try {
      await campaignsApi.send(id, yes);
      notifySuccess(spec.sendAt ? 'It goes at the time you chose.' : 'Its emails are in the outbox; automatic sending sends them.', 'Campaign started');
      setConfirm(null);
      onDone();
    } catch (e) {
      const err = normalizeError(e);
      if (err.code === 'conflict' && !yes && err.message.includes('confirm')) setConfirm({ id, message: err.message });
      else notifyError(err, 'The campaign was not sent');
    }
  };
  const saveAndSend = () =>
    run(async () => {
      const c = await campaignsApi.create(spec);
      await send(c.id, false);
    });
  const saveDraft = () =>
    run(async () => {
      await campaignsApi.create(spec);
      notifySuccess('Send it from the list when you are ready.', 'Campaign saved');
      onDone();
    });

  const segmentOptions = (segments.data ?? []).map((s) => ({
    value: s.key,
    label: `${s.name}: ${formatNumber(s.sendable)} of ${countOf(s.members, 'customer')} can get it`,
  }));

  return (
    <Paper withBorder p="md" radius="md" data-testid="campaign-form">
      <Stack gap="sm">
        <Title order={2} size="h5">
          New campaign
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label="Who gets it"
            description="Only customers who agreed to marketing email, are not unsubscribed and are under the weekly cap get it."
            data={segmentOptions}
            value={segment}
            onChange={setSegment}
            allowDeselect={false}
            data-testid="campaign-segment"
          />
          <TextInput label="Name (for you)" placeholder="The subject if left empty" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        </SimpleGrid>
        <Select
          label="Email template"
          description="Or leave empty and write the email below."
          placeholder="Write the email here"
          data={templates.data ?? []}
          value={template}
          onChange={setTemplate}
          clearable
          searchable
          data-testid="campaign-template"
        />
        <TextInput label="Subject" required value={subjectA} onChange={(e) => setSubjectA(e.currentTarget.value)} data-testid="campaign-subject-a" />
        {!template && (
          <Textarea
            label={test === 'content' ? 'Email A (HTML)' : 'Email (HTML)'}
            description="Use {{.Customer.FirstName}}, {{.Coupon.Code}}, {{.Coupon.Description}}, {{.Shop.Name}}."
            autosize
            minRows={3}
            value={bodyA}
            onChange={(e) => setBodyA(e.currentTarget.value)}
            data-testid="campaign-body-a"
          />
        )}
        <div>
          <Text size="sm" fw={500} id="campaign-test-label">
            A/B test
          </Text>
          <SegmentedControl
            aria-labelledby="campaign-test-label"
            value={test}
            onChange={(v) => setTest(v as TestKind)}
            data={[
              { value: 'none', label: 'No test' },
              { value: 'subject', label: 'Two subjects' },
              { value: 'content', label: 'Two contents' },
            ]}
            data-testid="campaign-test"
          />
        </div>
        {test === 'subject' && (
          <TextInput label="Subject B" required value={subjectB} onChange={(e) => setSubjectB(e.currentTarget.value)} data-testid="campaign-subject-b" />
        )}
        {test === 'content' && (
          <Textarea label="Email B (HTML)" required autosize minRows={3} value={bodyB} onChange={(e) => setBodyB(e.currentTarget.value)} data-testid="campaign-body-b" />
        )}
        {test !== 'none' && (
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NumberInput label="Sample (% of recipients)" min={1} max={99} value={sample} onChange={setSample} data-testid="campaign-sample" />
            <NumberInput label="Choose the winner after (hours)" min={0.25} step={1} decimalScale={2} value={hours} onChange={setHours} />
            <Select
              label="Winner by"
              data={[
                { value: 'replies', label: 'Replies' },
                { value: 'redemptions', label: 'Coupon redemptions' },
              ]}
              value={by}
              onChange={setBy}
              allowDeselect={false}
              data-testid="campaign-by"
            />
          </SimpleGrid>
        )}
        {test !== 'none' && (
          <Text size="xs" c="dimmed">
            The version with the larger share of its half redeeming (or replying) wins; a tie goes to A.
          </Text>
        )}
        <Checkbox label="A coupon for each recipient (one code each)" checked={withCoupon} onChange={(e) => setWithCoupon(e.currentTarget.checked)} />
        {withCoupon && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <NumberInput label="Discount (%)" min={1} max={100} value={percent} onChange={setPercent} />
            <NumberInput label="Valid for (days)" min={0} value={days} onChange={setDays} />
          </SimpleGrid>
        )}
        <Radio.Group label="When" value={when} onChange={setWhen}>
          <Group mt={4}>
            <Radio value="now" label="Now" />
            <Radio value="at" label="At a time (the shop's time zone)" data-testid="campaign-when-at" />
          </Group>
        </Radio.Group>
        {when === 'at' && <TextInput type="datetime-local" label="Send at" value={at} onChange={(e) => setAt(e.currentTarget.value)} w={260} />}
        {problem && (
          <Alert color="red" data-testid="campaign-problem">
            {problem}
          </Alert>
        )}
        {preview && <PreviewPanel p={preview} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Close
          </Button>
          <Button variant="default" onClick={() => void saveDraft()} disabled={busy}>
            Save as draft
          </Button>
          <Button variant="light" onClick={() => void showPreview()} loading={busy && !preview} data-testid="campaign-preview-button">
            Preview
          </Button>
          <Button onClick={() => void saveAndSend()} disabled={busy || !preview} data-testid="campaign-send">
            {spec.sendAt ? 'Schedule' : 'Send'}
          </Button>
        </Group>
        {!preview && (
          <Text size="xs" c="dimmed" ta="right">
            Preview first: it shows exactly what goes out.
          </Text>
        )}
      </Stack>
      <ConfirmSend
        message={confirm?.message ?? null}
        busy={busy}
        onConfirm={() => confirm && void run(() => send(confirm.id, true))}
        onClose={() => {
          setConfirm(null);
          onDone(); // the campaign is saved as a draft: it shows in the list
        }}
      />
    </Paper>
  );
}
