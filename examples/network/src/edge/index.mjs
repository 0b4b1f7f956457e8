// Viewer request: /thumbs/<id>.jpg -> /photos/<id>.jpg, the key the thumbnail function writes.
// Lambda@Edge has no environment variables, so everything it needs is in the code.
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const match = /^\/thumbs\/([\w-]+)\.jpg$/.exec(request.uri);
  if (match) request.uri = `/photos/${match[1]}.jpg`;
  return request;
};
