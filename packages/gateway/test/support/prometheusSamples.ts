/** One sample of a Prometheus text exposition: its labels and value. */
export interface PrometheusSample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/**
 * The samples of one metric in a `GET /metrics` body, whatever the label order.
 *
 * @example
 * ```ts
 * prometheusSamples(text, 'mcp_gateway_target_up'); // [{ labels: { target: 'alpha' }, value: 1 }]
 * ```
 */
export function prometheusSamples(text: string, metric: string): PrometheusSample[] {
  const samples: PrometheusSample[] = [];
  for (const line of text.split('\n')) {
    const match = SAMPLE_LINE.exec(line);
    if (match?.[1] !== metric) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) {
      if (key !== undefined && value !== undefined) labels[key] = value;
    }
    samples.push({ labels, value: Number(match[3]) });
  }
  return samples;
}
