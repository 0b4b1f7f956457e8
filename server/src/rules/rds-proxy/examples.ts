/**
 * The application the RDS Proxy rules document: a function in two private subnets reaching Aurora
 * PostgreSQL through an IAM-authenticated proxy, which raises nothing. Each rule's bad example is
 * this template with one mistake in it.
 */
import { example } from '../docs';

export const PROXY_APP = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
    SubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: eu-west-1a, CidrBlock: 10.0.1.0/24 } }
    SubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: eu-west-1b, CidrBlock: 10.0.2.0/24 } }
    AppSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: functions, VpcId: !Ref Vpc } }
    ProxySg:
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupDescription: proxy
        VpcId: !Ref Vpc
        SecurityGroupIngress:
          - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref AppSg }
    DbSecret:
      Type: AWS::SecretsManager::Secret
      Properties:
        GenerateSecretString: { SecretStringTemplate: '{"username": "app"}', GenerateStringKey: password, ExcludePunctuation: true }
    Cluster:
      Type: AWS::RDS::DBCluster
      Properties:
        Engine: aurora-postgresql
        MasterUsername: app
        ManageMasterUserPassword: true
    ProxyRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument:
          Statement:
            - { Effect: Allow, Action: sts:AssumeRole, Principal: { Service: rds.amazonaws.com } }
        Policies:
          - PolicyName: read-db-secret
            PolicyDocument:
              Statement:
                - { Effect: Allow, Action: secretsmanager:GetSecretValue, Resource: !Ref DbSecret }
    Proxy:
      Type: AWS::RDS::DBProxy
      Properties:
        DBProxyName: app-proxy
        EngineFamily: POSTGRESQL
        RoleArn: !GetAtt ProxyRole.Arn
        VpcSubnetIds: [!Ref SubnetA, !Ref SubnetB]
        VpcSecurityGroupIds: [!Ref ProxySg]
        RequireTLS: true
        Auth:
          - AuthScheme: SECRETS
            SecretArn: !Ref DbSecret
            IAMAuth: REQUIRED
    ProxyTargets:
      Type: AWS::RDS::DBProxyTargetGroup
      Properties:
        DBProxyName: !Ref Proxy
        TargetGroupName: default
        DBClusterIdentifiers: [!Ref Cluster]
    Api:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        VpcConfig:
          SubnetIds: [!Ref SubnetA, !Ref SubnetB]
          SecurityGroupIds: [!Ref AppSg]
        Policies:
          - Statement:
              - Effect: Allow
                Action: rds-db:connect
                Resource: !Sub arn:\${AWS::Partition}:rds-db:\${AWS::Region}:\${AWS::AccountId}:dbuser:*/app
        Environment:
          Variables:
            DB_HOST: !GetAtt Proxy.Endpoint
`);
