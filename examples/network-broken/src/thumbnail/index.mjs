// Resizes an uploaded photo into the thumbnails bucket (image processing elided in this example).
export const handler = async (event) => {
  const width = Number(process.env.THUMBNAIL_WIDTH);
  return event.Records.map((r) => ({
    source: `${r.s3.bucket.name}/${r.s3.object.key}`,
    target: `${process.env.THUMBNAIL_BUCKET}/${width}/${r.s3.object.key}`,
  }));
};
