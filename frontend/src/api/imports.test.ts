import { beforeEach, describe, expect, it, vi } from 'vitest';

const UploadChunk = vi.fn<(id: string, offset: number, data: unknown) => Promise<void>>();
vi.mock('../../wailsjs/go/app/ImportService', () => ({ UploadChunk: (...a: [string, number, unknown]) => UploadChunk(...a) }));

const { MAX_UPLOAD_BYTES, UPLOAD_PIECE_BYTES, sendUpload } = await import('./imports');

describe('sendUpload', () => {
  beforeEach(() => UploadChunk.mockReset().mockResolvedValue(undefined));

  it('sends a file in pieces small enough for one websocket frame, in order, as base64', async () => {
    // a piece's base64 (4/3 of it) with the call's JSON around it stays a small message
    expect((UPLOAD_PIECE_BYTES / 3) * 4 + 1024).toBeLessThanOrEqual(33 * 1024);
    const bytes = new Uint8Array(2 * UPLOAD_PIECE_BYTES + 10).map((_, i) => i % 251);
    const sent: number[] = [];
    const id = await sendUpload(new File([bytes], 'orders.csv'), (n) => sent.push(n));

    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(UploadChunk.mock.calls.map(([i, off]) => [i, off])).toEqual([
      [id, 0],
      [id, UPLOAD_PIECE_BYTES],
      [id, 2 * UPLOAD_PIECE_BYTES],
    ]);
    const joined = UploadChunk.mock.calls.map(([, , b64]) => Uint8Array.from(atob(b64 as string), (c) => c.charCodeAt(0)));
    expect(Uint8Array.from(joined.flatMap((b) => Array.from(b)))).toEqual(bytes);
    expect(sent).toEqual([UPLOAD_PIECE_BYTES, 2 * UPLOAD_PIECE_BYTES, bytes.length]);
  });

  it('sends an empty file as one empty piece, so the backend can say it is empty', async () => {
    await sendUpload(new File([], 'empty.csv'));
    expect(UploadChunk).toHaveBeenCalledTimes(1);
    expect(UploadChunk.mock.calls[0][2]).toBe('');
  });

  it('refuses a file over the cap before sending anything', async () => {
    const big = { name: 'orders.csv', size: MAX_UPLOAD_BYTES + 1 } as File;
    await expect(sendUpload(big)).rejects.toThrow(/orders\.csv is 64(\.0)? MB.*at most 64(\.0)? MB.*Drop it onto the Shopclerk window/);
    expect(UploadChunk).not.toHaveBeenCalled();
  });

  it("stops at the backend's refusal and passes its message on", async () => {
    UploadChunk.mockRejectedValueOnce(JSON.stringify({ code: 'invalid', message: 'The file arrived out of order; choose it again.' }));
    await expect(sendUpload(new File(['Name\n'], 'a.csv'))).rejects.toThrow(/out of order/);
  });
});
