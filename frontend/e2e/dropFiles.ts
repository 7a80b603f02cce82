// Shared by the specs that give the Import screen a file.
import type { Page } from '@playwright/test';

export interface DroppedFile {
  name: string;
  data: Buffer;
  type?: string;
}

/** Drops files onto the drop zone as a browser would (a DataTransfer of Files). */
export async function drop(page: Page, files: DroppedFile[]) {
  const payload = files.map((f) => ({ name: f.name, b64: f.data.toString('base64'), type: f.type ?? 'text/csv' }));
  const dt = await page.evaluateHandle((fs) => {
    const t = new DataTransfer();
    for (const f of fs) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      t.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return t;
  }, payload);
  const zone = page.getByTestId('import-dropzone');
  await zone.dispatchEvent('dragover', { dataTransfer: dt });
  await zone.dispatchEvent('drop', { dataTransfer: dt });
}
