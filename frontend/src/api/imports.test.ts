import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, readUpload } from './imports';

describe('readUpload', () => {
  it('refuses a file the browser bridge could not carry, before reading it', async () => {
    // base64 in a JSON call must stay under the dev server's 32 MB message limit.
    expect(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4).toBeLessThan(32 * 1024 * 1024);
    const big = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'orders.csv');
    await expect(readUpload(big)).rejects.toThrow(/orders\.csv is .* at most 20(\.0)? MB.*Drop it onto the Shopclerk window/);
  });

  it('reads a small file as base64', async () => {
    await expect(readUpload(new File(['Name,Email\n'], 'a.csv'))).resolves.toBe(btoa('Name,Email\n'));
  });
});
