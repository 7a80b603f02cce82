// A SKU as the tables show it. A key Shopclerk made for a variant that has no
// SKU in the seller's store (backend domain.GeneratedSKUPrefix: "~" + handle
// and options, or "~woo:" + product ID) is shown muted with a small "no SKU"
// badge, so the seller tells it apart from a real SKU.
import { Badge, Group, Text, Tooltip } from '@mantine/core';

/** The prefix of generated keys; the backend's domain.GeneratedSKUPrefix. */
export const GENERATED_SKU_PREFIX = '~';

export function isGeneratedSku(sku: string): boolean {
  return sku.startsWith(GENERATED_SKU_PREFIX);
}

/** generated, when the row carries the flag (domain.Product.skuGenerated), wins over the prefix. */
export function SkuText({ sku, monospace = false, generated }: { sku: string; monospace?: boolean; generated?: boolean }) {
  const ff = monospace ? 'monospace' : undefined;
  if (!(generated ?? isGeneratedSku(sku)))
    return (
      <Text span size="sm" ff={ff}>
        {sku}
      </Text>
    );
  return (
    <Tooltip
      multiline
      w={300}
      label="This variant has no SKU in your store, so Shopclerk made this key from its handle and options (or product ID). Add a SKU in your store to make reorders and supplier emails clearer."
    >
      <Group component="span" gap={4} wrap="nowrap" display="inline-flex">
        <Text span size="sm" ff={ff} c="dimmed">
          {sku}
        </Text>
        <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }} data-testid="no-sku-badge">
          no SKU
        </Badge>
      </Group>
    </Tooltip>
  );
}
