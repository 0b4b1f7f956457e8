// Runs the bundled language server in this process and, over the IPC channel the soak benchmark
// opened, answers its memory questions after a full garbage collection (started with --expose-gc).
process.on('message', (message) => {
  if (message !== 'memory') return;
  const before = process.memoryUsage();
  global.gc();
  const after = process.memoryUsage();
  process.send({ rss: before.rss, heapUsed: before.heapUsed, rssAfterGc: after.rss, heapAfterGc: after.heapUsed });
});
require('../dist/server.js');
