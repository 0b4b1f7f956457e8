/** What the editor tier's loopback Lambda API serves; shared by the runner that seeds it and the suite. */

/** The region the explorer is pointed at. */
export const REGION = 'us-east-1';

/** Deployed functions, as CreateFunction would describe them. */
export const FUNCTIONS = [
  {
    FunctionName: 'orders-api', Runtime: 'nodejs22.x', Handler: 'index.handler', MemorySize: 512, Timeout: 30,
    // Real code, run by the loopback API's Node runtime when the UI pass invokes it.
    files: { 'index.js': 'exports.handler = async (event) => ({ statusCode: 200, received: Object.keys(event) });' },
  },
  { FunctionName: 'thumbnail-maker', Runtime: 'python3.13', Handler: 'app.handler', MemorySize: 1024, Timeout: 60 },
  { FunctionName: 'legacy-cron', Runtime: 'nodejs16.x', Handler: 'index.handler', MemorySize: 128, Timeout: 3 },
] as const;
