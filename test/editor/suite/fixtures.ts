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

/** The stack examples/app/samconfig.toml names, as deployed to the loopback API. */
export const PHOTOS_STACK = 'photos';
/** The deployed name of ThumbnailFunction in that stack. */
export const THUMBNAIL_FUNCTION = 'photos-ThumbnailFunction-1A2B3C4D5E6F';
/** ThumbnailFunction as deployed, then changed by hand: MemorySize 3008 instead of the template's 1769. */
export const THUMBNAIL_DEPLOYED = {
  FunctionName: THUMBNAIL_FUNCTION, Runtime: 'nodejs22.x', Handler: 'index.handler', MemorySize: 3008, Timeout: 60, Architectures: ['arm64'],
  EphemeralStorage: { Size: 2048 }, reservedConcurrency: 5, LastModified: '2026-01-01T00:00:00.000+0000',
  Environment: { Variables: { STAGE: 'dev', POWERTOOLS_SERVICE_NAME: 'photos', THUMBNAIL_BUCKET: 'photos-thumbnails-dev-123456789012', THUMBNAIL_WIDTH: '320', PHOTOS_TABLE: 'photos-PhotosTable-1Q2W3E' } },
  files: { 'index.js': "exports.handler = async (event) => { console.log('resizing', event.Records[0].s3.object.key); return { resized: event.Records[0].s3.bucket.name }; };" },
};
