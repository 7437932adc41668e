import { checkPhone } from '../../shared/phone';
import { maskPhone } from '../../shared/phoneMask';

/**
 * A number in national format when it is a phone number; extensions as they are. Masked (the
 * caller of an incoming call too: the PBX hands the phone every number) when `masked`.
 */
export function displayNumber(number: string, fallback: string, masked = false): string {
  if (!number) return fallback;
  const phone = checkPhone(number);
  const national = phone.valid ? phone.national : number;
  return masked ? maskPhone(national) : national;
}
