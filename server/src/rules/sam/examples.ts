/**
 * The template the schema, template and SAM rules document: a SAM function (and what a rule adds
 * next to it) that raises nothing; each rule's bad example is its good one with one change.
 */
import { example } from '../docs';

/** A complete SAM function entry, at the indentation of a resource under Resources. */
export const FUNCTION = `  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
`;

/** A SAM template of the given resource entries (already indented under Resources). */
export function samTemplate(...resources: string[]): string {
  return example(`Transform: AWS::Serverless-2016-10-31\nResources:\n${resources.join('')}`);
}
