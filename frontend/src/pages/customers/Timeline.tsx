// The customer's timeline: one list of everything that happened to them,
// newest first, a page at a time ("Show older" asks for the next page by
// the cursor the backend gave, so a customer with 10,000 orders never loads
// them all).
import { Anchor, Badge, Button, Group, Paper, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import {
  IconChartDots3,
  IconMailForward,
  IconMailOpened,
  IconNote,
  IconReceipt,
  IconReceiptOff,
  IconRobot,
  IconShieldCheck,
  IconShoppingCart,
  IconTag,
  IconTicket,
  IconUserPlus,
  type Icon,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { notifyError } from '../../api';
import { customersApi, type TimelineItem, type TimelinePage } from '../../api/customers';
import { Money } from '../../components/Money';
import { formatDateTime, humanize } from '../../lib/format';

const KINDS: Record<string, { icon: Icon; color: string; label: string }> = {
  order: { icon: IconReceipt, color: 'brand', label: 'Order' },
  order_cancelled: { icon: IconReceiptOff, color: 'gray', label: 'Order cancelled' },
  cart: { icon: IconShoppingCart, color: 'orange', label: 'Cart' },
  coupon_issued: { icon: IconTicket, color: 'grape', label: 'Coupon issued' },
  coupon_used: { icon: IconTicket, color: 'grape', label: 'Coupon used' },
  email_sent: { icon: IconMailForward, color: 'blue', label: 'Email sent' },
  email_received: { icon: IconMailOpened, color: 'cyan', label: 'Email received' },
  tag: { icon: IconTag, color: 'teal', label: 'Tag' },
  automation_tag: { icon: IconRobot, color: 'teal', label: 'Tag by an automation' },
  note: { icon: IconNote, color: 'yellow', label: 'Note' },
  consent: { icon: IconShieldCheck, color: 'green', label: 'Consent' },
  suppressed: { icon: IconShieldCheck, color: 'red', label: 'Do not email' },
  segment: { icon: IconChartDots3, color: 'indigo', label: 'Segment' },
  created: { icon: IconUserPlus, color: 'gray', label: 'Customer' },
};

// Kinds whose "by" is only the store the record came from: said once in the
// page's header, not on every order.
const SOURCE_KINDS = new Set(['order', 'order_cancelled', 'cart', 'created']);

function itemText(it: TimelineItem): string {
  switch (it.kind) {
    case 'cart':
      return `Left a cart${it.detail === 'recovered' ? ' (recovered)' : ''}`;
    case 'coupon_issued':
      return `Coupon ${it.title}${it.detail ? ` · ${it.detail}` : ''}`;
    case 'coupon_used':
      return `Used coupon ${it.title}`;
    case 'tag':
    case 'automation_tag':
      return `Tag “${it.title}” ${it.detail}`;
    case 'segment':
      return it.detail ? `Moved from ${it.detail} to ${it.title}` : `In segment ${it.title}`;
    default:
      return it.title;
  }
}

function Item({ it }: { it: TimelineItem }) {
  const navigate = useNavigate();
  const k = KINDS[it.kind] ?? KINDS.created;
  const KindIcon = k.icon;
  const isOrder = it.kind === 'order' || it.kind === 'order_cancelled';
  return (
    <li data-testid="timeline-item" data-kind={it.kind} style={{ listStyle: 'none' }}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={k.color} radius="xl" size={30} aria-hidden>
          <KindIcon size={16} stroke={1.6} />
        </ThemeIcon>
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              <VisuallyHidden>{k.label}: </VisuallyHidden>
              {isOrder ? (
                <Anchor component="button" type="button" size="sm" fw={600} onClick={() => navigate(`/orders/${it.ref}`)}>
                  {it.kind === 'order_cancelled' ? `Order ${it.title} cancelled` : `Order ${it.title}`}
                </Anchor>
              ) : (
                itemText(it)
              )}
            </Text>
            {it.amount && it.amount.currency && <Money amount={it.amount.amount} currency={it.amount.currency} size="sm" fw={500} />}
          </Group>
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              {formatDateTime(it.at)}
            </Text>
            {it.kind !== 'tag' && it.kind !== 'automation_tag' && it.kind !== 'segment' && it.detail && (
              <Text size="xs" c="dimmed">
                · {humanize(it.detail)}
              </Text>
            )}
            {it.by && !SOURCE_KINDS.has(it.kind) && (
              <Badge size="xs" variant="default" styles={{ root: { textTransform: 'none' } }}>
                {it.kind === 'email_received' ? `from ${it.by}` : it.by}
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
    </li>
  );
}

export function Timeline({ customerId, first }: { customerId: number; first: TimelinePage }) {
  const [items, setItems] = useState<TimelineItem[]>(first.items ?? []);
  const [next, setNext] = useState(first.next);
  const [loading, setLoading] = useState(false);
  // A fresh first page (after a tag or a note) starts the list again.
  useEffect(() => {
    setItems(first.items ?? []);
    setNext(first.next);
  }, [first]);
  const more = async () => {
    setLoading(true);
    try {
      const page = await customersApi.timeline(customerId, next);
      setItems((cur) => [...cur, ...(page.items ?? [])]);
      setNext(page.next);
    } catch (e) {
      notifyError(e);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid="customer-timeline">
      <Title order={2} size="h5" mb="sm">
        Timeline
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing has happened yet.
        </Text>
      ) : (
        <Stack component="ol" gap="sm" m={0} p={0} aria-label="Timeline, newest first">
          {items.map((it) => (
            <Item key={`${it.kind}-${it.ref}-${it.at}`} it={it} />
          ))}
        </Stack>
      )}
      {next && (
        <Group justify="center" mt="md">
          <Button variant="default" size="xs" loading={loading} onClick={more} data-testid="timeline-more">
            Show older
          </Button>
        </Group>
      )}
    </Paper>
  );
}
