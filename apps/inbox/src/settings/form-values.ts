// What the settings forms type, read as the admin API takes it.

/** A list typed one per line (or separated by commas): its non-empty items, trimmed. */
export function listOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A number field: null when left empty (the API's "none"). */
export function numberOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}
