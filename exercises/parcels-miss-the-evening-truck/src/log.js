export function createLog() {
  const entries = [];
  const write = (level) => (message, fields = {}) => entries.push({ at: new Date().toISOString(), level, message, ...fields });
  return { entries, info: write('info'), warn: write('warn') };
}
