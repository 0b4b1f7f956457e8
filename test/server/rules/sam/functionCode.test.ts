import { functionCode } from '../../../../server/src/rules/sam/functionCode';
import { ruleTester } from '../../../support/ruleTester';

const fn = (props: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: ${props}\n`;

ruleTester(functionCode, {
  valid: [
    { name: 'a CodeUri', template: fn('{ CodeUri: src/, Runtime: python3.13, Handler: app.handler }') },
    { name: 'inline code', template: fn('{ InlineCode: "x", Runtime: python3.13, Handler: app.handler }') },
    { name: 'an image', template: fn('{ PackageType: Image, ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1 }') },
    { name: 'a CodeUri from Globals', template: fn('{ Runtime: python3.13, Handler: app.handler }').replace('Resources:', 'Globals:\n  Function: { CodeUri: src/ }\nResources:') },
  ],
  invalid: [
    { name: 'no code at all', template: fn('{ Runtime: python3.13, Handler: app.handler }'), errors: [{ line: 5, column: 5 }] },
    { name: 'an image without ImageUri', template: fn('{ PackageType: Image }'), errors: [{ line: 5, column: 5 }] },
  ],
});
