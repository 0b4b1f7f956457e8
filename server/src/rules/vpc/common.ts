/** What the vpc/ rules share: the documentation link. */

export const LAMBDA_VPC_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html';
