import type { PhoneErrorCode } from '../phoneTypes';

/**
 * What to tell the agent when the microphone cannot be opened. getUserMedia fails with a
 * DOMException whose name says why; sip.js passes it through unchanged.
 */
export function micErrorCode(error: unknown): PhoneErrorCode | null {
  const name =
    typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : '';
  const message = error instanceof Error ? error.message : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'mic_denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'NotReadableError':
    case 'TrackStartError':
      return 'no_microphone';
    default:
      // sip.js's own error when the page has no mediaDevices at all (an insecure origin).
      return /media devices not available/i.test(message) ? 'no_microphone' : null;
  }
}

/** Audio capture constraints for the chosen microphone; `ideal`, so an unplugged one falls back. */
export function micConstraints(micId: string | null): MediaTrackConstraints {
  return {
    ...(micId ? { deviceId: { ideal: micId } } : {}),
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
  };
}
