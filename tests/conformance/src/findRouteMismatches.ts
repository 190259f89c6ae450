import type { ScenarioVerdict } from './classifyScenario.js';

/**
 * Compares the verdicts of a run through the gateway with those of the direct run in the same
 * mode: every scenario must end the same way (PASS, EXPECTED FAIL…) by both routes, and run by
 * both. A scenario whose gateway verdict is already unexpected (FAIL, UNEXPECTED PASS) is reported
 * once, as that verdict, not again here.
 *
 * @param direct - The direct run's verdicts by scenario.
 * @param gateway - The gateway run's verdicts by scenario.
 * @returns One line per scenario that differs, e.g. `ping: PASS directly, not run through the gateway`.
 */
export function findRouteMismatches(
  direct: ReadonlyMap<string, ScenarioVerdict>,
  gateway: ReadonlyMap<string, ScenarioVerdict>,
): string[] {
  const scenarios = [...new Set([...direct.keys(), ...gateway.keys()])];
  return scenarios.flatMap((scenario) => {
    const viaDirect = direct.get(scenario);
    const viaGateway = gateway.get(scenario);
    if (viaGateway?.unexpected === true || viaDirect?.outcome === viaGateway?.outcome) return [];
    return [
      `${scenario}: ${viaDirect?.outcome ?? 'not run'} directly, ${viaGateway?.outcome ?? 'not run'} through the gateway`,
    ];
  });
}
