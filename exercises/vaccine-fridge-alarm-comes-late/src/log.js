/** Minimal structured logger; production ships `lines` to the log pipeline. */
export function createLogger(service) {
  const lines = [];
  const write = (level, message, fields = {}) => {
    lines.push({ at: new Date().toISOString(), service, level, message, ...fields });
  };
  return {
    lines,
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
  };
}
