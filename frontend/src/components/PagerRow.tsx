import { Button, Group, Text } from '@mantine/core';
import { countOf } from '../lib/plural';

/**
 * The row under a plain paged table: how many there are in all, and
 * Previous / Next over pages of `page` rows from `offset`.
 */
export function PagerRow({ total, noun, offset, page, onOffset, testId }: {
  total: number;
  noun: string;
  offset: number;
  page: number;
  onOffset: (offset: number) => void;
  testId: string;
}) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" data-testid={testId}>
        {countOf(total, noun)}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - page))}>
          Previous
        </Button>
        <Button variant="default" size="xs" disabled={offset + page >= total} onClick={() => onOffset(offset + page)}>
          Next
        </Button>
      </Group>
    </Group>
  );
}
