/** Wrong PINs forgiven without a wait: typos happen. */
export const FREE_PIN_ATTEMPTS = 3;
/** The longest wait between two tries, however many failed. */
export const MAX_PIN_DELAY_SECONDS = 300;

/**
 * Seconds to wait before the next try after `failures` wrong PINs in a row: none after the first
 * three, then 1 s, 2 s, 4 s… doubling up to five minutes. A 4-digit PIN then takes weeks to guess.
 */
export function pinDelaySeconds(failures: number): number {
  if (failures <= FREE_PIN_ATTEMPTS) return 0;
  const exponent = failures - FREE_PIN_ATTEMPTS - 1;
  return exponent >= 9 ? MAX_PIN_DELAY_SECONDS : Math.min(2 ** exponent, MAX_PIN_DELAY_SECONDS);
}
