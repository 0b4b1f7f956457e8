import { templateSize } from '../../../../server/src/rules/limits/templateSize';
import { ruleTester, yaml } from '../../../support/ruleTester';

const functions = (n: number) =>
  Array.from({ length: n }, (_, i) => `  F${i}:\n    Type: AWS::Lambda::Function\n`).join('');
const section = (name: string, n: number, entry: (i: number) => string) =>
  `${name}:\n${Array.from({ length: n }, (_, i) => `  ${entry(i)}\n`).join('')}`;
const padding = (bytes: number) => `# ${'.'.repeat(bytes)}\n`;

ruleTester(templateSize, {
  valid: [
    {
      name: '500 resources and 200 parameters, outputs and mappings',
      template:
        "AWSTemplateFormatVersion: '2010-09-09'\n" +
        section('Parameters', 200, (i) => `P${i}: {Type: String}`) +
        section('Mappings', 200, (i) => `M${i}: {a: {b: c}}`) +
        section('Outputs', 200, (i) => `O${i}: {Value: x}`) +
        `Resources:\n${functions(500)}`,
    },
    {
      name: 'exactly 51,200 bytes',
      template: (() => {
        const head = 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n';
        return head + padding(51_200 - head.length - 3);
      })(),
    },
  ],
  invalid: [
    {
      name: 'more than 500 resources, at the Resources key',
      template: `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${functions(501)}`,
      errors: [{ line: 2, column: 1, severity: 'error' }],
    },
    {
      name: 'more than 200 parameters, outputs and mappings, at their keys',
      template:
        yaml`
          Resources:
            F: { Type: AWS::Lambda::Function }
        ` +
        section('Parameters', 201, (i) => `P${i}: {Type: String}`) +
        section('Outputs', 201, (i) => `O${i}: {Value: x}`) +
        section('Mappings', 201, (i) => `M${i}: {a: {b: c}}`),
      errors: [{ line: 3, column: 1 }, { line: 205, column: 1 }, { line: 407, column: 1 }],
    },
    {
      name: 'one byte above 51,200 as information at the start of the file',
      template: (() => {
        const head = 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n';
        return head + padding(51_201 - head.length - 3);
      })(),
      errors: [{ line: 1, column: 1, severity: 'information' }],
    },
    {
      name: 'a file above 1 MB (multi-byte characters counted in UTF-8) as an error',
      template: `Resources:\n  F:\n    Type: AWS::Lambda::Function\n# ${'é'.repeat(530_000)}\n`,
      errors: [{ line: 1, column: 1, severity: 'error' }],
    },
  ],
});
