/**
 * Structured JSON logs. They carry the request id, method, route pattern, status and timing, never a
 * body, a query string or a concrete path: those can hold a child's details.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

export function createLogger(options: { level?: LogLevel; write?: (line: string) => void } = {}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  return {
    log(level, message, fields) {
      if (ORDER[level] < threshold) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    },
  };
}

/** For tests and tools that want quiet. */
export const silentLogger: Logger = { log() {} };
