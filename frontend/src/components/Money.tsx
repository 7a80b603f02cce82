import { Text, type TextProps } from '@mantine/core';
import { formatMoney } from '../lib/format';

export function Money({ amount, currency, ...rest }: { amount: number | null | undefined; currency: string } & TextProps) {
  return (
    <Text span inherit className="tabular" data-amount={amount ?? undefined} data-currency={currency} {...rest}>
      {formatMoney(amount, currency)}
    </Text>
  );
}
