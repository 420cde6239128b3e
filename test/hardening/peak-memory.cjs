// Preloaded (NODE_OPTIONS=--require) into a program under test: when it exits, however it exits,
// its peak resident memory in KiB goes to the file PEAK_MEMORY_FILE names.
const fs = require('node:fs');

process.on('exit', () => {
  if (process.env.PEAK_MEMORY_FILE) fs.writeFileSync(process.env.PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS));
});
