/** Black or white, whichever reads better on `hex` (#rrggbb), by WCAG relative luminance. */
export function contrastingText(hex: string): '#ffffff' | '#111827' {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  if (channels.some(Number.isNaN)) return '#ffffff';
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is (1.05)/(L+0.05); with near-black (L≈0.012) it is (L+0.05)/0.062.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.062 ? '#ffffff' : '#111827';
}
