import { describe, expect, it } from 'vitest';
import { micConstraints, micErrorCode } from '../../../../src/renderer/phone/sip/mediaErrors';

const domError = (name: string) => Object.assign(new Error(name), { name });

describe('micErrorCode', () => {
  it('tells a refused permission from a missing microphone', () => {
    expect(micErrorCode(domError('NotAllowedError'))).toBe('mic_denied');
    expect(micErrorCode(domError('SecurityError'))).toBe('mic_denied');
    expect(micErrorCode(domError('NotFoundError'))).toBe('no_microphone');
    expect(micErrorCode(domError('NotReadableError'))).toBe('no_microphone');
    expect(micErrorCode(new Error('Media devices not available in insecure contexts.'))).toBe(
      'no_microphone',
    );
  });

  it('is not about the microphone otherwise', () => {
    expect(micErrorCode(new Error('Invalid session state'))).toBeNull();
    expect(micErrorCode(undefined)).toBeNull();
  });
});

describe('micConstraints', () => {
  it('asks for the chosen microphone as ideal, so an unplugged one falls back to the default', () => {
    expect(micConstraints('abc')).toMatchObject({
      deviceId: { ideal: 'abc' },
      echoCancellation: true,
    });
    expect(micConstraints(null)).not.toHaveProperty('deviceId');
  });
});
