/** One measured figure and its budget: `max` (value ≤ budget) or a `[low, high]` range. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  budget: number | [number, number];
}

export type Benchmark = () => Promise<BenchFigure[]>;

export function withinBudget({ value, budget }: BenchFigure): boolean {
  return Array.isArray(budget) ? value >= budget[0] && value <= budget[1] : value <= budget;
}

export function formatFigure(figure: BenchFigure): string {
  const round = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
  const budget = Array.isArray(figure.budget) ? `${round(figure.budget[0])} to ${round(figure.budget[1])}` : round(figure.budget);
  return `${figure.name}: ${round(figure.value)} ${figure.unit} (budget ${budget}) ${withinBudget(figure) ? 'ok' : 'over budget'}`;
}

/** Percentile of a sample, p in 0..100 (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
