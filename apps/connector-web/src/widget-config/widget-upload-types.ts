/** The file types the widget offers to upload (the upload endpoint checks them by content). */
export const WIDGET_UPLOAD_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
] as const;
