/** One log line per event: a level, a sentence a person can act on, and the facts as fields. */
export type LogLevel = 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export const consoleLogger: Logger = (level, message, fields) => {
  const line = `[haard] ${level}: ${message}${fields === undefined ? '' : ` ${JSON.stringify(fields)}`}`;
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
};

export const silentLogger: Logger = () => {};
