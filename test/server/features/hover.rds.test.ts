import assert from 'node:assert/strict';
import { ruleDocsUrl } from '../../../server/src/rules/docs';
import { hover } from '../../../server/src/features/hover';
import { buildTemplate } from '../../../server/src/template/model';
import { yaml } from '../../support/ruleTester';

const TEXT = yaml`
  Parameters:
    Tls: { Type: String, Default: 'false' }
  Resources:
    Proxy:
      Type: AWS::RDS::DBProxy
      Properties:
        EngineFamily: POSTGRESQL
        RequireTLS: !Ref Tls
        Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret, IAMAuth: REQUIRED }]
`;

function hoverText(line: number, character: number): string {
  const h = hover(buildTemplate(TEXT), { line, character });
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
}

describe('hover on RDS Proxy properties', () => {
  it('explains RequireTLS with its resolved value and links the rule and the AWS page', () => {
    const text = hoverText(7, 8);
    assert.match(text, /\*\*RequireTLS\*\* — .*TLS/);
    assert.match(text, /Current value: `false` \(parameter default\)/);
    // The rule links to its section of the rule documentation shipped with the package.
    assert.ok(text.includes(`[rds-proxy/iam-auth](${ruleDocsUrl('rds-proxy/iam-auth')})`), text);
    assert.match(ruleDocsUrl('rds-proxy/iam-auth')!, /^file:\/\/.*\/docs\/rules\.md#L\d+$/);
    assert.match(text, /\[AWS documentation\]\(https:\/\/docs\.aws\.amazon\.com\/AmazonRDS\/latest\/UserGuide\/rds-proxy\.html\)/);
  });

  it('explains IAMAuth inside an Auth entry', () => {
    assert.match(hoverText(8, 62), /\*\*IAMAuth\*\* — .*rds-db:connect/);
  });
});
