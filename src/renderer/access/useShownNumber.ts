import { useCallback } from 'react';
import { seesNumbersMasked } from '../../shared/authApi';
import { displayNumber } from '../phone/displayNumber';
import { useAccess } from './accessStore';

/**
 * How the phone's screens show a number to this connection: masked for an agent with masking
 * on. Main masks what it sends; a caller's number comes from the PBX, so the screen masks it.
 */
export function useShownNumber(): (number: string, fallback: string) => string {
  const masked = useAccess((s) => seesNumbersMasked(s.status));
  return useCallback((number, fallback) => displayNumber(number, fallback, masked), [masked]);
}
