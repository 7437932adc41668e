import type { AudioDevicePrefs } from './phoneTypes';
import { micConstraints } from './sip/mediaErrors';

const DEVICES_KEY = 'leadphone.audioDevices';
const POWER_MODE_KEY = 'leadphone.powerMode';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The chosen devices live in this computer's localStorage, not in the database: device ids
 * belong to one machine's hardware and mean nothing on another agent's.
 */
export function loadDevicePrefs(storage: Store | undefined): AudioDevicePrefs {
  const empty = { micId: null, speakerId: null, ringerId: null };
  try {
    const raw = JSON.parse(storage?.getItem(DEVICES_KEY) ?? 'null') as Partial<AudioDevicePrefs>;
    const id = (v: unknown) => (typeof v === 'string' && v ? v : null);
    return raw
      ? { micId: id(raw.micId), speakerId: id(raw.speakerId), ringerId: id(raw.ringerId) }
      : empty;
  } catch {
    return empty;
  }
}

export function saveDevicePrefs(storage: Store | undefined, prefs: AudioDevicePrefs): void {
  storage?.setItem(DEVICES_KEY, JSON.stringify(prefs));
}

export function loadPowerMode(storage: Store | undefined): boolean {
  return storage?.getItem(POWER_MODE_KEY) === '1';
}

export function savePowerMode(storage: Store | undefined, on: boolean): void {
  storage?.setItem(POWER_MODE_KEY, on ? '1' : '0');
}

export interface DeviceOption {
  id: string;
  label: string;
}

/** Microphones and outputs; labels are empty until the page has microphone permission. */
export async function listAudioDevices(): Promise<{
  inputs: DeviceOption[];
  outputs: DeviceOption[];
}> {
  const devices = (await navigator.mediaDevices?.enumerateDevices()) ?? [];
  const pick = (kind: MediaDeviceKind) =>
    devices
      .filter((d) => d.kind === kind && d.deviceId && d.deviceId !== 'default')
      .map((d, i) => ({ id: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
  return { inputs: pick('audioinput'), outputs: pick('audiooutput') };
}

/**
 * Opens the chosen microphone and reports its level (0–1, RMS) about 20 times a second, for the
 * settings screen's meter. `stop()` releases the microphone.
 */
export async function startMicMeter(
  micId: string | null,
  onLevel: (level: number) => void,
): Promise<{ stop(): void }> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: micConstraints(micId),
    video: false,
  });
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const v of samples) sum += v * v;
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      stream.getTracks().forEach((t) => t.stop());
      void context.close().catch(() => undefined);
    },
  };
}
