import { QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./client";

export const sessionKey = ["session"] as const;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // A query that answers 401 means the session ended: drop it so the app shows the login page.
        if (isApiError(error) && error.status === 401) client.setQueryData(sessionKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return count < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}
