import pino, { type Logger } from 'pino';

/**
 * Creates the JSON logger servers use by default: one line per event on stdout, the level as a
 * word (`"level":"info"`), ISO timestamps, and the server's name.
 *
 * @param options - `name` of the service and `level` (default: env `LOG_LEVEL`, else `info`).
 * @returns A pino logger.
 * @example
 * ```ts
 * const logger = createLogger({ name: 'example-server' });
 * logger.info({ port: 8000 }, 'listening');
 * ```
 */
export function createLogger(options: { name: string; level?: string }): Logger {
  return pino({
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: options.name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['req.headers.authorization', '*.authorization', '*.token', '*.password'],
      censor: '[redacted]',
    },
  });
}
