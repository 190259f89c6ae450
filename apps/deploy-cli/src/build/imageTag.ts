/** An image tag from the launch time, `YYYYMMDD-HHMMSS` (UTC): sortable, one per launch. */
export function imageTagAt(date: Date): string {
  const iso = date.toISOString(); // 2026-11-25T12:00:00.000Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}
