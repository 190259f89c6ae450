import type { AggregationResult } from '../sections/aggregationSection.js';
import type { ColdStartResult } from '../sections/coldStartSection.js';
import type { GatewaySectionResult } from '../sections/gatewaySection.js';
import type { MemoryResult } from '../sections/memorySection.js';
import type { ServerRow } from '../sections/serverSection.js';
import type { StdioSectionResult } from '../sections/stdioSection.js';
import type { BenchSettings } from '../settings.js';
import type { MachineInfo } from './machineInfo.js';

/** A section's result, or why it could not run. */
export type SectionOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly seconds: number }
  | { readonly ok: false; readonly error: string; readonly seconds: number };

/** Everything one bench run measured: written as results JSON and rendered as RESULTS.md. */
export interface BenchResults {
  readonly date: string;
  readonly settings: BenchSettings;
  readonly machine: MachineInfo;
  /** 1-minute load average before and after the run (other work on the shared machine). */
  readonly load: { readonly before: number; readonly after: number };
  readonly wallSeconds: number;
  readonly server: SectionOutcome<ServerRow[]>;
  readonly gateway: SectionOutcome<GatewaySectionResult>;
  readonly stdio: SectionOutcome<StdioSectionResult>;
  readonly aggregation: SectionOutcome<AggregationResult>;
  readonly memory: SectionOutcome<MemoryResult>;
  readonly coldStart: SectionOutcome<ColdStartResult>;
}
