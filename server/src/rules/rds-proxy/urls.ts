/** AWS documentation the rds-proxy/ and rds/ rules point at. */
export const RDS_PROXY_URL = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.html';
export const RDS_PROXY_SETUP_URL = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-setup.html';
export const RDS_PROXY_NETWORK_URL = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-network-prereqs.html';
export const RDS_EVENTS_URL = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Messages.html';
export const RDS_LAMBDA_POSTGRES_URL = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL-Lambda.html';
export const LAMBDA_RDS_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/services-rds.html';
