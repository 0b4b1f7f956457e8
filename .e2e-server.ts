import fs from 'node:fs';
import { startLambdaApi } from './test/support/lambdaApi';
import { TWO_PROFILES } from './test/support/awsProfiles';
(async () => {
  const api = await startLambdaApi({ credentials: TWO_PROFILES.serverKeys });
  const runtimes = ['nodejs20.x', 'python3.12', 'java21', 'nodejs16.x', 'provided.al2023', 'ruby3.3', 'dotnet8', 'go1.x'];
  for (let i = 0; i < 120; i++) api.addFunction({ FunctionName: `orders-${String(i).padStart(3, '0')}`, Runtime: runtimes[i % runtimes.length], MemorySize: 128 * (1 + (i % 4)), Timeout: 3 + i % 20 });
  api.addFunction({ FunctionName: 'vpc-worker', Runtime: 'python3.12', MemorySize: 1024, Timeout: 30, CodeSize: 3 * 1024 * 1024,
    VpcConfig: { VpcId: 'vpc-0abc', SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-1'] },
    Layers: [{ Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:shared-deps:4', CodeSize: 2048 }], Environment: { Variables: { TABLE: 'orders', DB_PASSWORD: 'x' } }, reservedConcurrency: 25 });
  api.faults.add({ kind: 'access-denied', region: 'eu-west-1' });
  fs.writeFileSync('/tmp/lens-e2e/endpoint', api.endpoint);
  setInterval(() => fs.writeFileSync('/tmp/lens-e2e/requests.json', JSON.stringify(api.requests.slice(-20), null, 1)), 1000);
})();
