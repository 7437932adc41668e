export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  goal: string;
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult[]>;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

export const round = (n: number, digits = 3) => Number(n.toFixed(digits));
