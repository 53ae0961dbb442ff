import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * `variables` and `extensions` that are not JSON — in a GET query string or a
 * form body — are the client's mistake: 400 BAD_REQUEST with what to fix,
 * not a masked 500 with a stack in the log. yoga parses them with a bare
 * JSON.parse, whose SyntaxError it took for a fault of the server's. (A
 * JSON body that does not parse is yoga's own 400 already.)
 */
export function useRequestParamErrors(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError(`"variables" and "extensions" must each be a JSON object; one of them is not valid JSON (${error.message}).`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}
