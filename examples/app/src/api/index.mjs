// Returns the metadata of one photo.
export const handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ id: event.pathParameters?.id, table: process.env.PHOTOS_TABLE }),
});
