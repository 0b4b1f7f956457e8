/**
 * The application the rds/lambda-invoke-* rules document: a PostgreSQL instance with a role that lets
 * it invoke an audit function, which raises nothing.
 */
import { example } from '../docs';

export const DB_CALLS_LAMBDA = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Audit:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
    DbInvokeRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument:
          Statement:
            - { Effect: Allow, Action: sts:AssumeRole, Principal: { Service: rds.amazonaws.com } }
        Policies:
          - PolicyName: invoke-audit
            PolicyDocument:
              Statement:
                - { Effect: Allow, Action: lambda:InvokeFunction, Resource: !GetAtt Audit.Arn }
    Db:
      Type: AWS::RDS::DBInstance
      Properties:
        Engine: postgres
        DBInstanceClass: db.t4g.micro
        AllocatedStorage: "20"
        MasterUsername: app
        ManageMasterUserPassword: true
        AssociatedRoles:
          - FeatureName: Lambda
            RoleArn: !GetAtt DbInvokeRole.Arn
`);
