// Telnyx's error envelope: { errors: [{ code, title, detail, source?, meta }] }.

export interface TelnyxErrorSource {
  pointer?: string;
  parameter?: string;
}

export interface TelnyxError {
  code: string;
  title: string;
  detail: string;
  source?: TelnyxErrorSource;
  meta: { url: string };
}

export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: TelnyxError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.detail ?? `HTTP ${status}`);
  }
}

export function telnyxError(
  code: string,
  title: string,
  detail: string,
  source?: TelnyxErrorSource,
): TelnyxError {
  const error: TelnyxError = {
    code,
    title,
    detail,
    meta: { url: `https://developers.telnyx.com/docs/overview/errors/${code}` },
  };
  if (source) error.source = source;
  return error;
}

export const errorBody = (errors: TelnyxError[]) => ({ errors });

export const unauthorized = () =>
  new SimHttpError(401, [
    telnyxError("10009", "Authentication failed", "Could not understand the provided credentials."),
  ]);

export const forbidden = (detail = "You are not authorized to access the requested resource.") =>
  new SimHttpError(403, [telnyxError("10010", "Not authorized", detail, { pointer: "/" })]);

export const notFound = () =>
  new SimHttpError(404, [
    telnyxError("10005", "Resource not found", "The requested resource or URL could not be found.", {
      pointer: "/",
    }),
  ]);

export const badRequest = (
  detail = "The request failed because it was not well-formed.",
  source?: TelnyxErrorSource,
) => new SimHttpError(400, [telnyxError("10015", "Bad Request", detail, source ?? { pointer: "/" })]);

export const invalidId = () =>
  new SimHttpError(400, [
    telnyxError("10006", "Invalid ID", "The resource ID provided was invalid.", { parameter: "id" }),
  ]);

/** 422 on a body field: source.pointer is the JSON pointer of the field. */
export const invalidField = (field: string, detail: string, code = "10015") =>
  new SimHttpError(422, [
    telnyxError(code, code === "10004" ? "Missing required parameter" : "Invalid parameter", detail, {
      pointer: `/${field}`,
    }),
  ]);

/** A bad query parameter: source.parameter names it, the status depends on the operation. */
export const invalidParameter = (status: 400 | 422, parameter: string, detail: string) =>
  new SimHttpError(status, [
    telnyxError("10015", status === 400 ? "Bad Request" : "Invalid parameter", detail, { parameter }),
  ]);

export const payloadTooLarge = () =>
  new SimHttpError(413, [
    telnyxError("10015", "Bad Request", "The request body is too large.", { pointer: "/" }),
  ]);

export const unsupportedMediaType = () =>
  new SimHttpError(415, [
    telnyxError(
      "10014",
      "Unsupported Media Type",
      "The request failed because the server does not support the media type.",
    ),
  ]);

export const tooManyRequests = () =>
  new SimHttpError(429, [
    telnyxError("10011", "Too many requests", "You have exceeded the maximum number of allowed requests."),
  ]);

const titlesByStatus: Record<number, [string, string]> = {
  400: ["10015", "Bad Request"],
  401: ["10009", "Authentication failed"],
  403: ["10010", "Not authorized"],
  404: ["10005", "Resource not found"],
  408: ["10008", "Request timeout"],
  422: ["10015", "Invalid parameter"],
  429: ["10011", "Too many requests"],
};

/** The envelope an injected failure answers with, shaped like Telnyx's for that status. */
export function statusError(status: number): SimHttpError {
  const [code, title] = titlesByStatus[status] ?? ["10007", "Unexpected error"];
  return new SimHttpError(status, [telnyxError(code, title, "An injected failure from the simulator.")]);
}

export const internalError = () =>
  new SimHttpError(500, [telnyxError("10007", "Unexpected error", "An unexpected error occured.")]);
