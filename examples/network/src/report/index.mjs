// Summarises yesterday's order events (the DynamoDB query is elided in this example).
export const handler = async () => {
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return { day, table: process.env.EVENTS_TABLE };
};
