import { schema as published } from "@octokit/graphql-schema";
import {
  buildClientSchema,
  execute,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";

let cache: GraphQLSchema | undefined;

/**
 * GitHub's published GraphQL schema (`@octokit/graphql-schema`), from its
 * introspection result: the SDL file repeats some fields, which
 * `buildSchema` rejects. Built once per test file.
 */
export function gitHubSchema(): GraphQLSchema {
  cache ??= buildClientSchema(published.json as unknown as IntrospectionQuery);
  return cache;
}

/** A GraphQL request body as Octokit sends it. */
export interface GraphQlBody {
  query: string;
  variables?: Record<string, unknown>;
}

/** A parsed request, or what is wrong with it. */
export type GraphQlCheck =
  | { document: DocumentNode; operation: string; errors: [] }
  | { errors: string[] };

/**
 * Parses and validates a request against GitHub's schema: the document
 * (fields, arguments, types) and that `variables` is an object.
 * @example checkGraphQl({ query: "{ viewer { login } }" }).errors // []
 */
export function checkGraphQl(body: unknown): GraphQlCheck {
  const { query, variables } = (body ?? {}) as Partial<GraphQlBody>;
  if (typeof query !== "string") return { errors: ["graphql: no query"] };
  if (variables !== undefined && typeof variables !== "object") {
    return { errors: ["graphql: variables is not an object"] };
  }
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (err) {
    return { errors: [`graphql: ${(err as Error).message}`] };
  }
  const errors = validate(gitHubSchema(), document).map(
    (e) => `graphql: ${e.message}`,
  );
  if (errors.length > 0) return { errors };
  return { document, operation: operationName(document), errors: [] };
}

/**
 * Runs a checked request over `root` (plain objects and functions, as
 * graphql-js resolves by default). Variables are coerced by the schema,
 * so a wrong type is an error in the result the test sees as a violation.
 */
export async function executeGraphQl(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  root: unknown,
): Promise<{ data?: unknown; errors?: string[] }> {
  const result = await execute({
    schema: gitHubSchema(),
    document,
    rootValue: root,
    variableValues: variables ?? {},
  });
  const errors = result.errors?.map((e) => `graphql: ${e.message}`);
  return errors ? { data: result.data, errors } : { data: result.data };
}

/** `query repository.pullRequest` or `mutation resolveReviewThread`. */
function operationName(document: DocumentNode): string {
  const op = document.definitions.find((d) => d.kind === "OperationDefinition");
  if (!op || op.kind !== "OperationDefinition") return "graphql";
  const fields = op.selectionSet.selections
    .map((s) => (s.kind === "Field" ? s.name.value : "…"))
    .join(",");
  return `${op.operation} ${fields}`;
}
