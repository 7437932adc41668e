import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAudioDevices, startMicMeter, type DeviceOption } from './audioDevices';
import { micErrorCode } from './sip/mediaErrors';
import { usePhone, usePhoneController } from './phoneContext';
import type { AudioDevicePrefs } from './phoneTypes';
import { Ringer, type TonePattern } from './ringer';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';

/** Microphone, speaker and ringer, with a level meter and test sounds. Saved on this computer. */
export function AudioSettings() {
  const { t } = useTranslation();
  const phone = usePhoneController();
  const devices = usePhone((s) => s.devices);
  const [options, setOptions] = useState<{ inputs: DeviceOption[]; outputs: DeviceOption[] }>({
    inputs: [],
    outputs: [],
  });
  const [level, setLevel] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const meter = useRef<{ stop(): void } | null>(null);
  const ringer = useRef<Ringer | null>(null);

  useEffect(() => {
    const refresh = () => void listAudioDevices().then(setOptions, () => undefined);
    refresh();
    navigator.mediaDevices?.addEventListener('devicechange', refresh);
    return () => {
      navigator.mediaDevices?.removeEventListener('devicechange', refresh);
      meter.current?.stop();
      ringer.current?.dispose();
    };
  }, []);

  const change = (field: keyof AudioDevicePrefs, value: string) =>
    phone.setDevices({ ...devices, [field]: value || null });

  const toggleMeter = async () => {
    setError(null);
    if (meter.current) {
      meter.current.stop();
      meter.current = null;
      setLevel(null);
      return;
    }
    try {
      meter.current = await startMicMeter(devices.micId, setLevel);
      // Permission granted: device names are readable now.
      setOptions(await listAudioDevices());
    } catch (err) {
      setError(micErrorCode(err) ?? 'no_microphone');
    }
  };

  const play = (pattern: TonePattern, sinkId: string | null, ms: number) => {
    ringer.current ??= new Ringer();
    ringer.current.play(pattern, sinkId);
    const r = ringer.current;
    setTimeout(() => r.stop(), ms);
  };

  const select = (field: keyof AudioDevicePrefs, list: DeviceOption[], label: string) => (
    <Field label={label}>
      {/* Named explicitly: a wrapping label's name would include every option's text. */}
      <select
        aria-label={label}
        value={devices[field] ?? ''}
        onChange={(e) => change(field, e.target.value)}
      >
        <option value="">{t('phone.audio.default')}</option>
        {list.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <section aria-label={t('phone.audio.title')}>
      <h2>{t('phone.audio.title')}</h2>
      <div className="grid">
        {select('micId', options.inputs, t('phone.audio.mic'))}
        {select('speakerId', options.outputs, t('phone.audio.speaker'))}
        {select('ringerId', options.outputs, t('phone.audio.ringer'))}
      </div>
      <div className="actions">
        <Button onClick={() => void toggleMeter()}>
          {level === null ? t('phone.audio.testMic') : t('phone.audio.stopMic')}
        </Button>
        {level !== null && (
          <meter
            className="meter"
            aria-label={t('phone.audio.level')}
            min={0}
            max={1}
            value={level}
          />
        )}
        <Button onClick={() => play('test', devices.speakerId, 1500)}>
          {t('phone.audio.testTone')}
        </Button>
        <Button onClick={() => play('ring', devices.ringerId, 3000)}>
          {t('phone.audio.testRing')}
        </Button>
      </div>
      <ErrorText>{error && t(`phone.error.${error}`)}</ErrorText>
      <p className="hint">{t('phone.hotkeys')}</p>
    </section>
  );
}
