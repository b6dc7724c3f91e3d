import type { Locator } from 'playwright-core';

/**
 * Pastes a PNG into `target` as a person pasting a screenshot does: a `paste` event whose
 * clipboard holds one image file. (Playwright cannot write an image to the system clipboard of a
 * headless browser; the widget sees the same event either way.)
 */
export async function pasteImage(target: Locator, png: Buffer, name = 'screenshot.png') {
  await target.evaluate(
    (element, file) => {
      const scope = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
        ClipboardEvent: new (type: string, init: Record<string, unknown>) => unknown;
        Uint8Array: typeof Uint8Array;
        atob(data: string): string;
      };
      const binary = scope.atob(file.base64);
      const bytes = scope.Uint8Array.from(binary, (c) => c.charCodeAt(0));
      const data = new scope.DataTransfer();
      data.items.add(new scope.File([bytes], file.name, { type: 'image/png' }));
      const event = new scope.ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      (element as { dispatchEvent(event: unknown): boolean }).dispatchEvent(event);
    },
    { base64: png.toString('base64'), name },
  );
}
