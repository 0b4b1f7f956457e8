/**
 * What the editor tier gives the extension besides the workspace: the loopback Lambda API with a few
 * functions and the stack examples/app/samconfig.toml names, reached through the `lambdaLens.endpoint` / `lambdaLens.regions` settings and credentials in
 * the environment of code-server, which its extension host inherits.
 */
import { join } from 'node:path';
import { startLambdaApi } from '../support/lambdaApi';
import { FUNCTIONS, PHOTOS_STACK, REGION, THUMBNAIL_DEPLOYED, THUMBNAIL_FUNCTION } from './suite/fixtures';

/** Settings and environment for one editor run, and how to stop what it started. */
export interface SuiteEnvironment {
  readonly settings: Record<string, unknown>;
  readonly variables: Record<string, string>;
  close(): Promise<void>;
}

/** Starts the loopback Lambda API and describes how the extension reaches it. */
export async function suiteEnvironment(runDir: string): Promise<SuiteEnvironment> {
  const api = await startLambdaApi({ credentials: [{ accessKeyId: 'editor-tier', secretAccessKey: 'editor-tier-secret' }] });
  for (const fn of FUNCTIONS) api.addFunction({ ...fn }, REGION);
  api.addFunction({ ...THUMBNAIL_DEPLOYED }, REGION);
  api.stacks(REGION).add({
    name: PHOTOS_STACK,
    parameters: { Stage: 'dev', ThumbnailWidth: '320' },
    completedAt: new Date('2026-01-01T00:05:00Z'),
    resources: [
      { logicalId: 'UploadsBucket', type: 'AWS::S3::Bucket', physicalId: 'photos-uploads-dev-123456789012' },
      { logicalId: 'ThumbnailsBucket', type: 'AWS::S3::Bucket', physicalId: 'photos-thumbnails-dev-123456789012' },
      { logicalId: 'PhotosTable', type: 'AWS::DynamoDB::Table', physicalId: 'photos-PhotosTable-1Q2W3E' },
      { logicalId: 'ThumbnailFunction', type: 'AWS::Lambda::Function', physicalId: THUMBNAIL_FUNCTION },
    ],
  });
  return {
    settings: { 'lambdaLens.endpoint': api.endpoint, 'lambdaLens.regions': [REGION] },
    variables: {
      AWS_ACCESS_KEY_ID: 'editor-tier',
      AWS_SECRET_ACCESS_KEY: 'editor-tier-secret',
      AWS_REGION: REGION,
      // Files that do not exist: the developer's own ~/.aws profiles stay out of the run.
      AWS_CONFIG_FILE: join(runDir, 'aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(runDir, 'aws-credentials'),
    },
    close: () => api.close(),
  };
}
