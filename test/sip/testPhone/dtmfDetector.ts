// Hears DTMF in an audio stream (Goertzel on the eight DTMF frequencies). A browser cannot read
// RFC 4733 events from RTP, but WebRTC's jitter buffer plays received events out as tones, so
// the customer's phone can check that the agent's keys really arrived, the way a person would.

const ROWS = [697, 770, 852, 941];
const COLS = [1209, 1336, 1477, 1633];
const KEYS = ['123A', '456B', '789C', '*0#D'];

function power(samples: Float32Array, rate: number, frequency: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / rate);
  let s1 = 0;
  let s2 = 0;
  for (const x of samples) {
    const s0 = x + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
}

/** The key in one window of audio, or null: one row and one column tone must dominate. */
export function detectKey(samples: Float32Array, rate: number): string | null {
  let energy = 0;
  for (const x of samples) energy += x * x;
  if (energy < 1e-4) return null;
  const rows = ROWS.map((f) => power(samples, rate, f));
  const cols = COLS.map((f) => power(samples, rate, f));
  const r = rows.indexOf(Math.max(...rows));
  const c = cols.indexOf(Math.max(...cols));
  const tone = rows[r]! + cols[c]!;
  // Goertzel power of a pure sine is ~ (N/2)² · A²/… ; compare with the window's energy · N / 2.
  const share = tone / ((energy * samples.length) / 2);
  const othersRow = rows.filter((_, i) => i !== r).every((p) => p < rows[r]! / 6);
  const othersCol = cols.filter((_, i) => i !== c).every((p) => p < cols[c]! / 6);
  return share > 0.5 && othersRow && othersCol ? KEYS[r]![c]! : null;
}

/** Listens to `stream` and appends every key it hears (a key counts once per tone). */
export function listenForDtmf(stream: MediaStream, onKey: (key: string) => void): () => void {
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let candidate: string | null = null;
  let count = 0;
  let reported: string | null = null;
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    const key = detectKey(samples, context.sampleRate);
    if (key === candidate) count += 1;
    else {
      candidate = key;
      count = 1;
    }
    if (key === null && count >= 2) reported = null; // silence between tones
    if (key !== null && count >= 3 && reported !== key) {
      reported = key;
      onKey(key);
    }
  }, 10);
  void context.resume();
  return () => {
    clearInterval(timer);
    if (context.state !== 'closed') void context.close().catch(() => undefined);
  };
}
