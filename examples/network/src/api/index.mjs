// Lists and creates orders. Connects to Aurora through RDS Proxy with an IAM token (no password in
// the function); the database client and the token signer are elided in this example.
export const handler = async (event) => {
  const target = { host: process.env.DB_HOST, port: Number(process.env.DB_PORT), database: process.env.DB_NAME, user: process.env.DB_USER };
  if (event.requestContext?.http?.method === 'POST') {
    return { statusCode: 202, body: JSON.stringify({ queued: true, queue: process.env.ORDERS_QUEUE_URL }) };
  }
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orders: [], target: target.host }) };
};
