import { describe, expect, it } from 'vitest';
import {
  loadDevicePrefs,
  loadPowerMode,
  saveDevicePrefs,
  savePowerMode,
} from '../../../src/renderer/phone/audioDevices';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('audio device preferences', () => {
  it('remembers the chosen devices', () => {
    const storage = memoryStorage();
    saveDevicePrefs(storage, { micId: 'm1', speakerId: 's1', ringerId: null });
    expect(loadDevicePrefs(storage)).toEqual({ micId: 'm1', speakerId: 's1', ringerId: null });
  });

  it('starts from the system defaults when nothing (or garbage) is stored', () => {
    const empty = { micId: null, speakerId: null, ringerId: null };
    expect(loadDevicePrefs(memoryStorage())).toEqual(empty);
    expect(loadDevicePrefs(undefined)).toEqual(empty);
    const broken = memoryStorage();
    broken.setItem('leadphone.audioDevices', '{not json');
    expect(loadDevicePrefs(broken)).toEqual(empty);
    broken.setItem('leadphone.audioDevices', JSON.stringify({ micId: 42, speakerId: '' }));
    expect(loadDevicePrefs(broken)).toEqual(empty);
  });

  it('remembers power mode', () => {
    const storage = memoryStorage();
    expect(loadPowerMode(storage)).toBe(false);
    savePowerMode(storage, true);
    expect(loadPowerMode(storage)).toBe(true);
  });
});
