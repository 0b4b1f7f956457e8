/** An error the loopback Lambda API answers with: HTTP status, `x-amzn-ErrorType` and a JSON body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The 404 Lambda answers for an unknown function, alias or version. */
export function notFound(message: string): ApiError {
  return new ApiError(404, 'ResourceNotFoundException', message, { Type: 'User' });
}

/** A 400 for a request parameter Lambda rejects. */
export function invalidParameter(message: string): ApiError {
  return new ApiError(400, 'InvalidParameterValueException', message, { Type: 'User' });
}
