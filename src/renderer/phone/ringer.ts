/** Tones the phone plays itself: no audio files to ship, and each can go to its own device. */
export type TonePattern = 'ring' | 'ringback' | 'waiting' | 'test';

interface Burst {
  /** Seconds from the start of the cycle. */
  at: number;
  length: number;
  frequencies: number[];
}

interface Pattern {
  cycle: number;
  bursts: Burst[];
  once?: boolean;
}

// Vietnam's ringback is 425 Hz, 1 s on, 4 s off; the ring and the waiting beep are our choice.
const PATTERNS: Record<TonePattern, Pattern> = {
  ring: {
    cycle: 3,
    bursts: [
      { at: 0, length: 0.4, frequencies: [440, 480] },
      { at: 0.6, length: 0.4, frequencies: [440, 480] },
    ],
  },
  ringback: { cycle: 5, bursts: [{ at: 0, length: 1, frequencies: [425] }] },
  waiting: { cycle: 4, bursts: [{ at: 0, length: 0.2, frequencies: [425] }] },
  test: { cycle: 1.2, bursts: [{ at: 0, length: 1, frequencies: [440] }], once: true },
};

const LEVEL = 0.15;

/**
 * Plays a tone pattern through an audio element, so it can be routed to a chosen output device
 * (setSinkId): the ringer to the loudspeaker, ringback and the waiting beep to the headset.
 */
export class Ringer {
  private context: AudioContext | undefined;
  private element: HTMLAudioElement | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private playing: { pattern: TonePattern; sinkId: string | null } | null = null;

  /** Starts `pattern` on `sinkId` (null: the default device); a no-op if it already plays. */
  play(pattern: TonePattern, sinkId: string | null): void {
    if (this.playing?.pattern === pattern && this.playing.sinkId === sinkId) return;
    this.stop();
    this.playing = { pattern, sinkId };
    try {
      const context = (this.context ??= new AudioContext());
      const destination = context.createMediaStreamDestination();
      const element = (this.element ??= new Audio());
      element.srcObject = destination.stream;
      if (sinkId && 'setSinkId' in element) void element.setSinkId(sinkId).catch(() => undefined);
      void element.play().catch(() => undefined);
      void context.resume().catch(() => undefined);
      const spec = PATTERNS[pattern];
      const cycle = () => this.scheduleCycle(context, destination, spec);
      cycle();
      if (!spec.once) this.timer = setInterval(cycle, spec.cycle * 1000);
    } catch {
      // No audio output at all (a headless machine): ringing silently beats failing the call.
      this.playing = null;
    }
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.playing = null;
    if (this.element) {
      this.element.pause();
      this.element.srcObject = null;
    }
  }

  dispose(): void {
    this.stop();
    void this.context?.close().catch(() => undefined);
    this.context = undefined;
  }

  private scheduleCycle(context: AudioContext, out: AudioNode, pattern: Pattern): void {
    const start = context.currentTime + 0.02;
    for (const burst of pattern.bursts) {
      const gain = context.createGain();
      gain.gain.setValueAtTime(0, start + burst.at);
      gain.gain.linearRampToValueAtTime(LEVEL, start + burst.at + 0.01);
      gain.gain.setValueAtTime(LEVEL, start + burst.at + burst.length - 0.01);
      gain.gain.linearRampToValueAtTime(0, start + burst.at + burst.length);
      gain.connect(out);
      for (const frequency of burst.frequencies) {
        const osc = context.createOscillator();
        osc.frequency.value = frequency;
        osc.connect(gain);
        osc.start(start + burst.at);
        osc.stop(start + burst.at + burst.length);
      }
    }
  }
}
