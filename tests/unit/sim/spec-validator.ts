import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";

// Validates simulator answers against the Telnyx spec (OpenAPI 3.1, so plain JSON Schema 2020-12: nullable
// fields are written as type ["string", "null"] and need no conversion). Success schemas are "closed"
// (additionalProperties: false) so an undocumented field, such as a secret in a list item, fails.

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The repository's own copy, so a clone is self-contained. */
export const fixtureSpecPath = path.join(repoRoot, "tests/fixtures/telnyx-openapi-subset.json");
/** Where CI's checkout keeps the shared original (beside the repository). */
export const sharedSpecPath = path.resolve(repoRoot, "../shared/telnyx-openapi-subset.json");

type Json = Record<string, unknown>;
const SPEC_ID = "https://subdesk.test/telnyx-openapi-subset.json";
/** Error envelopes stay open: Telnyx adds fields to them freely (source.parameter in users errors, meta). */
const OPEN_SCHEMAS = new Set(["ErrorResponse", "UnprocessableEntityError"]);

export const spec = JSON.parse(readFileSync(fixtureSpecPath, "utf8")) as Json;

function closeObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(closeObjects);
  if (node === null || typeof node !== "object") return;
  const schema = node as Json;
  if (
    schema.properties &&
    typeof schema.properties === "object" &&
    schema.additionalProperties === undefined
  ) {
    schema.additionalProperties = false;
  }
  Object.values(schema).forEach(closeObjects);
}

function closedCopy(source: Json): Json {
  const copy = structuredClone(source);
  const components = copy.components as { schemas: Record<string, unknown> };
  for (const [name, schema] of Object.entries(components.schemas))
    if (!OPEN_SCHEMAS.has(name)) closeObjects(schema);
  for (const item of Object.values(copy.paths as Json)) {
    for (const operation of Object.values(item as Json)) {
      for (const response of Object.values(((operation as Json).responses ?? {}) as Json))
        closeObjects(response);
    }
  }
  return copy;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...closedCopy(spec), $id: SPEC_ID });

const escapePointer = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

interface Located {
  pointer: string;
  method: string;
  pathKey: string;
}

const operations = new Map<string, Located>();
for (const [pathKey, item] of Object.entries(spec.paths as Json)) {
  for (const [method, operation] of Object.entries(item as Json)) {
    const id = (operation as Json).operationId;
    if (typeof id === "string") {
      operations.set(id, { pathKey, method, pointer: `/paths/${escapePointer(pathKey)}/${method}` });
    }
  }
}

function at(pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>(
      (node, segment) => (node as Json | undefined)?.[segment.replace(/~1/g, "/").replace(/~0/g, "~")],
      spec,
    );
}

const compiled = new Map<string, ValidateFunction>();
function validatorAt(pointer: string): ValidateFunction {
  let validate = compiled.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
    compiled.set(pointer, validate);
  }
  return validate;
}

export const validationCounts = { documented: 0, envelopeOnly: 0 };

export interface Answer {
  status: number;
  contentType: string;
  body: unknown;
}

/**
 * Throws unless the answer matches the operation's documented response for its status. A documented status
 * without a schema (e.g. 404 "Resource not found") is checked against the spec's ErrorResponse; an
 * undocumented status must be listed in allowUndocumented and is checked against the error envelope too.
 */
export function expectSpec(operationId: string, answer: Answer, allowUndocumented: number[] = []): void {
  const located = operations.get(operationId);
  if (!located) throw new Error(`unknown operationId ${operationId}`);
  const responsePointer = `${located.pointer}/responses/${answer.status}`;
  let response = at(responsePointer) as Json | undefined;
  let pointer = responsePointer;
  if (response && typeof response.$ref === "string") {
    pointer = response.$ref.slice(1);
    response = at(pointer) as Json;
  }
  const mediaType = answer.contentType.split(";")[0]?.trim() ?? "";
  let schemaPointer: string;
  if (!response) {
    if (!allowUndocumented.includes(answer.status)) {
      throw new Error(`${operationId} answered ${answer.status}, which the spec does not document`);
    }
    schemaPointer =
      answer.status === 422
        ? "/components/responses/UnprocessableManagedAccountEntity/content/application~1json/schema"
        : "/components/schemas/ErrorResponse";
    validationCounts.envelopeOnly += 1;
  } else if (response.content) {
    const content = response.content as Json;
    if (!content[mediaType])
      throw new Error(`${operationId} ${answer.status}: media type ${mediaType} not documented`);
    schemaPointer = `${pointer}/content/${escapePointer(mediaType)}/schema`;
    validationCounts.documented += 1;
  } else {
    schemaPointer = "/components/schemas/ErrorResponse";
    validationCounts.envelopeOnly += 1;
  }
  if (answer.status >= 400) expectErrorEnvelope(answer.body);
  const validate = validatorAt(schemaPointer);
  if (!validate(answer.body)) {
    throw new Error(
      `${operationId} ${answer.status} does not match ${schemaPointer}: ${ajv.errorsText(validate.errors)}`,
    );
  }
}

/** What every Telnyx error answer has, whatever the spec says per operation. */
export function expectErrorEnvelope(body: unknown): void {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0)
    throw new Error(`not a Telnyx error envelope: ${JSON.stringify(body)}`);
  for (const error of errors as Json[]) {
    for (const field of ["code", "title", "detail"]) {
      if (typeof error[field] !== "string")
        throw new Error(`error without a string ${field}: ${JSON.stringify(error)}`);
    }
  }
}
