/**
 * Generated templates: realistic mixes of SAM and plain Lambda functions, with Globals, parameters,
 * conditions, references and findings. The server types into a small one to warm up the keystroke
 * path (features/warmUp.ts); the benchmarks and tests use them at every size.
 */

/** A SAM template with `count` functions: half SAM with Globals, half AWS::Lambda::Function, with parameters, conditions and environments. */
export function functionsTemplate(count: number): string {
  const out: string[] = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Parameters:',
    '  Stage: { Type: String, Default: dev, AllowedValues: [dev, prod] }',
    '  Memory: { Type: Number, Default: 1024 }',
    '  Token: { Type: String, NoEcho: true }',
    'Conditions:',
    '  IsProd: !Equals [!Ref Stage, prod]',
    'Mappings:',
    '  Sizes:',
    '    dev: { Memory: 512, Timeout: 10 }',
    '    prod: { Memory: 2048, Timeout: 30 }',
    'Globals:',
    '  Function:',
    '    Runtime: nodejs22.x',
    '    Timeout: 30',
    '    Environment:',
    '      Variables:',
    '        STAGE: !Ref Stage',
    '        LOG_LEVEL: info',
    'Resources:',
  ];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) {
      out.push(`  Table${i}:`, '    Type: AWS::DynamoDB::Table', '    Properties:', '      BillingMode: PAY_PER_REQUEST');
    }
    const table = `Table${i - (i % 10)}`;
    if (i % 2 === 0) {
      out.push(
        `  Fn${i}:`,
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        `      CodeUri: src/fn${i}/`,
        '      Handler: index.handler',
        `      MemorySize: ${i % 4 === 0 ? '!Ref Memory' : '!FindInMap [Sizes, !Ref Stage, Memory]'}`,
        `      Timeout: !If [IsProd, 60, 20]`,
        '      Environment:',
        '        Variables:',
        `          TABLE: !Ref ${table}`,
        `          TABLE_ARN: !GetAtt ${table}.Arn`,
        `          URL: !Sub https://\${AWS::Region}.example.com/fn${i}`,
        '          TOKEN: !Ref Token',
        '      Policies:',
        `        - DynamoDBCrudPolicy: { TableName: !Ref ${table} }`,
        '      Events:',
        '        Api:',
        '          Type: HttpApi',
        `          Properties: { Path: /fn${i}, Method: GET }`,
      );
    } else {
      out.push(
        `  Fn${i}Role:`,
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      AssumeRolePolicyDocument:',
        "        Version: '2012-10-17'",
        '        Statement:',
        '          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }',
        '      ManagedPolicyArns:',
        '        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
        `  Fn${i}:`,
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        `      FunctionName: !Sub \${AWS::StackName}-fn${i}`,
        '      Runtime: python3.13',
        '      Handler: app.handler',
        `      Role: !GetAtt Fn${i}Role.Arn`,
        '      MemorySize: 512',
        '      Timeout: 120',
        "      Code: { S3Bucket: artifacts-bucket, S3Key: 'fn.zip' }",
        '      ReservedConcurrentExecutions: 1',
        '      Environment:',
        '        Variables:',
        `          TABLE: !Ref ${table}`,
        '          MODE: batch',
      );
    }
  }
  return `${out.join('\n')}\n`;
}
