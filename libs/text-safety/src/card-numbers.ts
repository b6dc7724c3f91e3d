// A card number as people type it: 13–19 digits, optionally grouped by single spaces or hyphens
// ("4111 1111 1111 1111", "4111-1111-1111-1111"). Digits glued to other digits or letters are
// not a card number, so the run must stand alone; Chinese and Japanese text writes no space
// around numbers, so only Latin letters and digits count as glue.
const CANDIDATE = /(?<![0-9A-Za-z])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z])/g;

const VISIBLE_TAIL = 4;

/** True when the digits pass the Luhn checksum every payment card number carries. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * The text with every Luhn-valid run of 13–19 digits masked but its last four digits
 * (`4111 1111 1111 1111` → `**** **** **** 1111`), separators kept. Used on a visitor's unsent
 * draft before it leaves the browser and again on the server, so a typed card number never
 * reaches an agent's screen in the clear.
 */
export function maskCardNumbers(text: string): string {
  return text.replace(CANDIDATE, (run) => {
    const digits = run.replace(/[ -]/g, '');
    if (!isLuhnValid(digits)) return run;
    let digitsLeft = digits.length;
    return run.replace(/\d/g, (digit) => {
      digitsLeft -= 1;
      return digitsLeft < VISIBLE_TAIL ? digit : '*';
    });
  });
}
