// People type a search, not a LIKE pattern: "50%" must find "50% off", not every "50...".
// So LIKE's wildcards (% and _) and its escape character (\) are escaped before the final %.
export function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
