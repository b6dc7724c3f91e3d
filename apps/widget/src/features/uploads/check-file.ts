import type { WidgetConfig } from '../../api/types';

export type FileCheck = 'ok' | 'fileTooLarge' | 'fileTypeNotAllowed';

/**
 * The browser-side pre-check against the inbox's limits, so a visitor learns at once that a file
 * is too big or of a refused type. The server checks again by content; an unknown type (the
 * browser reports "") is left to it.
 */
export function checkFile(
  file: { size: number; type: string },
  limits: WidgetConfig['uploads'],
): FileCheck {
  if (file.size > limits.maxBytes) return 'fileTooLarge';
  if (file.type !== '' && limits.accept.length > 0 && !limits.accept.includes(file.type))
    return 'fileTypeNotAllowed';
  return 'ok';
}

/** Files of a paste or a drop (a pasted screenshot is an image item of the clipboard). */
export function filesOf(transfer: DataTransfer | null): File[] {
  if (!transfer) return [];
  if (transfer.files.length > 0) return [...transfer.files];
  return [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.getAsFile())
    .filter((file): file is File => file !== null);
}
