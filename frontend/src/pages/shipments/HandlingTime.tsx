import { Button, Group, NumberInput, Popover, Stack, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { notifyError, notifySuccess, shipping, shippingKeys } from '../../api';
import { countOf } from '../../lib/plural';

/**
 * The shop's handling time: how many working days an order takes to leave.
 * A "where is my order" reply draft for an order not shipped yet names the
 * day it will.
 */
export function HandlingTimeButton() {
  const qc = useQueryClient();
  const days = useQuery({ queryKey: shippingKeys.handling, queryFn: shipping.handlingDays });
  const [value, setValue] = useState<number>(2);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (days.data !== undefined) setValue(days.data);
  }, [days.data]);
  const save = useMutation({
    mutationFn: (n: number) => shipping.setHandlingDays(n),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: shippingKeys.handling });
      notifySuccess('Reply drafts for orders not shipped yet name the day they will.', 'Handling time saved');
      setOpen(false);
    },
    onError: (e) => notifyError(e, 'The handling time was not saved'),
  });
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconClockHour4 size={16} aria-hidden />} onClick={() => setOpen((o) => !o)} data-testid="shipments-handling">
          Handling time{days.data !== undefined ? `: ${countOf(days.data, 'working day')}` : ''}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" maw={280}>
          <Text size="sm">How many working days (Monday to Friday) an order takes to leave you. “Where is my order?” drafts use it for orders not shipped yet.</Text>
          <Group gap="xs" align="flex-end">
            <NumberInput label="Working days" size="xs" w={120} min={0} max={30} value={value} onChange={(v) => setValue(typeof v === 'number' ? v : 0)} data-testid="shipments-handling-days" />
            <Button size="xs" onClick={() => save.mutate(value)} loading={save.isPending} data-testid="shipments-handling-save">
              Save
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
